import type { Db } from './client.js';
import { changeEvents } from './schema.js';

/** The database or a transaction: an entry is written within whatever it belongs with. */
type Executor = Pick<Db, 'insert'>;

export interface EventInput {
  changeId: string;
  type: string;
  party?: string | null;
  accountId?: string | null;
  detail?: Record<string, unknown> | null;
  /** Same key, one row: a retried activity does not write its event twice. */
  dedupeKey?: string;
}

export async function addEvent(db: Executor, event: EventInput): Promise<void> {
  await db.insert(changeEvents).values(event).onConflictDoNothing({ target: changeEvents.dedupeKey });
}
