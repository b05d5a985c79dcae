import { and, desc, eq, gt, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { accounts, sessions, type Account, type Session } from './schema.js';

/** The database or a transaction: the sessions of an account end together with the change that ends them. */
type Executor = Pick<Db, 'delete'>;

const ms = (value: number) => sql`${value} * interval '1 millisecond'`;

/** Alive: not past its absolute end, and used within the idle timeout. Times are the database's, as everywhere. */
const alive = (idleMs: number) =>
  and(gt(sessions.expiresAt, sql`now()`), gt(sessions.lastSeenAt, sql`now() - ${ms(idleMs)}`));

export interface NewSession {
  id: string;
  accountId: string;
  stage?: Session['stage'];
  maxAgeMs: number;
  ip: string | null;
  userAgent: string | null;
}

/** A new session, valid `maxAgeMs` from now; when it ends. */
export async function insertSession(db: Db, { maxAgeMs, ...values }: NewSession): Promise<Date> {
  const [row] = await db
    .insert(sessions)
    .values({ ...values, expiresAt: sql`now() + ${ms(maxAgeMs)}` })
    .returning({ expiresAt: sessions.expiresAt });
  return row!.expiresAt;
}

/**
 * The account of a session at this stage that is still alive, whether or not the account may still sign in, and
 * whether the session's last use is over a minute old (`stale`: time to note it again).
 */
export async function accountOfSession(
  db: Db,
  id: string,
  stage: Session['stage'],
  idleMs: number,
): Promise<{ account: Account; stale: boolean } | null> {
  const [row] = await db
    .select({ account: accounts, stale: sql<boolean>`${sessions.lastSeenAt} < now() - interval '1 minute'` })
    .from(sessions)
    .innerJoin(accounts, eq(sessions.accountId, accounts.id))
    .where(and(eq(sessions.id, id), eq(sessions.stage, stage), alive(idleMs)));
  return row ?? null;
}

/** Notes that the session is in use, at most once a minute: a page view is not a write. */
export async function touchSession(db: Db, id: string): Promise<void> {
  await db
    .update(sessions)
    .set({ lastSeenAt: sql`now()` })
    .where(and(eq(sessions.id, id), lt(sessions.lastSeenAt, sql`now() - interval '1 minute'`)));
}

/** The live sessions of an account, the most recently used first. */
export function liveSessionsOf(db: Db, accountId: string, idleMs: number): Promise<Session[]> {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.accountId, accountId), alive(idleMs)))
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.createdAt));
}

/** Ends a session (only at this stage, when one is given); the account it was of, or null when there was none. */
export async function deleteSession(db: Db, id: string, stage?: Session['stage']): Promise<string | null> {
  const [row] = await db
    .delete(sessions)
    .where(and(eq(sessions.id, id), stage ? eq(sessions.stage, stage) : undefined))
    .returning({ accountId: sessions.accountId });
  return row?.accountId ?? null;
}

/** Ends every session of an account, or every one but `keepId` (the one making a change stays signed in). */
export async function deleteSessionsOf(db: Executor, accountId: string, keepId?: string | null): Promise<number> {
  const ended = await db
    .delete(sessions)
    .where(and(eq(sessions.accountId, accountId), keepId ? ne(sessions.id, keepId) : undefined))
    .returning({ id: sessions.id });
  return ended.length;
}

/** Forgets the sessions of an account that can no longer be used (expired or idle too long). */
export async function deleteDeadSessionsOf(db: Db, accountId: string, idleMs: number): Promise<void> {
  await db
    .delete(sessions)
    .where(
      and(
        eq(sessions.accountId, accountId),
        or(sql`${sessions.expiresAt} <= now()`, sql`${sessions.lastSeenAt} <= now() - ${ms(idleMs)}`),
      ),
    );
}
