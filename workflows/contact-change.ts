import { allHandlersFinished, condition, sleep } from '@temporalio/workflow';
import { PARTIES, type State } from '../domain/contact-change.js';
import { ChangeRequest } from './change-request.js';
import { registerHandlers } from './handlers.js';
import type { ContactChangeInput } from './messages.js';
import { db, emailSender, remote, type SendEmails } from './steps.js';

type Ending = 'done' | 'error' | 'refused' | 'expired' | 'aborted';

/** The outcome for both parties and the asker; but for an error, also for the holder's subscribed contacts. */
function notifyAll(request: ChangeRequest, send: SendEmails, kind: Ending): Promise<void> {
  const { sending } = request;
  return send({ kind, sending, seq: 0, recipients: ['from', 'to', 'asker'], toAll: true, copies: kind !== 'error' });
}

/** A request whose check failed (a role moved, a contact left): written down as `error`, the asker told. */
async function fail(request: ChangeRequest, send: SendEmails, reason: string): Promise<void> {
  request.state = 'error';
  await db.finish({ changeId: request.changeId, state: 'error', reason });
  request.projected = true;
  await send({ kind: 'error', sending: request.sending, seq: 0, recipients: ['asker'] });
}

/** Ends a request that changed nothing: written down, then everyone told. */
async function end(request: ChangeRequest, send: SendEmails, final: 'refused' | 'expired' | 'aborted'): Promise<void> {
  const { changeId, cancel } = request;
  request.state = final;
  const noteId = cancel?.noteId ?? request.refusal()?.noteId;
  await remote.finish({ changeId, state: final, by: cancel?.by, noteId, cancelReason: cancel?.reason });
  request.projected = true;
  await notifyAll(request, send, final);
}

/**
 * A change the provider applies: `doing` until the provider says it applied it (the roles move, `done`) or failed
 * (`error`, with its reason); then everyone is told. No deadline: past APPLY_TIMEOUT support sees it as stuck.
 */
async function applyByProvider(request: ChangeRequest, send: SendEmails): Promise<void> {
  const { changeId } = request;
  if (!request.awaitingProvider) {
    await remote.awaitProvider({ changeId });
    request.awaitingProvider = true;
  }
  await condition(() => request.providerWord !== null);
  const word = request.providerWord!;
  if (word.kind === 'applied') {
    request.state = (await remote.commitRequest({ changeId })).state;
  } else {
    await remote.applyFailed({ changeId, noteId: word.noteId });
    request.state = 'error';
  }
  request.projected = true;
  await notifyAll(request, send, request.state as 'done' | 'error');
}

/** Applies the change both contacts accepted, then tells everyone. */
async function commit(request: ChangeRequest, send: SendEmails): Promise<void> {
  request.state = 'doing';
  if (request.input.providerApplies) return applyByProvider(request, send);
  const result = await (request.committed ?? remote.commitRequest({ changeId: request.changeId }));
  request.state = result.state;
  request.projected = true;
  await notifyAll(request, send, result.state);
}

/** Waits for the decisions, a cancel or the deadline, reminding whoever has not decided, then settles the request. */
async function awaitDecisions(request: ChangeRequest, send: SendEmails): Promise<void> {
  const { input } = request;
  for (;;) {
    const remindAt = input.createdAt + (input.reminderAfterMs[request.remindersSent] ?? Infinity);
    const wakeAt = Math.min(request.expiresAt, remindAt);
    // A timer left running costs nothing when the workflow ends, a cancelled one an event: never cancel it.
    const alarm = { rang: false };
    void sleep(Math.max(wakeAt - Date.now(), 1)).then(() => {
      alarm.rang = true;
    });
    await condition(() => request.outcome() !== null || alarm.rang);
    const next = request.outcome();
    if (next === 'doing') return commit(request, send);
    if (next) return end(request, send, next);
    if (Date.now() >= request.expiresAt) {
      // A decision accepted just before the deadline counts: wait until it is written down.
      if (request.recording()) {
        await condition(() => !request.recording());
        continue;
      }
      return end(request, send, 'expired');
    }
    if (Date.now() >= remindAt) {
      request.remindersSent += 1;
      await send({
        kind: 'reminder',
        sending: request.sending,
        seq: request.remindersSent,
        recipients: request.undecided(),
      });
    }
  }
}

/** One contact change, from the tokens to the commit. */
export async function contactChange(input: ContactChangeInput): Promise<{ state: State }> {
  const request = new ChangeRequest(input);
  const send = emailSender(input.changeId);
  registerHandlers(request, send);

  request.state = 'checkValidity';
  const check = await db.openRequest({ changeId: input.changeId });
  if (request.cancel) {
    await end(request, send, 'aborted');
  } else if (!check.ok) {
    await fail(request, send, check.reason);
  } else {
    request.state = 'validatingByCustomers';
    await send({ kind: 'request', sending: request.sending, seq: 0, recipients: [...PARTIES] });
    await awaitDecisions(request, send);
  }
  await condition(allHandlersFinished);
  return { state: request.state };
}
