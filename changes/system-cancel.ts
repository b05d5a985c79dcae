import type { Context } from '../core/context.js';
import { isOutage } from '../core/outages.js';
import { Problem } from '../core/problems.js';
import type { CancelReason } from '../domain/email-changes.js';
import { cancelUpdate } from '../workflows/messages.js';
import { actionProblem, runUpdate } from './workflow.js';

/**
 * Requests the system itself ends, not a person: a party's address changed, the provider changed the service. The
 * reason is a code (CANCEL_REASONS); the request ends `aborted`, with no one as its author, and everyone is told.
 */

/** The error when a request could not be ended (Temporal out of reach): what was to follow does not happen either. */
export const cannotEnd = (what: string) =>
  new Problem('unavailable', `The pending contact changes could not be ended, so ${what}. Try again in a moment.`);

/**
 * Ends one request for this reason; false when it had ended otherwise, is being applied, or its workflow has not
 * started yet (the caller looks again in a moment). `by` is kept in the workflow's history only.
 */
export async function endForReason(
  ctx: Context,
  changeId: string,
  reason: CancelReason,
  by: string,
  what: string,
): Promise<boolean> {
  try {
    await runUpdate(ctx.temporal, changeId, cancelUpdate, { by, reason });
    return true;
  } catch (err) {
    const problem = actionProblem(err);
    if (problem?.code === 'notPending' || problem?.code === 'alreadyEnded') return false;
    if (!isOutage(err)) ctx.log.error({ err, changeId, reason }, 'could not end a request');
    throw cannotEnd(what);
  }
}
