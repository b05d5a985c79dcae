import { condition, setHandler } from '@temporalio/workflow';
import type { Decision } from '../domain/contact-change.js';
import type { ChangeRequest } from './change-request.js';
import {
  acceptUpdate,
  appliedUpdate,
  cancelUpdate,
  failedUpdate,
  extendUpdate,
  refuseUpdate,
  resendUpdate,
  statusQuery,
  type ApplyInput,
  type CancelInput,
  type ChangeStatus,
  type DecisionInput,
  type ExtendInput,
  type ResendInput,
} from './messages.js';
import { remote, type SendEmails } from './steps.js';
import {
  validateCancel,
  validateDecision,
  validateExtend,
  validateProviderWord,
  validateResend,
} from './validators.js';

async function decide(request: ChangeRequest, decision: Decision, input: DecisionInput): Promise<ChangeStatus> {
  const { changeId, decisions } = request;
  const { party, noteId } = input;
  const entry = { decision, recorded: false, noteId };
  decisions[party] = entry;
  const other = decisions[party === 'from' ? 'to' : 'from'];
  if (decision === 'accepted' && other?.decision === 'accepted' && other.recorded && !request.cancel) {
    // The last acceptance: from here the request is being applied (no cancel, resend or extension), and the
    // decision, `doing` and the commit are one step.
    request.state = 'doing';
    if (request.input.providerApplies) {
      await remote.acceptAndAwaitProvider({ changeId, party, noteId });
      request.awaitingProvider = true;
    } else {
      request.committed = remote.acceptAndCommit({ changeId, party, noteId });
      await request.committed;
    }
  } else {
    await remote.recordDecision({ changeId, party, decision, noteId });
  }
  entry.recorded = true;
  // This decision settles the request (a refusal, or the last acceptance): answer with the outcome.
  if (decision === 'refused' || request.undecided().length === 0 || request.cancel) {
    // A change the provider applies answers `doing` once that is written; the provider's word comes later.
    await condition(() => request.projected || request.awaitingProvider);
  }
  return request.status();
}

/** The provider's word on a change it applies; the same word again is answered as the first was. */
async function providerWord(
  request: ChangeRequest,
  kind: 'applied' | 'failed',
  input: ApplyInput,
): Promise<ChangeStatus> {
  request.providerWord ??= { kind, ...input };
  await condition(() => request.projected);
  return request.status();
}

async function cancel(request: ChangeRequest, input: CancelInput): Promise<ChangeStatus> {
  request.cancel = input;
  await condition(() => request.projected);
  return request.status();
}

async function resend(request: ChangeRequest, send: SendEmails, { by, noteId }: ResendInput): Promise<ChangeStatus> {
  request.sending += 1;
  request.lastSentAt = Date.now();
  const sending = request.sending;
  await remote.startSending({ changeId: request.changeId, sending, by, noteId });
  await send({ kind: 'request', sending, seq: 0, recipients: request.undecided() });
  return request.status();
}

async function extend(request: ChangeRequest, { by, noteId, expiresAt }: ExtendInput): Promise<ChangeStatus> {
  request.extensions += 1;
  // Set before the activity runs: the waiting loop reads it when its current timer fires.
  request.expiresAt = expiresAt;
  await remote.recordExtension({ changeId: request.changeId, expiresAt, by, noteId });
  return request.status();
}

/** The request's messages: each Update's validator refuses what may not happen now, before anything is recorded. */
export function registerHandlers(request: ChangeRequest, send: SendEmails): void {
  setHandler(statusQuery, () => request.status());
  setHandler(acceptUpdate, (input) => decide(request, 'accepted', input), {
    validator: (input: DecisionInput) => validateDecision(request, input),
  });
  setHandler(refuseUpdate, (input) => decide(request, 'refused', input), {
    validator: (input: DecisionInput) => validateDecision(request, input),
  });
  setHandler(cancelUpdate, (input) => cancel(request, input), {
    validator: (_input: CancelInput) => validateCancel(request),
  });
  setHandler(resendUpdate, (input) => resend(request, send, input), {
    validator: (_input: ResendInput) => validateResend(request),
  });
  setHandler(extendUpdate, (input) => extend(request, input), {
    validator: (input: ExtendInput) => validateExtend(request, input),
  });
  setHandler(appliedUpdate, (input) => providerWord(request, 'applied', input), {
    validator: (_input: ApplyInput) => validateProviderWord(request, 'applied'),
  });
  setHandler(failedUpdate, (input) => providerWord(request, 'failed', input), {
    validator: (_input: ApplyInput) => validateProviderWord(request, 'failed'),
  });
}
