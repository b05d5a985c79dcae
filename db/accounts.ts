import { and, eq, inArray, sql } from 'drizzle-orm';
import { preparedPerDb, type Db } from './client.js';
import { accounts, apiTokens, sessions, type Account, type NewAccount } from './schema.js';

export async function findAccount(db: Db, id: string): Promise<Account | null> {
  const [row] = await db.select().from(accounts).where(eq(accounts.id, id));
  return row ?? null;
}

export async function findAccountByHandle(db: Db, handle: string): Promise<Account | null> {
  const [row] = await db.select().from(accounts).where(eq(accounts.handle, handle));
  return row ?? null;
}

export function findAccountsByHandle(db: Db, handles: string[]): Promise<Account[]> {
  return handles.length ? db.select().from(accounts).where(inArray(accounts.handle, handles)) : Promise.resolve([]);
}

export function findAccountsById(db: Db, ids: string[]): Promise<Account[]> {
  return ids.length ? db.select().from(accounts).where(inArray(accounts.id, ids)) : Promise.resolve([]);
}

/** Raises a unique violation (see isUniqueViolation) when the handle is taken. */
export async function insertAccount(db: Db, values: NewAccount): Promise<Account> {
  const [row] = await db.insert(accounts).values(values).returning();
  return row!;
}

export async function insertApiToken(db: Db, values: { id: string; accountId: string; tokenHash: string }) {
  await db.insert(apiTokens).values(values);
}

const accountOfTokenQuery = preparedPerDb((db) =>
  db
    .select({ account: accounts })
    .from(apiTokens)
    .innerJoin(accounts, eq(apiTokens.accountId, accounts.id))
    .where(eq(apiTokens.tokenHash, sql.placeholder('hash')))
    .prepare('account_of_api_token'),
);

/** The account an API token digest belongs to: run on every API call, so prepared. */
export async function accountOfApiToken(db: Db, tokenHash: string): Promise<Account | null> {
  const [row] = await accountOfTokenQuery(db).execute({ hash: tokenHash });
  return row?.account ?? null;
}

/** A new password, which ends every web session of the account; false when there is no such account. */
export async function setPassword(db: Db, accountId: string, passwordHash: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(accounts)
      .set({ passwordHash, updatedAt: new Date() })
      .where(eq(accounts.id, accountId))
      .returning({ id: accounts.id });
    if (updated.length === 0) return false;
    await tx.delete(sessions).where(and(eq(sessions.accountId, accountId)));
    return true;
  });
}
