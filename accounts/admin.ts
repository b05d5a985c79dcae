import type { Context, Requester } from '../core/context.js';
import { Problem } from '../core/problems.js';
import { findAccount, insertAccount, setPassword } from '../db/accounts.js';
import { insertApiToken } from '../db/api-tokens.js';
import { accountChanges, accountsAfter, findAccountByExternalId, updateAccountFields } from '../db/provider-ids.js';
import { isUniqueViolation } from '../db/client.js';
import type { Account } from '../db/schema.js';
import { tokenDigest, newApiToken } from '../domain/api-tokens.js';
import type { Language } from '../domain/contact-change.js';
import { newHandle, newId } from '../domain/ids.js';
import { hashPassword } from '../domain/passwords.js';
import { recordActivity } from './activity.js';
import { switchAddress } from './address-switch.js';
import { addressChanged, recordAddressChange } from './email-changes.js';
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

export async function createAccount(ctx: Context, input: NewAccountInput, externalId?: string): Promise<Account> {
  const values = { id: newId(), ...input, handle: input.handle ?? newHandle(), externalId };
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

/** The account the provider knows by its own id. */
export async function accountByExternalId(ctx: Context, externalId: string): Promise<Account> {
  const account = await findAccountByExternalId(ctx.db, externalId);
  if (!account) throw new Problem('notFound', `There is no account with the external id ${externalId}.`);
  return account;
}

/**
 * Creates or updates the account the provider knows by its own id; `created` says which. A new address is the
 * provider's word, taken at once, but as any address change: the requests waiting for the account end first and the
 * former address is told (switchAddress).
 */
export async function putAccountByExternalId(
  ctx: Context,
  externalId: string,
  input: NewAccountInput,
  from: Requester,
): Promise<{ created: boolean; account: Account }> {
  const existing = await findAccountByExternalId(ctx.db, externalId);
  if (!existing) {
    try {
      return { created: true, account: await createAccount(ctx, input, externalId) };
    } catch (err) {
      // Created by another call at the same moment: this one updates it.
      if (!(await findAccountByExternalId(ctx.db, externalId))) throw err;
      return putAccountByExternalId(ctx, externalId, input, from);
    }
  }
  const { email, handle, ...rest } = input;
  const changes = accountChanges(existing, input);
  let account = existing;
  if (changes.fields) {
    account = await updateAccountFields(ctx.db, existing.id, { ...rest, ...(handle ? { handle } : {}) }).catch(
      (err: unknown) => {
        throw isUniqueViolation(err)
          ? new Problem('handleTaken', `The handle ${String(handle)} is already used.`, { field: 'handle' })
          : err;
      },
    );
  }
  if (changes.address) {
    const done = await switchAddress(ctx, account, { email });
    const changeId = await recordAddressChange(ctx, done.account, account.email, done.account);
    await addressChanged(ctx, done.account, changeId, done.ended, account.email, from);
    account = done.account;
  }
  return { created: false, account };
}

/** A page of the accounts the provider manages, by id, and the cursor of the next page (null at the end). */
export async function accountsPage(ctx: Context, after: string | undefined, limit: number) {
  const items = await accountsAfter(ctx.db, after, limit);
  return { items, nextCursor: items.length === limit ? items.at(-1)!.id : null };
}
