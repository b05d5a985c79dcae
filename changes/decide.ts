import { WorkflowNotFoundError } from '@temporalio/common';
import { sendAccountEmail } from '../accounts/notify.js';
import type { Context, Requester } from '../core/context.js';
import {
  Errors,
  isFinal,
  lockedEmailId,
  PARTIES,
  MAX_FAILED_ATTEMPTS,
  WRONG_CODES_PER_SOURCE,
  WRONG_CODES_WINDOW_MS,
  type Decision,
  type Party,
  type State,
} from '../domain/contact-change.js';
import { partyOfToken } from '../domain/tokens.js';
import {
  loadChangeView,
  loadDecisionSummary,
  loadTokenCheck,
  type ChangeView,
  type DecisionSummary,
  type TokenCheck,
} from '../db/queries.js';
import { countWrongCode } from '../db/changes.js';
import { countAttempt, forgetAttempt } from '../db/rate-limits.js';
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

/** Too many wrong codes from one address on one request: wait for the window to end. */
const tooManyWrongCodes = (retryAfterMs: number) =>
  new Problem(
    'tooManyWrongCodes',
    'Too many wrong codes were tried on this request from your address. Wait, then try the code from your email again.',
    { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) },
  );

export interface DecisionResult {
  party: Party;
  /** What this party decided and when: the decision just taken, or the one taken before (the same code again). */
  decision: Decision;
  decidedAt: Date;
  status: ChangeStatus;
  view: ChangeView;
}

/** A party's recorded decision, or null while it has not decided. */
function recordOf(row: TokenCheck | ChangeView['change'], party: Party): { decision: Decision; at: Date } | null {
  const decision = party === 'from' ? row.fromDecision : row.toDecision;
  const at = party === 'from' ? row.fromDecidedAt : row.toDecidedAt;
  return decision && at ? { decision, at } : null;
}

/** What the database holds of the request, as the workflow would answer it. */
function statusOf(change: ChangeView['change']): ChangeStatus {
  const decisions = { from: change.fromDecision, to: change.toDecision };
  const awaiting = isFinal(change.state) ? [] : PARTIES.filter((p) => !decisions[p]);
  return { state: change.state as State, sending: change.sending, decisions, awaiting };
}

/** The answer to a party whose decision is recorded: what it decided, when, and where the request stands now. */
async function answer(ctx: Context, changeId: string, party: Party, status?: ChangeStatus): Promise<DecisionResult> {
  const view = (await loadChangeView(ctx.db, changeId))!;
  const record = recordOf(view.change, party);
  if (!record) throw new Error(`the ${party} decision of ${changeId} is not in the database`);
  return { party, decision: record.decision, decidedAt: record.at, status: status ?? statusOf(view.change), view };
}

/**
 * One more wrong code on the request. The one that reaches MAX_FAILED_ATTEMPTS locks its codes until a resend: the
 * timeline says so (support sees it, and the stuck view lists the request), and the asker is told by email.
 */
async function countFailure(ctx: Context, change: TokenCheck): Promise<void> {
  if ((await countWrongCode(ctx.db, change.id)) !== MAX_FAILED_ATTEMPTS) return;
  await addEvent(ctx.db, {
    changeId: change.id,
    type: 'tokensLocked',
    detail: { attempts: MAX_FAILED_ATTEMPTS },
    dedupeKey: `${change.id}:tokensLocked:${change.sending}`,
  });
  // The lock stands without the email: the timeline and the stuck view still tell support.
  await sendAccountEmail(ctx, { kind: 'tokensLocked', id: lockedEmailId(change.id, change.sending) }).catch((err) =>
    ctx.log.error({ err, changeId: change.id }, 'could not start the email telling the asker of the lock'),
  );
}

/**
 * Checks a token against the current sending and hands the decision to the workflow, which alone decides
 * whether it still counts (single use, expiry, a race with the other party or a cancel). Wrong codes are counted per
 * client address and request (WRONG_CODES_PER_SOURCE), in one statement before the code is looked at, so that a burst
 * sent at once is counted as one sent in turn. Past the limit a wrong code is answered 429 and no longer counts towards
 * the request's lock; a right code is never held back (a party behind the guesser's address, or one who pressed
 * twice, still decides) and is taken back from the count. Guessing itself is bounded by the codes' 256 bits and the
 * endpoint's per-address rate limit.
 */
export async function decide(
  ctx: Context,
  input: { changeId: string; token: string; decision: Decision; reason?: string; from: Requester },
): Promise<DecisionResult> {
  // Most calls with a wrong code come from guessers: they read one narrow row, the whole view only once a code is
  // right.
  const change = await loadTokenCheck(ctx.db, input.changeId);
  if (!change) throw invalidToken();
  if (change.failedAttempts >= MAX_FAILED_ATTEMPTS) throw locked();
  const party = partyOfToken(ctx.config.tokenSecret, change.id, change.sending, input.token.trim());
  // The current code of a party that has decided (a double click, a retry after a timeout): what was recorded.
  if (party && recordOf(change, party)) return answer(ctx, change.id, party);
  if (isFinal(change.state)) throw invalidToken();
  const source = `wrong-code:${change.id}:${input.from.ip}`;
  const tried = await countAttempt(ctx.db, source, WRONG_CODES_WINDOW_MS);
  if (!party) {
    // Past the limit a wrong code no longer counts towards the request's lock: one address cannot lock the parties.
    if (tried.count > WRONG_CODES_PER_SOURCE) throw tooManyWrongCodes(tried.retryAfterMs);
    await countFailure(ctx, change);
    throw invalidToken();
  }
  await forgetAttempt(ctx.db, source);
  const update = input.decision === 'accepted' ? acceptUpdate : refuseUpdate;
  const author = { changeId: change.id, accountId: party === 'from' ? change.fromId : change.toId };
  try {
    const status = await withNote(
      ctx.db,
      { ...author, text: input.decision === 'refused' ? input.reason : undefined },
      // One update per party and sending: the same code sent again at once joins the first and gets its answer.
      (noteId) =>
        runUpdate(
          ctx.temporal,
          change.id,
          update,
          { party, sending: change.sending, noteId },
          `decision:${party}:${change.sending}`,
        ),
    );
    return await answer(ctx, change.id, party, status);
  } catch (err) {
    if (rejectionType(err) === Errors.AlreadyDecided) {
      const now = await loadTokenCheck(ctx.db, change.id);
      if (now && now.sending === change.sending && recordOf(now, party)) return answer(ctx, change.id, party);
    }
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
