import {
  ActivityFailure,
  TimeoutFailure,
  proxyActivities,
  proxyLocalActivities,
  workflowInfo,
} from '@temporalio/workflow';
import type { SendEmailsInput } from '../activities/email-batch.js';
import type { createActivities } from '../activities/index.js';
import { Errors } from '../domain/contact-change.js';

type Activities = ReturnType<typeof createActivities>;

const STEPS = [
  'openRequest',
  'recordDecision',
  'startSending',
  'recordExtension',
  'finish',
  'acceptAndCommit',
  'commitRequest',
  'acceptAndAwaitProvider',
  'awaitProvider',
  'applyFailed',
] as const;
type Steps = Pick<Activities, (typeof STEPS)[number]>;

// Projection and commit must eventually happen: retried until they succeed, unless the request is gone.
const DB_RETRY = {
  initialInterval: '1s',
  backoffCoefficient: 2,
  maximumInterval: '1m',
  nonRetryableErrorTypes: [Errors.NotFound],
};
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
/**
 * The database steps as regular activities: their retries, however many, add nothing to the history. A step takes
 * milliseconds; when its worker dies mid-step, Temporal tries it again only once the start-to-close timeout is over,
 * so that timeout is short: a decision taken as the worker died is written within seconds of another worker running.
 * An attempt cut short by it may still finish: every step is idempotent.
 */
export const remote = proxyActivities<Steps>({ startToCloseTimeout: '5s', retry: DB_RETRY });

/**
 * A database step: a local activity, and when it timed out (PostgreSQL down), a regular one for as long as it takes.
 */
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
/** The database steps as local activities, each falling back to a regular one (see `step`). */
export const db = Object.fromEntries(STEPS.map((name) => [name, step(name)])) as unknown as Steps;

export type SendEmails = (batch: Omit<SendEmailsInput, 'changeId'>) => Promise<void>;

/**
 * Every email of one moment goes out in one activity, each with its own idempotency key. The activity has recorded
 * a failure for support; the request itself goes on.
 */
export function emailSender(changeId: string): SendEmails {
  // Emails run on their own task queue, whose rate limit keeps the sending under the provider's.
  const mail = proxyActivities<Pick<Activities, 'sendEmails'>>({
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
  return async (batch) => {
    if (batch.recipients.length === 0 && !batch.copies) return;
    try {
      await mail.sendEmails({ changeId, ...batch });
    } catch (err) {
      if (!(err instanceof ActivityFailure)) throw err;
    }
  };
}
