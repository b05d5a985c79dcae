import { WorkflowNotFoundError } from '@temporalio/common';
import type { Context } from '../core/context.js';
import { isFinal, MAX_FAILED_ATTEMPTS, type Decision, type Party } from '../domain/contact-change.js';
import { partyOfToken } from '../domain/tokens.js';
import {
  loadChangeView,
  loadDecisionSummary,
  loadTokenCheck,
  type ChangeView,
  type DecisionSummary,
} from '../db/queries.js';
import { countWrongCode } from '../db/changes.js';
import { addEvent } from '../db/timeline.js';
import { acceptUpdate, refuseUpdate, type ChangeStatus } from '../workflows/messages.js';
import { Problem } from '../core/problems.js';
import { rejectionType, runUpdate, withNote } from './workflow.js';

/** One answer for a wrong, unknown, malformed, used or expired token: it tells a guesser nothing. */
export const invalidToken = () =>
  new Problem(
    'invalidToken',
    'This code is not valid for this request. It may be mistyped, already used, replaced by a newer email, or the request may have ended.',
  );

const locked = () =>
  new Problem(
    'tokensLocked',
    'Too many wrong codes were tried on this request, so its codes are locked. Ask the person who made the request, or support, to send the emails again.',
  );

export interface DecisionResult {
  party: Party;
  status: ChangeStatus;
  view: ChangeView;
}

async function countFailure(ctx: Context, changeId: string): Promise<void> {
  if ((await countWrongCode(ctx.db, changeId)) === MAX_FAILED_ATTEMPTS) {
    await addEvent(ctx.db, { changeId, type: 'tokensLocked', detail: { attempts: MAX_FAILED_ATTEMPTS } });
  }
}

/**
 * Checks a token against the current sending and hands the decision to the workflow, which alone decides
 * whether it still counts (single use, expiry, a race with the other party or a cancel).
 */
export async function decide(
  ctx: Context,
  input: { changeId: string; token: string; decision: Decision; reason?: string },
): Promise<DecisionResult> {
  // Most calls with a wrong code come from guessers: they read one narrow row, the whole view only once a code is
  // right.
  const change = await loadTokenCheck(ctx.db, input.changeId);
  if (!change) throw invalidToken();
  if (change.failedAttempts >= MAX_FAILED_ATTEMPTS) throw locked();
  if (isFinal(change.state)) throw invalidToken();
  const party = partyOfToken(ctx.config.tokenSecret, change.id, change.sending, input.token.trim());
  if (!party) {
    await countFailure(ctx, change.id);
    throw invalidToken();
  }
  const update = input.decision === 'accepted' ? acceptUpdate : refuseUpdate;
  const author = { changeId: change.id, accountId: party === 'from' ? change.fromId : change.toId };
  try {
    const status = await withNote(
      ctx.db,
      { ...author, text: input.decision === 'refused' ? input.reason : undefined },
      (noteId) => runUpdate(ctx.temporal, change.id, update, { party, sending: change.sending, noteId }),
    );
    return { party, status, view: (await loadChangeView(ctx.db, change.id))! };
  } catch (err) {
    if (rejectionType(err) || err instanceof WorkflowNotFoundError) throw invalidToken();
    throw err;
  }
}

/** What the decision page shows of a request, read on every opening of an emailed link; null when there is none. */
export function decisionSummary(ctx: Context, changeId: string): Promise<DecisionSummary | null> {
  return loadDecisionSummary(ctx.db, changeId);
}

/** The request a decision concerns, as it stands now (the page shows it again beside the outcome). */
export function decisionView(ctx: Context, changeId: string): Promise<ChangeView | null> {
  return loadChangeView(ctx.db, changeId);
}
