import type { Context, Requester } from '../core/context.js';
import { Problem } from '../core/problems.js';
import {
  accountOfApiToken,
  apiTokensOf,
  deleteApiToken,
  insertApiToken,
  touchApiToken,
  type ApiTokenInfo,
} from '../db/api-tokens.js';
import type { Account } from '../db/schema.js';
import { maySignIn } from '../domain/access.js';
import {
  newApiToken,
  tokenDigest,
  TOKEN_USE_RECORDED_EVERY_MS,
  type ApiTokenInput,
  type ApiTokenScope,
} from '../domain/api-tokens.js';
import { newId } from '../domain/ids.js';
import { recordActivity } from './activity.js';

export type { ApiTokenInfo };

/**
 * The account an API token stands for, and the token's id and scope; refused when the token is unknown or its account
 * may not sign in. The token's last use is written at most once a minute.
 */
export async function accountOfToken(
  ctx: Context,
  token: string,
): Promise<{ account: Account; token: { id: string; scope: ApiTokenScope } }> {
  const found = await accountOfApiToken(ctx.db, tokenDigest(token));
  if (!found) throw new Problem('unauthenticated', 'This API token is not valid (it may have been revoked).');
  if (!maySignIn(found.account)) throw new Problem('accountDeactivated', 'This account is deactivated.');
  const { id, scope, lastUsedAt } = found.token;
  if (!lastUsedAt || ctx.now().getTime() - lastUsedAt.getTime() >= TOKEN_USE_RECORDED_EVERY_MS)
    await touchApiToken(ctx.db, id, TOKEN_USE_RECORDED_EVERY_MS);
  return { account: found.account, token: { id, scope } };
}

/** One's own API tokens, newest first: name, scope, creation and last use; never the token. */
export function myApiTokens(ctx: Context, account: Account): Promise<ApiTokenInfo[]> {
  return apiTokensOf(ctx.db, account.id);
}

/** A new token for one's own account, returned this once with what is kept of it: only its digest is stored. */
export async function createApiToken(
  ctx: Context,
  account: Account,
  input: ApiTokenInput,
  from: Requester,
): Promise<ApiTokenInfo & { token: string }> {
  const token = newApiToken();
  const created = await insertApiToken(ctx.db, {
    id: newId(),
    accountId: account.id,
    tokenHash: tokenDigest(token),
    name: input.name,
    scope: input.scope,
  });
  await recordActivity(ctx, account.id, 'apiTokenCreated', from, { tokenId: created.id, name: created.name });
  return { ...created, token };
}

/** Revokes one of one's own tokens: it stops working at once. Another account's token is not found. */
export async function revokeApiToken(ctx: Context, account: Account, id: string, from: Requester): Promise<void> {
  const revoked = await deleteApiToken(ctx.db, account.id, id);
  if (!revoked) throw new Problem('notFound', `You have no API token ${id}.`);
  await recordActivity(ctx, account.id, 'apiTokenRevoked', from, { tokenId: revoked.id, name: revoked.name });
}
