import type { Context, Requester } from '../core/context.js';
import { countAttempt } from '../db/rate-limits.js';
import type { Account, Session } from '../db/schema.js';
import { accountOfSession, deleteSession } from '../db/sessions.js';
import { maySignIn } from '../domain/access.js';
import { tokenDigest } from '../domain/api-tokens.js';
import { recordActivity } from './activity.js';
import { hasTwoStep, useSecondStepCode } from './two-step.js';

/**
 * Signing in with two-step: after the right password, an account with two-step gets a session at stage `twoStep`,
 * which lasts minutes and signs nobody in. The code of the app (or a recovery code) ends it, and the page opens a new,
 * complete session under a new id. A few wrong codes end it too: back to the password.
 */

/** A session that has passed the password and waits for the second step lasts minutes. */
export const TWO_STEP_SESSION_MS = 5 * 60_000;

/** Wrong codes a session waiting for its second step may take before it ends. */
export const SECOND_STEP_ATTEMPTS = 5;
/**
 * Codes an account may be sent over all its waiting sessions in a quarter of an hour: who knows the password cannot
 * open session after session to go on guessing. Past it, no code is tried, right or wrong, until the quarter ends.
 */
export const ACCOUNT_ATTEMPTS = 20;
const ACCOUNT_WINDOW_MS = 15 * 60_000;

/** The stage a session starts at once the password is right. */
export const stageAfterPassword = (account: Account): Session['stage'] =>
  hasTwoStep(account) ? 'twoStep' : 'complete';

/** The account of a session waiting for its second step; null when it is unknown, expired or already complete. */
export async function pendingSignIn(ctx: Context, token: string): Promise<Account | null> {
  const found = await accountOfSession(ctx.db, tokenDigest(token), 'twoStep', ctx.config.session.idleTimeoutMs);
  return found && maySignIn(found.account) && hasTwoStep(found.account) ? found.account : null;
}

export type SecondStep =
  | { outcome: 'signedIn'; account: Account; with: 'app' | 'recoveryCode' }
  | { outcome: 'wrongCode'; attemptsLeft: number }
  /** Too many wrong codes: the session has ended, the password comes first again. */
  | { outcome: 'tooMany' }
  /** Too many codes for this account lately: the session has ended, and the next ones will until the quarter ends. */
  | { outcome: 'locked' }
  /** No such session waits (expired, ended, or completed by another request): the password comes first again. */
  | { outcome: 'expired' };

/** The second step of a waiting session. On success, the waiting session has ended: open a complete one. */
export async function completeSignIn(ctx: Context, token: string, code: string, from: Requester): Promise<SecondStep> {
  const id = tokenDigest(token);
  const account = await pendingSignIn(ctx, token);
  if (!account) return { outcome: 'expired' };
  // Counted before the code is tried, each in one statement: codes sent at once are all counted.
  const [{ count: attempt }, { count: ofAccount }] = await Promise.all([
    countAttempt(ctx.db, `two-step:${id}`, 2 * TWO_STEP_SESSION_MS),
    countAttempt(ctx.db, `two-step-account:${account.id}`, ACCOUNT_WINDOW_MS),
  ]);
  if (ofAccount > ACCOUNT_ATTEMPTS || attempt > SECOND_STEP_ATTEMPTS) {
    await deleteSession(ctx.db, id, 'twoStep');
    return { outcome: ofAccount > ACCOUNT_ATTEMPTS ? 'locked' : 'tooMany' };
  }
  const used = await useSecondStepCode(ctx, account, code, from);
  if (!used) {
    await recordActivity(ctx, account.id, 'signInFailed', from, { step: 'twoStep' });
    if (attempt < SECOND_STEP_ATTEMPTS) return { outcome: 'wrongCode', attemptsLeft: SECOND_STEP_ATTEMPTS - attempt };
    await deleteSession(ctx.db, id, 'twoStep');
    return { outcome: 'tooMany' };
  }
  // Only one request ends the waiting session: a second code sent at once does not open a second session.
  if (!(await deleteSession(ctx.db, id, 'twoStep'))) return { outcome: 'expired' };
  await recordActivity(ctx, account.id, 'signedIn', from, { with: used });
  return { outcome: 'signedIn', account, with: used };
}
