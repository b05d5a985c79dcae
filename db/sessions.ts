import { and, eq, gt, ne } from 'drizzle-orm';
import type { Db } from './client.js';
import { accounts, sessions, type Account } from './schema.js';

/** The database or a transaction: the sessions of an account end together with the change that ends them. */
type Executor = Pick<Db, 'delete'>;

export async function insertSession(db: Db, values: { id: string; accountId: string; expiresAt: Date }) {
  await db.insert(sessions).values(values);
}

/** The account of a session that has not expired, whether or not it may still sign in. */
export async function accountOfSession(db: Db, id: string): Promise<Account | null> {
  const [row] = await db
    .select({ account: accounts })
    .from(sessions)
    .innerJoin(accounts, eq(sessions.accountId, accounts.id))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, new Date())));
  return row?.account ?? null;
}

export async function deleteSession(db: Db, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** Ends every session of an account, or every one but `keepId` (the one making a change stays signed in). */
export async function deleteSessionsOf(db: Executor, accountId: string, keepId?: string | null) {
  await db.delete(sessions).where(and(eq(sessions.accountId, accountId), keepId ? ne(sessions.id, keepId) : undefined));
}
