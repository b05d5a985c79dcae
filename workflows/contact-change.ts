import {
  ActivityFailure, ApplicationFailure, allHandlersFinished, condition, proxyActivities, setHandler, workflowInfo,
} from '@temporalio/workflow';
import type { createActivities } from '../activities/index.js';
import type { EmailKind, Recipient } from '../activities/send-email.js';
import { Errors, PARTIES, isFinal, type Decision, type Party, type State } from '../domain/contact-change.js';
import {
  acceptUpdate, cancelUpdate, refuseUpdate, resendUpdate, statusQuery,
  type CancelInput, type ChangeStatus, type ContactChangeInput, type DecisionInput, type ResendInput,
} from './messages.js';

type Activities = ReturnType<typeof createActivities>;

// Projection and commit must eventually happen: retried until they succeed, unless the request is gone.
const db = proxyActivities<Activities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m', nonRetryableErrorTypes: [Errors.NotFound] },
});

const reject = (type: Errors, message: string) => ApplicationFailure.create({ type, message, nonRetryable: true });

export async function contactChange(input: ContactChangeInput): Promise<{ state: State }> {
  const { changeId } = input;
  // Emails run on their own task queue, whose rate limit keeps the sending under the provider's.
  const mail = proxyActivities<Activities>({
    taskQueue: `${workflowInfo().taskQueue}-email`,
    startToCloseTimeout: '30s',
    retry: {
      initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '2m', maximumAttempts: 8,
      nonRetryableErrorTypes: [Errors.EmailRejected, Errors.NotFound],
    },
  });

  let state: State = 'todo';
  let sending = 1;
  let lastSentAt = Date.now();
  let remindersSent = 0;
  let cancel: CancelInput | null = null;
  // Set once the final state is written to PostgreSQL: handlers answer only then, so the API agrees with it.
  let projected = false;
  const decisions: Record<Party, { decision: Decision; recorded: boolean; noteId?: string } | null> = { from: null, to: null };

  const undecided = (): Party[] => PARTIES.filter((p) => decisions[p] === null);
  const status = (): ChangeStatus => ({
    state,
    sending,
    decisions: { from: decisions.from?.decision ?? null, to: decisions.to?.decision ?? null },
    awaiting: isFinal(state) ? [] : undecided(),
  });
  const recording = () => PARTIES.some((p) => decisions[p] !== null && !decisions[p]!.recorded);
  const outcome = (): 'aborted' | 'refused' | 'doing' | null => {
    if (cancel) return 'aborted';
    if (recording()) return null;
    if (PARTIES.some((p) => decisions[p]?.decision === 'refused')) return 'refused';
    if (PARTIES.every((p) => decisions[p]?.decision === 'accepted')) return 'doing';
    return null;
  };

  const send = async (recipient: Recipient, kind: EmailKind, seq = 0, at = sending, toAll = false) => {
    try {
      await mail.sendEmail({ changeId, recipient, kind, sending: at, seq, toAll });
    } catch (err) {
      // The activity has recorded the failure for support; the request itself goes on.
      if (!(err instanceof ActivityFailure)) throw err;
    }
  };
  const notifyAll = (kind: EmailKind) =>
    Promise.all((['from', 'to', 'asker'] as const).map((r) => send(r, kind, 0, sending, true)));

  const assertOpen = () => {
    if (state !== 'validatingByCustomers' || cancel) throw reject(Errors.NotPending, `The request is ${cancel ? 'aborted' : state}`);
    if (Date.now() >= input.expiresAt) throw reject(Errors.Expired, 'The request has expired');
  };
  const decide = (decision: Decision) => ({
    validator: ({ party, sending: tokenSending }: DecisionInput) => {
      assertOpen();
      if (decisions[party]) throw reject(Errors.AlreadyDecided, `The ${party} contact has already decided`);
      if (tokenSending !== sending) throw reject(Errors.TokenSuperseded, 'A newer email replaced this token');
    },
    handler: async ({ party, noteId }: DecisionInput): Promise<ChangeStatus> => {
      const entry = { decision, recorded: false, noteId };
      decisions[party] = entry;
      await db.recordDecision({ changeId, party, decision, noteId });
      entry.recorded = true;
      // This decision settles the request (a refusal, or the last acceptance): answer with the outcome.
      if (decision === 'refused' || undecided().length === 0 || cancel) await condition(() => projected);
      return status();
    },
  });

  setHandler(statusQuery, status);
  const accept = decide('accepted');
  const refuse = decide('refused');
  setHandler(acceptUpdate, accept.handler, { validator: accept.validator });
  setHandler(refuseUpdate, refuse.handler, { validator: refuse.validator });
  setHandler(cancelUpdate, async (request) => {
    cancel = request;
    await condition(() => projected);
    return status();
  }, {
    validator: (_request: CancelInput) => {
      if (cancel || !['todo', 'checkValidity', 'validatingByCustomers'].includes(state)) {
        throw reject(Errors.NotPending, `The request is ${cancel ? 'aborted' : state}`);
      }
    },
  });
  setHandler(resendUpdate, async ({ by }) => {
    sending += 1;
    lastSentAt = Date.now();
    const at = sending;
    await db.startSending({ changeId, sending: at, by });
    await Promise.all(undecided().map((party) => send(party, 'request', 0, at)));
    return status();
  }, {
    validator: (_request: ResendInput) => {
      assertOpen();
      if (undecided().length === 0) throw reject(Errors.NothingToResend, 'Both contacts have already decided');
      const wait = lastSentAt + input.resendCooldownMs - Date.now();
      if (wait > 0) throw reject(Errors.ResendTooSoon, `Emails were sent moments ago; try again in ${Math.ceil(wait / 1000)} s`);
    },
  });

  const end = async (final: 'refused' | 'expired' | 'aborted') => {
    state = final;
    const refusal = PARTIES.map((p) => decisions[p]).find((d) => d?.decision === 'refused');
    await db.finish({ changeId, state: final, by: cancel?.by, noteId: cancel?.noteId ?? refusal?.noteId });
    projected = true;
    await notifyAll(final);
  };

  state = 'checkValidity';
  await db.setState({ changeId, state });
  const check = await db.checkValidity({ changeId });
  if (cancel) {
    await end('aborted');
  } else if (!check.ok) {
    state = 'error';
    await db.finish({ changeId, state, reason: check.reason });
    projected = true;
    await send('asker', 'error');
  } else {
    state = 'validatingByCustomers';
    await db.setState({ changeId, state });
    await Promise.all(PARTIES.map((party) => send(party, 'request')));
    await awaitDecisions();
  }
  await condition(allHandlersFinished);
  return { state };

  async function awaitDecisions(): Promise<void> {
    for (;;) {
      const remindAt = input.createdAt + (input.reminderAfterMs[remindersSent] ?? Infinity);
      const wakeAt = Math.min(input.expiresAt, remindAt);
      await condition(() => outcome() !== null, Math.max(wakeAt - Date.now(), 1));
      const next = outcome();
      if (next === 'doing') return commit();
      if (next) return end(next);
      if (Date.now() >= input.expiresAt) {
        // A decision accepted just before the deadline counts: wait until it is written down.
        if (recording()) {
          await condition(() => !recording());
          continue;
        }
        return end('expired');
      }
      if (Date.now() >= remindAt) {
        remindersSent += 1;
        await Promise.all(undecided().map((party) => send(party, 'reminder', remindersSent)));
      }
    }
  }

  async function commit(): Promise<void> {
    state = 'doing';
    await db.setState({ changeId, state });
    const result = await db.commitChange({ changeId });
    state = result.state;
    projected = true;
    await notifyAll(result.state);
  }
}
