import { ApplicationFailure } from '@temporalio/workflow';
import { Errors, MAX_EXTENSIONS, MAX_SENDINGS } from '../domain/contact-change.js';
import type { ChangeRequest } from './change-request.js';
import { expiryRefusal, type DecisionInput, type ExtendInput } from './messages.js';

// A refused Update leaves nothing in the history; the failure's type tells the API what to answer.
const reject = (type: Errors, message: string, ...details: unknown[]) =>
  ApplicationFailure.create({ type, message, details, nonRetryable: true });

const EXPIRY_MESSAGES = {
  past: 'The new expiry must be in the future',
  notLater: 'The new expiry must be later than the current one',
  tooLate: 'The new expiry may be at most 30 days from now',
} as const;

function assertOpen(request: ChangeRequest): void {
  const { state, cancel } = request;
  if (state !== 'validatingByCustomers' || cancel)
    throw reject(Errors.NotPending, `The request is ${cancel ? 'aborted' : state}`);
  if (Date.now() >= request.expiresAt) throw reject(Errors.Expired, 'The request has expired');
}

export function validateDecision(request: ChangeRequest, { party, sending }: DecisionInput): void {
  assertOpen(request);
  if (request.decisions[party]) throw reject(Errors.AlreadyDecided, `The ${party} contact has already decided`);
  if (sending !== request.sending) throw reject(Errors.TokenSuperseded, 'A newer email replaced this token');
}

export function validateCancel(request: ChangeRequest): void {
  const { state, cancel } = request;
  if (cancel || !['todo', 'checkValidity', 'validatingByCustomers'].includes(state)) {
    throw reject(Errors.NotPending, `The request is ${cancel ? 'aborted' : state}`);
  }
}

export function validateResend(request: ChangeRequest): void {
  assertOpen(request);
  if (request.undecided().length === 0) throw reject(Errors.NothingToResend, 'Both contacts have already decided');
  if (request.sending >= MAX_SENDINGS) {
    throw reject(
      Errors.ResendLimit,
      `The emails of this request have gone out ${MAX_SENDINGS} times; cancel it and make a new request`,
    );
  }
  const wait = request.lastSentAt + request.input.resendCooldownMs - Date.now();
  if (wait > 0)
    throw reject(
      Errors.ResendTooSoon,
      `Emails were sent moments ago; try again in ${Math.ceil(wait / 1000)} s`,
      Math.ceil(wait / 1000),
    );
}

export function validateExtend(request: ChangeRequest, { expiresAt }: ExtendInput): void {
  assertOpen(request);
  if (request.extensions >= MAX_EXTENSIONS) {
    throw reject(
      Errors.ExtensionLimit,
      `This request has been extended ${MAX_EXTENSIONS} times already; cancel it and make a new request`,
    );
  }
  const refusal = expiryRefusal(expiresAt, request.expiresAt, Date.now());
  if (refusal) {
    throw ApplicationFailure.create({
      type: Errors.InvalidExpiry,
      message: EXPIRY_MESSAGES[refusal],
      details: [refusal],
      nonRetryable: true,
    });
  }
}

/**
 * The provider's word comes for a change it applies, once both accepted; the same word again is taken (and answered
 * as the first), the other word is refused: the first of two racing words wins.
 */
export function validateProviderWord(request: ChangeRequest, kind: 'applied' | 'failed'): void {
  if (!request.input.providerApplies) {
    throw reject(Errors.NotPending, 'The provider does not apply this change: Countersign does, once both accept');
  }
  const word = request.providerWord;
  if (word && word.kind !== kind) throw reject(Errors.NotPending, `The provider already said the change ${word.kind}`);
  if (word) return;
  if (request.state !== 'doing' || !request.awaitingProvider) {
    throw reject(Errors.NotPending, `The request is ${request.state}; it is not waiting for the provider`);
  }
}
