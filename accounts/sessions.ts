import { randomBytes } from 'node:crypto';
import type { Context } from '../core/context.js';
import { findAccountByHandle } from '../db/accounts.js';
import type { Account } from '../db/schema.js';
import { accountOfSession, deleteSession, insertSession, type SessionStage } from '../db/sessions.js';
import { maySignIn } from '../domain/access.js';
import { tokenDigest } from '../domain/api-tokens.js';
import { verifyPassword } from '../domain/passwords.js';
import { rehashIfOld } from './passwords.js';

/**
 * Signing in to the pages and web sessions. A session is known by a random token the browser keeps; only its
 * digest, the session's id, is stored.
 */

const SESSION_DAYS = 7;
/** A session that has passed the password and waits for the second step lasts minutes. */
export const TWO_STEP_SESSION_MS = 5 * 60_000;

/**
 * The account with this handle and password, when it may sign in; null otherwise, whatever the reason, so that the
 * answer tells nothing of which accounts exist.
 */
export async function signIn(ctx: Context, handle: string, password: string): Promise<Account | null> {
  const account = handle ? await findAccountByHandle(ctx.db, handle) : null;
  // The password is checked even without an account: the timing tells nothing either.
  const ok = await verifyPassword(password, account?.passwordHash ?? null);
  if (account && ok && maySignIn(account)) await rehashIfOld(ctx, account, password);
  return account && ok && maySignIn(account) ? account : null;
}

/**
 * A new session for the account: the token to give the browser, and until when it is valid. At stage `twoStep` it
 * signs nobody in (see accounts/two-step.ts).
 */
export async function openSession(
  ctx: Context,
  account: Account,
  stage: SessionStage = 'complete',
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + (stage === 'complete' ? SESSION_DAYS * 86_400_000 : TWO_STEP_SESSION_MS));
  await insertSession(ctx.db, { id: tokenDigest(token), accountId: account.id, expiresAt, stage });
  return { token, expiresAt };
}

/**
 * The signed-in account of a session token and the session's id; null when the session is unknown or expired, or
 * its account may no longer sign in. Checked on every request: a deactivated account or sub-account is signed out at
 * once.
 */
export async function sessionAccount(ctx: Context, token: string): Promise<{ account: Account; id: string } | null> {
  const id = tokenDigest(token);
  // Only a complete session signs in: one waiting for its second step does not.
  const account = await accountOfSession(ctx.db, id, 'complete');
  if (!account || !maySignIn(account)) return null;
  return { account, id };
}

export async function closeSession(ctx: Context, id: string): Promise<void> {
  await deleteSession(ctx.db, id);
}
