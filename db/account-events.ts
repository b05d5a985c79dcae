import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from './client.js';
import { accountEvents, type AccountEvent } from './schema.js';

/** The database or a transaction: an event is written with the change it records. */
type Executor = Pick<Db, 'insert'>;

export interface NewAccountEvent {
  accountId: string;
  type: string;
  detail?: Record<string, unknown> | null;
  ip?: string | null;
  userAgent?: string | null;
}

/** Writes an event; its id. */
export async function insertAccountEvent(db: Executor, event: NewAccountEvent): Promise<number> {
  const [row] = await db.insert(accountEvents).values(event).returning({ id: accountEvents.id });
  return row!.id;
}

export async function findAccountEvent(db: Db, id: number): Promise<AccountEvent | null> {
  const [row] = await db.select().from(accountEvents).where(eq(accountEvents.id, id));
  return row ?? null;
}

/** An account's events, newest first; `before` pages on with the smallest id of the page before. */
export async function accountEventsOf(
  db: Db,
  accountId: string,
  options: { limit: number; before?: number },
): Promise<AccountEvent[]> {
  return db
    .select()
    .from(accountEvents)
    .where(
      and(eq(accountEvents.accountId, accountId), options.before ? lt(accountEvents.id, options.before) : undefined),
    )
    .orderBy(desc(accountEvents.id))
    .limit(options.limit);
}
