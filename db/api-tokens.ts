import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { preparedPerDb, type Db } from './client.js';
import { accounts, apiTokens, type Account, type ApiToken } from './schema.js';

/** What a token's owner sees of it: never its digest. */
export type ApiTokenInfo = Omit<ApiToken, 'tokenHash' | 'accountId'>;

const info = {
  id: apiTokens.id,
  name: apiTokens.name,
  scope: apiTokens.scope,
  lastUsedAt: apiTokens.lastUsedAt,
  createdAt: apiTokens.createdAt,
};

export async function insertApiToken(
  db: Db,
  values: { id: string; accountId: string; tokenHash: string; name?: string; scope?: ApiToken['scope'] },
): Promise<ApiTokenInfo> {
  const [row] = await db.insert(apiTokens).values(values).returning(info);
  return row!;
}

const accountOfTokenQuery = preparedPerDb((db) =>
  db
    .select({
      account: accounts,
      token: { id: apiTokens.id, scope: apiTokens.scope, lastUsedAt: apiTokens.lastUsedAt },
    })
    .from(apiTokens)
    .innerJoin(accounts, eq(apiTokens.accountId, accounts.id))
    .where(eq(apiTokens.tokenHash, sql.placeholder('hash')))
    .prepare('account_of_api_token'),
);

/** The account an API token digest belongs to, and the token: run on every API call, so prepared. */
export async function accountOfApiToken(
  db: Db,
  tokenHash: string,
): Promise<{ account: Account; token: Pick<ApiToken, 'id' | 'scope' | 'lastUsedAt'> } | null> {
  const [row] = await accountOfTokenQuery(db).execute({ hash: tokenHash });
  return row ?? null;
}

/** Marks the token used now, unless it was marked less than `everyMs` ago (by this instance or another). */
export async function touchApiToken(db: Db, id: string, everyMs: number): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(apiTokens.id, id),
        or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, sql`now() - ${everyMs} * interval '1 millisecond'`)),
      ),
    );
}

/** An account's tokens, newest first. */
export function apiTokensOf(db: Db, accountId: string): Promise<ApiTokenInfo[]> {
  return db
    .select(info)
    .from(apiTokens)
    .where(eq(apiTokens.accountId, accountId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

/** Deletes one of the account's tokens; what it was, or null when the account has no such token. */
export async function deleteApiToken(db: Db, accountId: string, id: string): Promise<ApiTokenInfo | null> {
  const [row] = await db
    .delete(apiTokens)
    .where(and(eq(apiTokens.id, id), eq(apiTokens.accountId, accountId)))
    .returning(info);
  return row ?? null;
}
