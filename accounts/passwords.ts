import type { Context } from '../core/context.js';
import { upgradePasswordHash } from '../db/accounts.js';
import type { Account } from '../db/schema.js';
import { hashPassword, needsRehash } from '../domain/passwords.js';

/** What every way of setting a password shares: the cost its hash is made at. */

/** After a successful sign-in: a hash made at an older cost is made again, at today's, from the password given. */
export async function rehashIfOld(ctx: Context, account: Account, password: string): Promise<void> {
  if (!needsRehash(account.passwordHash)) return;
  await upgradePasswordHash(ctx.db, account.id, account.passwordHash!, await hashPassword(password));
}
