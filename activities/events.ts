import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { changeEvents } from '../db/schema.js';

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

export const now = () => sql`now()`;
