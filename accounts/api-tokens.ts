import type { Context } from '../core/context.js';
import { Problem } from '../core/problems.js';
import { accountOfApiToken } from '../db/accounts.js';
import type { Account } from '../db/schema.js';
import { maySignIn } from '../domain/access.js';
import { tokenDigest } from '../domain/api-tokens.js';

/** The account an API token stands for; refused when the token is unknown or its account may not sign in. */
export async function accountOfToken(ctx: Context, token: string): Promise<Account> {
  const account = await accountOfApiToken(ctx.db, tokenDigest(token));
  if (!account) throw new Problem('unauthenticated', 'This API token is not valid (it may have been revoked).');
  if (!maySignIn(account)) throw new Problem('accountDeactivated', 'This account is deactivated.');
  return account;
}
