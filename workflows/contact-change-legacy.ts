import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  condition,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { createActivities } from '../activities/index.js';
import type { EmailKind, Recipient } from '../activities/send-email.js';
import { Errors, PARTIES, isFinal, type Decision, type Party, type State } from '../domain/contact-change.js';
import {
  acceptUpdate,
  cancelUpdate,
  expiryRefusal,
  extendUpdate,
  refuseUpdate,
  resendUpdate,
  statusQuery,
  type CancelInput,
  type ChangeStatus,
  type ContactChangeInput,
  type DecisionInput,
  type ExtendInput,
  type ResendInput,
} from './messages.js';

type Activities = ReturnType<typeof createActivities>;

// Projection and commit must eventually happen: retried until they succeed, unless the request is gone.
const db = proxyActivities<Activities>({
  startToCloseTimeout: '30s',
  retry: {
    initialInterval: '1s',
    backoffCoefficient: 2,
    maximumInterval: '1m',
    nonRetryableErrorTypes: [Errors.NotFound],
  },
});

const reject = (type: Errors, message: string) => ApplicationFailure.create({ type, message, nonRetryable: true });
const EXPIRY_MESSAGES = {
  past: 'The new expiry must be in the future',
  notLater: 'The new expiry must be later than the current one',
  tooLate: 'The new expiry may be at most 30 days from now',
} as const;

/**
 * The workflow as it ran before the compact history (`COMPACT_HISTORY` in contact-change.ts): every database step a
 * regular activity, one activity per email. Requests started then keep replaying and running on this code, unchanged.
 */
export async function legacyContactChange(input: ContactChangeInput): Promise<{ state: State }> {
  const { changeId } = input;
  // Emails run on their own task queue, whose rate limit keeps the sending under the provider's.
  const mail = proxyActivities<Activities>({
    taskQueue: `${workflowInfo().taskQueue}-email`,
    startToCloseTimeout: '30s',
    retry: {
      initialInterval: '1s',
      backoffCoefficient: 2,
      maximumInterval: '2m',
      maximumAttempts: 8,
      nonRetryableErrorTypes: [Errors.EmailRejected, Errors.NotFound],
    },
  });

  let state: State = 'todo';
  let sending = 1;
  let lastSentAt = Date.now();
  let remindersSent = 0;
  // Support may push the deadline back; old histories never do, so they replay unchanged without a patch.
  let expiresAt = input.expiresAt;
  let cancel: CancelInput | null = null;
  // Set once the final state is written to PostgreSQL: handlers answer only then, so the API agrees with it.
  let projected = false;
  const decisions: Record<Party, { decision: Decision; recorded: boolean; noteId?: string } | null> = {
    from: null,
    to: null,
  };

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
  // Copies for the holder's subscribed contacts came later: histories from before it replay without them.
  const copies = async (kind: EmailKind) => {
    if (!(['done', 'refused', 'expired', 'aborted'] as EmailKind[]).includes(kind) || !patched('outcome-copies'))
      return;
    try {
      await mail.sendCopies({ changeId, kind });
    } catch (err) {
      if (!(err instanceof ActivityFailure)) throw err;
    }
  };
  const notifyAll = (kind: EmailKind) =>
    Promise.all([...(['from', 'to', 'asker'] as const).map((r) => send(r, kind, 0, sending, true)), copies(kind)]);

  const assertOpen = () => {
    if (state !== 'validatingByCustomers' || cancel)
      throw reject(Errors.NotPending, `The request is ${cancel ? 'aborted' : state}`);
    if (Date.now() >= expiresAt) throw reject(Errors.Expired, 'The request has expired');
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
  setHandler(
    cancelUpdate,
    async (request) => {
      cancel = request;
      await condition(() => projected);
      return status();
    },
    {
      validator: (_request: CancelInput) => {
        if (cancel || !['todo', 'checkValidity', 'validatingByCustomers'].includes(state)) {
          throw reject(Errors.NotPending, `The request is ${cancel ? 'aborted' : state}`);
        }
      },
    },
  );
  setHandler(
    resendUpdate,
    async ({ by, noteId }) => {
      sending += 1;
      lastSentAt = Date.now();
      const at = sending;
      await db.startSending({ changeId, sending: at, by, noteId });
      await Promise.all(undecided().map((party) => send(party, 'request', 0, at)));
      return status();
    },
    {
      validator: (_request: ResendInput) => {
        assertOpen();
        if (undecided().length === 0) throw reject(Errors.NothingToResend, 'Both contacts have already decided');
        const wait = lastSentAt + input.resendCooldownMs - Date.now();
        if (wait > 0)
          throw reject(Errors.ResendTooSoon, `Emails were sent moments ago; try again in ${Math.ceil(wait / 1000)} s`);
      },
    },
  );
  setHandler(
    extendUpdate,
    async ({ by, noteId, expiresAt: until }) => {
      // Set before the activity runs: the waiting loop reads it when its current timer fires.
      expiresAt = until;
      await db.recordExtension({ changeId, expiresAt: until, by, noteId });
      return status();
    },
    {
      validator: ({ expiresAt: until }: ExtendInput) => {
        assertOpen();
        const refusal = expiryRefusal(until, expiresAt, Date.now());
        if (refusal) {
          throw ApplicationFailure.create({
            type: Errors.InvalidExpiry,
            message: EXPIRY_MESSAGES[refusal],
            details: [refusal],
            nonRetryable: true,
          });
        }
      },
    },
  );

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
      const wakeAt = Math.min(expiresAt, remindAt);
      await condition(() => outcome() !== null, Math.max(wakeAt - Date.now(), 1));
      const next = outcome();
      if (next === 'doing') return commit();
      if (next) return end(next);
      if (Date.now() >= expiresAt) {
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
