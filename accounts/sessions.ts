import { randomBytes } from 'node:crypto';
import type { Context, Requester } from '../core/context.js';
import { findAccountByHandle, setTimeZoneIfUnset } from '../db/accounts.js';
import type { Account, Session } from '../db/schema.js';
import { accountOfSession, deleteDeadSessionsOf, deleteSession, insertSession, touchSession } from '../db/sessions.js';
import { clearAccountAttempts, countAccountAttempt, countUnknownHandleAttempt } from '../db/sign-in-attempts.js';
import { maySignIn } from '../domain/access.js';
import { tokenDigest } from '../domain/api-tokens.js';
import { verifyPassword } from '../domain/passwords.js';
import { publicSessionId } from '../domain/sessions.js';
import { HANDLE, unknownHandleKey } from '../domain/sign-in.js';
import { knownTimeZone } from '../domain/time-zones.js';
import { recordActivity } from './activity.js';
import { rehashIfOld } from './passwords.js';
import { refuseSignIn, throttled } from './sign-in-refusals.js';
import { stageAfterPassword, TWO_STEP_SESSION_MS } from './two-step-sign-in.js';

/**
 * Signing in to the pages and web sessions. A session is known by a random token the browser keeps; only its
 * digest, the session's id, is stored. A session ends SESSION_IDLE_TIMEOUT after its last use and SESSION_MAX_AGE
 * after it began, whichever comes first; only a `complete` one signs anybody in.
 */

export interface OpenedSession {
  /** For the cookie; never stored. */
  token: string;
  /** The stored digest. */
  id: string;
  /** What pages and the API call it (domain/sessions.ts). */
  publicId: string;
  expiresAt: Date;
}

export interface SignedIn {
  account: Account;
  session: OpenedSession;
  /** `twoStep`: the session waits for the second step (accounts/two-step-sign-in.ts) and signs nobody in yet. */
  stage: Session['stage'];
}

/**
 * Signs in with a handle and password, in a new session that replaces `replacing` (the token of the session the
 * browser had, if any). Refused with `signInRefused` whatever the reason, so that the answer tells nothing of which
 * accounts exist; `signInThrottled` after too many wrong passwords in a row (domain/sign-in.ts), for a handle no
 * account has as well, and then without even checking the password.
 */
export async function signIn(
  ctx: Context,
  input: {
    handle: string;
    password: string;
    /** The browser's zone, kept for an account without one. */ timeZone?: unknown;
  },
  from: Requester,
  replacing: string | null,
): Promise<SignedIn> {
  const handle = input.handle.trim().toLowerCase();
  const account = HANDLE.test(handle) ? await findAccountByHandle(ctx.db, handle) : null;
  const attempt = account
    ? await countAccountAttempt(ctx.db, account.id)
    : await countUnknownHandleAttempt(ctx.db, unknownHandleKey(handle));
  if (!attempt.allowed) throw throttled(attempt.waitSeconds);
  // The password is checked even without an account: the timing tells nothing either.
  const ok = await verifyPassword(input.password, account?.passwordHash ?? null);
  if (!account || !ok || !maySignIn(account)) return refuseSignIn(ctx, account, attempt, from);

  // The password is right: the streak of wrong ones ends, an old hash is made again at today's cost, and the session
  // opens; with two-step, one that waits for the code (signed in is recorded once the code is right).
  await clearAccountAttempts(ctx.db, account.id);
  await rehashIfOld(ctx, account, input.password);
  const zone = account.timeZone ? null : knownTimeZone(input.timeZone);
  if (zone) await setTimeZoneIfUnset(ctx.db, account.id, zone);
  const stage = stageAfterPassword(account);
  const session = await openSession(ctx, account, from, replacing, stage);
  if (stage === 'complete') await recordActivity(ctx, account.id, 'signedIn', from, { session: session.publicId });
  return { account, session, stage };
}

/**
 * A new session for the account, from this browser. The session the browser had (`replacing`, its token) ends,
 * whoever's it was: signing in never leaves the previous session alive behind the new cookie.
 */
export async function openSession(
  ctx: Context,
  account: Account,
  from: Requester,
  replacing: string | null,
  stage: Session['stage'] = 'complete',
): Promise<OpenedSession> {
  if (replacing) await endSessionById(ctx, tokenDigest(replacing), from, 'replaced');
  const { idleTimeoutMs, maxAgeMs } = ctx.config.session;
  await deleteDeadSessionsOf(ctx.db, account.id, idleTimeoutMs);
  const token = randomBytes(32).toString('base64url');
  const id = tokenDigest(token);
  const expiresAt = await insertSession(ctx.db, {
    id,
    accountId: account.id,
    stage,
    maxAgeMs: stage === 'complete' ? maxAgeMs : TWO_STEP_SESSION_MS,
    ip: from.ip,
    userAgent: from.userAgent,
  });
  return { token, id, publicId: publicSessionId(ctx.config.tokenSecret, id), expiresAt };
}

/**
 * The signed-in account of a session token and the session's id; null when the session is unknown, idle too long
 * or past its end, not complete, or its account may no longer sign in. Checked on every request: a deactivated
 * account or sub-account is signed out at once. Its last use is noted at most once a minute.
 */
export async function sessionAccount(ctx: Context, token: string): Promise<{ account: Account; id: string } | null> {
  const id = tokenDigest(token);
  const found = await accountOfSession(ctx.db, id, 'complete', ctx.config.session.idleTimeoutMs);
  if (!found || !maySignIn(found.account)) return null;
  if (found.stale) await touchSession(ctx.db, id);
  return { account: found.account, id };
}

/** How a session came to end, in the account's activity. */
export type EndedHow = 'signedOut' | 'replaced' | 'endedFromList';

/** Ends a session by its stored id and records it in its account's activity; false when there was none. */
export async function endSessionById(ctx: Context, id: string, from: Requester, how: EndedHow): Promise<boolean> {
  const accountId = await deleteSession(ctx.db, id);
  if (!accountId) return false;
  await recordActivity(ctx, accountId, 'sessionEnded', from, {
    session: publicSessionId(ctx.config.tokenSecret, id),
    how,
  });
  return true;
}

/** Signing out: the session ends. */
export async function closeSession(ctx: Context, id: string, from: Requester): Promise<void> {
  await endSessionById(ctx, id, from, 'signedOut');
}
