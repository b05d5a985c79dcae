import { and, eq, gt, ne } from 'drizzle-orm';
import type { Db } from './client.js';
import { accounts, sessions, type Account, type Session } from './schema.js';

/** The database or a transaction: the sessions of an account end together with the change that ends them. */
type Executor = Pick<Db, 'delete'>;

export type SessionStage = Session['stage'];

export async function insertSession(
  db: Db,
  values: { id: string; accountId: string; expiresAt: Date; stage?: SessionStage },
) {
  await db.insert(sessions).values(values);
}

/**
 * The account of a session at this stage that has not expired, whether or not it may still sign in. Only a
 * `complete` session signs anyone in; a `twoStep` one has passed the password and waits for the second step.
 */
export async function accountOfSession(db: Db, id: string, stage: SessionStage = 'complete'): Promise<Account | null> {
  const [row] = await db
    .select({ account: accounts })
    .from(sessions)
    .innerJoin(accounts, eq(sessions.accountId, accounts.id))
    .where(and(eq(sessions.id, id), eq(sessions.stage, stage), gt(sessions.expiresAt, new Date())));
  return row?.account ?? null;
}

/** Ends a session (only at this stage, when one is given); false when there was none. */
export async function deleteSession(db: Db, id: string, stage?: SessionStage): Promise<boolean> {
  const ended = await db
    .delete(sessions)
    .where(and(eq(sessions.id, id), stage ? eq(sessions.stage, stage) : undefined))
    .returning({ id: sessions.id });
  return ended.length > 0;
}

/** Ends every session of an account, or every one but `keepId` (the one making a change stays signed in). */
export async function deleteSessionsOf(db: Executor, accountId: string, keepId?: string | null) {
  await db.delete(sessions).where(and(eq(sessions.accountId, accountId), keepId ? ne(sessions.id, keepId) : undefined));
}
