import { and, eq, gt } from 'drizzle-orm';
import type { Db } from './client.js';
import { accounts, sessions, type Account } from './schema.js';

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
