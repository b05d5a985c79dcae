import { type SQL, sql } from 'drizzle-orm';
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

/**
 * `addEvent` as the tail of one statement: the entry is inserted for each row `source` (a CTE's name) returns, so
 * a data-modifying CTE and its timeline entry are one round trip and commit together.
 */
export function addEventFrom(source: SQL, event: EventInput): SQL {
  return sql`insert into ${changeEvents} (change_id, type, party, account_id, detail, dedupe_key)
    select ${event.changeId}, ${event.type}, ${event.party ?? null}::text, ${event.accountId ?? null}::text,
      ${sql.param(event.detail ?? null, changeEvents.detail)}::jsonb, ${event.dedupeKey ?? null}::text
    from ${source}
    on conflict (dedupe_key) do nothing`;
}
