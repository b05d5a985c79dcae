import type { Context } from '@temporalio/activity';
import type { ActivityInterceptors } from '@temporalio/worker';
import { clearFailingStep, markFailingStep } from '../db/changes.js';
import type { Db } from '../db/client.js';

/** From this attempt on, a failing activity marks its request as stuck for the support view. */
export const FAILING_AFTER_ATTEMPTS = 3;

/**
 * Marks the request whose step keeps failing (the step, since when, the last error) and clears the mark
 * once the step succeeds. Best effort: when the database is what fails, nothing can be written.
 */
export function failingStepTracker(db: Db) {
  return (ctx: Context): ActivityInterceptors => ({
    inbound: {
      async execute(input, next) {
        const changeId = (input.args[0] as { changeId?: string } | undefined)?.changeId;
        const { attempt, activityType } = ctx.info;
        try {
          const result = await next(input);
          if (changeId && attempt > 1) {
            await clearFailingStep(db, { changeId, step: activityType }).catch(() => {});
          }
          return result;
        } catch (err) {
          if (changeId && attempt >= FAILING_AFTER_ATTEMPTS) {
            const error = err instanceof Error ? err.message.slice(0, 500) : String(err);
            await markFailingStep(db, { changeId, step: activityType, error }).catch(() => {});
          }
          throw err;
        }
      },
    },
  });
}
