import type { Context, Requester } from '../core/context.js';
import { Problem } from '../core/problems.js';
import { accountsByLogin, findPasswordReset, insertPasswordReset, redeemPasswordReset } from '../db/password-resets.js';
import type { Account } from '../db/schema.js';
import { maySignIn } from '../domain/access.js';
import { newId } from '../domain/ids.js';
import { hashPassword } from '../domain/passwords.js';
import { isLinkToken } from '../domain/tokens.js';
import { recordActivity } from './activity.js';
import { sendAccountEmail } from './notify.js';
import { requireStrongPassword } from './passwords.js';

/**
 * "Forgot your password?": a single-use link by email, valid for an hour, that sets a new password. The one who asks
 * learns nothing of which accounts exist: the answer is the same whatever the login.
 */

export const RESET_LINK_MINUTES = 60;
/** Links sent to one account in an hour, at most: asking again and again does not flood a mailbox. */
export const RESETS_PER_ACCOUNT_PER_HOUR = 3;
/**
 * Requests from one client address in an hour, whatever the login (the page and the API count apart): guessing
 * logins gets nowhere fast. Counted by the routes' rate limits.
 */
export const RESET_REQUESTS_PER_ADDRESS = { max: 5, timeWindow: 3_600_000 };

/** A handle, or an email address (any case); null for what can be neither. */
function loginOf(given: string): { handle: string } | { email: string } | null {
  const login = given.trim().toLowerCase();
  if (!login || login.length > 254) return null;
  return login.includes('@') ? { email: login } : { handle: login };
}

/**
 * Sends a reset link to each account the login names that may sign in (a handle names one, an address may name
 * several), unless it had RESETS_PER_ACCOUNT_PER_HOUR already. Says nothing back, on purpose.
 */
export async function requestPasswordReset(ctx: Context, login: string, from: Requester): Promise<void> {
  const which = loginOf(login);
  const accounts = which ? (await accountsByLogin(ctx.db, which)).filter(maySignIn) : [];
  for (const account of accounts) {
    const now = ctx.now();
    const reset = {
      id: newId(),
      accountId: account.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000),
    };
    const limit = { max: RESETS_PER_ACCOUNT_PER_HOUR, since: new Date(now.getTime() - 3_600_000) };
    if (!(await insertPasswordReset(ctx.db, reset, limit))) continue;
    await recordActivity(ctx, account.id, 'passwordResetRequested', from);
    try {
      await sendAccountEmail(ctx, { kind: 'passwordReset', id: reset.id });
    } catch (err) {
      // The answer stays the same (an error would tell that the account exists); asking again sends a new link.
      ctx.log.error({ err, resetId: reset.id }, 'could not start the password reset email');
    }
  }
}

const notValid = () =>
  new Problem(
    'passwordResetNotValid',
    'This password reset link is not valid: it was already used, another link of the account was used, or it expired. Ask for a new one.',
  );

/** Whose password a reset link sets, while the link is usable; the page greets them by handle. */
export async function passwordResetFor(ctx: Context, id: string, token: string): Promise<Account> {
  if (!isLinkToken(ctx.config.tokenSecret, 'password-reset', id, token)) throw notValid();
  const found = await findPasswordReset(ctx.db, id);
  const now = ctx.now();
  if (!found || found.reset.usedAt || found.reset.expiresAt <= now || !maySignIn(found.account)) throw notValid();
  return found.account;
}

/**
 * Sets the new password through a reset link: strong enough (`weakPassword`), the link works once, the account's
 * other links stop working and every one of its sessions ends. Nobody is signed in: the person signs in afterwards,
 * with two-step sign-in if the account has it.
 */
export async function resetPasswordWithLink(
  ctx: Context,
  id: string,
  token: string,
  password: string,
  from: Requester,
): Promise<Account> {
  const account = await passwordResetFor(ctx, id, token);
  await requireStrongPassword(account, password, 'password');
  if (!(await redeemPasswordReset(ctx.db, id, await hashPassword(password), ctx.now()))) throw notValid();
  await recordActivity(ctx, account.id, 'passwordReset', from);
  return account;
}
