import {
  ActivityFailure,
  ApplicationFailure,
  TimeoutFailure,
  allHandlersFinished,
  condition,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import type { SendEmailsInput } from '../activities/email-batch.js';
import type { createActivities } from '../activities/index.js';
import {
  Errors,
  MAX_EXTENSIONS,
  MAX_SENDINGS,
  PARTIES,
  isFinal,
  type Decision,
  type Party,
  type State,
} from '../domain/contact-change.js';
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
const DB_RETRY = {
  initialInterval: '1s',
  backoffCoefficient: 2,
  maximumInterval: '1m',
  nonRetryableErrorTypes: [Errors.NotFound],
};
type Steps = Pick<
  Activities,
  'openRequest' | 'recordDecision' | 'startSending' | 'recordExtension' | 'finish' | 'acceptAndCommit' | 'commitRequest'
>;
// Opening a request is a local activity: one marker in the history, run within the workflow task. A failing one retries
// in the worker, then on server timers (6 events a try); past 30 s it times out. Every step that follows an Update
// (a decision, a cancel, a resend, an extension) is a regular activity instead: a workflow task that handles an Update
// can be thrown away before Temporal records the Update (under a burst of Updates), and a local activity run in it
// would have written an outcome that never happened. A regular activity is scheduled only once the task is recorded.
const local = proxyLocalActivities<Steps>({
  startToCloseTimeout: '10s',
  scheduleToCloseTimeout: '30s',
  localRetryThreshold: '10s',
  retry: DB_RETRY,
});
// The same steps as regular activities: their retries, however many, add nothing to the history.
const remote = proxyActivities<Steps>({ startToCloseTimeout: '30s', retry: DB_RETRY });

/** A database step: a local activity, and when it timed out (PostgreSQL down), a regular one for as long as it takes.
 * */
function step(name: keyof Steps): (...args: unknown[]) => Promise<unknown> {
  const call = (proxy: Steps, args: unknown[]) => (proxy[name] as (...a: unknown[]) => Promise<unknown>)(...args);
  return async (...args) => {
    try {
      return await call(local, args);
    } catch (err) {
      if (err instanceof ActivityFailure && err.cause instanceof TimeoutFailure) return call(remote, args);
      throw err;
    }
  };
}
const STEPS = [
  'openRequest',
  'recordDecision',
  'startSending',
  'recordExtension',
  'finish',
  'acceptAndCommit',
  'commitRequest',
] as const;
const db = Object.fromEntries(STEPS.map((name) => [name, step(name)])) as unknown as Steps;

const reject = (type: Errors, message: string) => ApplicationFailure.create({ type, message, nonRetryable: true });
const EXPIRY_MESSAGES = {
  past: 'The new expiry must be in the future',
  notLater: 'The new expiry must be later than the current one',
  tooLate: 'The new expiry may be at most 30 days from now',
} as const;

/** One contact change, from the tokens to the commit. */
export async function contactChange(input: ContactChangeInput): Promise<{ state: State }> {
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
  let extensions = 0;
  // Support may push the deadline back.
  let expiresAt = input.expiresAt;
  let cancel: CancelInput | null = null;
  // Set once the final state is written to PostgreSQL: handlers answer only then, so the API agrees with it.
  let projected = false;
  const decisions: Record<Party, { decision: Decision; recorded: boolean; noteId?: string } | null> = {
    from: null,
    to: null,
  };
  // The commit, when the last acceptance made it in the same step as its own recording.
  let committed: Promise<{ state: 'done' | 'error' }> | null = null;

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

  // Every email of one moment goes out in one activity, each with its own idempotency key. The activity has recorded
  // a failure for support; the request itself goes on.
  const send = async (batch: Omit<SendEmailsInput, 'changeId'>) => {
    if (batch.recipients.length === 0 && !batch.copies) return;
    try {
      await mail.sendEmails({ changeId, ...batch });
    } catch (err) {
      if (!(err instanceof ActivityFailure)) throw err;
    }
  };
  // The outcome for both parties and the asker; an ending that changed nothing also for the subscribed contacts.
  const notifyAll = (kind: 'done' | 'refused' | 'expired' | 'aborted' | 'error') =>
    send({ kind, sending, seq: 0, recipients: ['from', 'to', 'asker'], toAll: true, copies: kind !== 'error' });

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
      const other = decisions[party === 'from' ? 'to' : 'from'];
      if (decision === 'accepted' && other?.decision === 'accepted' && other.recorded && !cancel) {
        // The last acceptance: from here the request is being applied (no cancel, resend or extension), and the
        // decision, `doing` and the commit are one step.
        state = 'doing';
        committed = remote.acceptAndCommit({ changeId, party, noteId });
        await committed;
      } else {
        await remote.recordDecision({ changeId, party, decision, noteId });
      }
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
      await remote.startSending({ changeId, sending: at, by, noteId });
      await send({ kind: 'request', sending: at, seq: 0, recipients: undecided() });
      return status();
    },
    {
      validator: (_request: ResendInput) => {
        assertOpen();
        if (undecided().length === 0) throw reject(Errors.NothingToResend, 'Both contacts have already decided');
        if (sending >= MAX_SENDINGS) {
          throw reject(
            Errors.ResendLimit,
            `The emails of this request have gone out ${MAX_SENDINGS} times; cancel it and make a new request`,
          );
        }
        const wait = lastSentAt + input.resendCooldownMs - Date.now();
        if (wait > 0)
          throw reject(Errors.ResendTooSoon, `Emails were sent moments ago; try again in ${Math.ceil(wait / 1000)} s`);
      },
    },
  );
  setHandler(
    extendUpdate,
    async ({ by, noteId, expiresAt: until }) => {
      extensions += 1;
      // Set before the activity runs: the waiting loop reads it when its current timer fires.
      expiresAt = until;
      await remote.recordExtension({ changeId, expiresAt: until, by, noteId });
      return status();
    },
    {
      validator: ({ expiresAt: until }: ExtendInput) => {
        assertOpen();
        if (extensions >= MAX_EXTENSIONS) {
          throw reject(
            Errors.ExtensionLimit,
            `This request has been extended ${MAX_EXTENSIONS} times already; cancel it and make a new request`,
          );
        }
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
    await remote.finish({ changeId, state: final, by: cancel?.by, noteId: cancel?.noteId ?? refusal?.noteId });
    projected = true;
    await notifyAll(final);
  };

  state = 'checkValidity';
  const check = await db.openRequest({ changeId });
  if (cancel) {
    await end('aborted');
  } else if (!check.ok) {
    state = 'error';
    await db.finish({ changeId, state, reason: check.reason });
    projected = true;
    await send({ kind: 'error', sending, seq: 0, recipients: ['asker'] });
  } else {
    state = 'validatingByCustomers';
    await send({ kind: 'request', sending, seq: 0, recipients: [...PARTIES] });
    await awaitDecisions();
  }
  await condition(allHandlersFinished);
  return { state };

  async function awaitDecisions(): Promise<void> {
    for (;;) {
      const remindAt = input.createdAt + (input.reminderAfterMs[remindersSent] ?? Infinity);
      const wakeAt = Math.min(expiresAt, remindAt);
      // A timer left running costs nothing when the workflow ends, a cancelled one an event: never cancel it.
      const alarm = { rang: false };
      void sleep(Math.max(wakeAt - Date.now(), 1)).then(() => {
        alarm.rang = true;
      });
      await condition(() => outcome() !== null || alarm.rang);
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
        await send({ kind: 'reminder', sending, seq: remindersSent, recipients: undecided() });
      }
    }
  }

  async function commit(): Promise<void> {
    state = 'doing';
    const result = await (committed ?? remote.commitRequest({ changeId }));
    state = result.state;
    projected = true;
    await notifyAll(result.state);
  }
}
