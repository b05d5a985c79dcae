import type { Context, Requester } from '../core/context.js';
import { Problem } from '../core/problems.js';
import { findAccount, insertAccount, setPassword } from '../db/accounts.js';
import { insertApiToken } from '../db/api-tokens.js';
import { isUniqueViolation } from '../db/client.js';
import type { Account } from '../db/schema.js';
import { tokenDigest, newApiToken } from '../domain/api-tokens.js';
import type { Language } from '../domain/contact-change.js';
import { newHandle, newId } from '../domain/ids.js';
import { hashPassword } from '../domain/passwords.js';
import { recordActivity } from './activity.js';
import { requireStrongPassword } from './passwords.js';

/** What the provider's own systems do to accounts through the admin API. */

export interface NewAccountInput {
  email: string;
  firstName: string;
  lastName: string;
  language: Language;
  handle?: string;
  role: 'customer' | 'support';
}

export async function createAccount(ctx: Context, input: NewAccountInput): Promise<Account> {
  const values = { id: newId(), ...input, handle: input.handle ?? newHandle() };
  try {
    return await insertAccount(ctx.db, values);
  } catch (err) {
    if (isUniqueViolation(err))
      throw new Problem('handleTaken', `The handle ${values.handle} is already used.`, { field: 'handle' });
    throw err;
  }
}

/** A new API token for the account, returned this once: only its digest is kept. */
export async function issueApiToken(ctx: Context, accountId: string): Promise<string> {
  const account = await findAccount(ctx.db, accountId);
  if (!account) throw new Problem('notFound', `There is no account ${accountId}.`);
  const token = newApiToken();
  await insertApiToken(ctx.db, { id: newId(), accountId: account.id, tokenHash: tokenDigest(token) });
  return token;
}

/**
 * Sets the password for the web pages, strong enough (`weakPassword`), ending the account's sessions; the account's
 * activity says the provider did it.
 */
export async function resetPassword(ctx: Context, accountId: string, password: string, from: Requester) {
  const account = await findAccount(ctx.db, accountId);
  if (!account) throw new Problem('notFound', `There is no account ${accountId}.`);
  await requireStrongPassword(account, password, 'password');
  const passwordHash = await hashPassword(password);
  if (!(await setPassword(ctx.db, accountId, passwordHash))) {
    throw new Problem('notFound', `There is no account ${accountId}.`);
  }
  await recordActivity(ctx, accountId, 'passwordChanged', from, { by: 'admin' });
}
