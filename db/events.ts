import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { presentChange } from '../domain/change-json.js';
import type { EventType } from '../domain/events.js';
import type { Db } from './client.js';
import { selectViews, viewOf } from './queries.js';
import { contactChanges, events } from './schema.js';

/** The transaction a state change is written in. */
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Tells a state change: the request as the API shows it, read within the change's own transaction (so the event and
 * the change commit together or not at all), as the transaction's last statement.
 *
 * The feed serves events in id order, and a bigserial's ids can commit out of order (a later transaction taking id 8
 * and committing before the one holding id 7): a reader past 8 would never see 7. Every insert therefore first takes
 * one transaction-level advisory lock, held until commit, so ids are handed out in commit order. Chosen over "serve
 * only ids below the oldest in-flight one" because PostgreSQL offers no cheap view of the sequence values in flight;
 * the lock is held only from this insert to the commit (a few milliseconds), and a request changes state a handful of
 * times in its life.
 */
export async function addOutboxEvent(
  tx: Tx,
  input: { changeId: string; type: EventType; dedupeKey: string; extra?: Record<string, unknown> },
): Promise<void> {
  const [row] = await selectViews(tx, {}).where(eq(contactChanges.id, input.changeId));
  if (!row) return;
  const data = { ...presentChange(viewOf(row)), ...input.extra };
  await tx.execute(sql`select pg_advisory_xact_lock(4242005)`);
  await tx
    .insert(events)
    .values({ type: input.type, changeId: input.changeId, data, dedupeKey: input.dedupeKey })
    .onConflictDoNothing({ target: events.dedupeKey });
}

/** The events after the cursor, oldest first. */
export async function eventsAfter(db: Db, after: number, limit: number) {
  return db.select().from(events).where(gt(events.id, after)).orderBy(asc(events.id)).limit(limit);
}

/** The requests with an event Temporal does not have yet, oldest event first. */
export async function requestsToHandOver(db: Db, limit: number): Promise<string[]> {
  const rows = await db.execute<{ change_id: string }>(sql`
    select change_id from ${events} where ${events.handedOverAt} is null
    group by change_id order by min(id) limit ${limit}`);
  return [...rows].map((r) => r.change_id);
}

/**
 * Hands over a request's events not yet handed over, oldest first: `send` is called for each, in order, with the rows
 * locked, so that two hand-overs of one request (the activity's and the sweep's) never interleave; each is marked as
 * it succeeds. A failing `send` stops there: the rest wait for the sweep, in order.
 */
export async function handOverEvents(
  db: Db,
  changeId: string,
  send: (event: typeof events.$inferSelect) => Promise<void>,
): Promise<{ sent: number; left: number }> {
  return db.transaction(async (tx) => {
    const pending = await tx
      .select()
      .from(events)
      .where(and(eq(events.changeId, changeId), isNull(events.handedOverAt)))
      .orderBy(asc(events.id))
      // Not `for update`: the deliveries written meanwhile (another connection) reference these rows, and their
      // foreign-key check takes a key-share lock, which `for update` would block.
      .for('no key update');
    let sent = 0;
    for (const event of pending) {
      try {
        await send(event);
      } catch {
        break;
      }
      await tx
        .update(events)
        .set({ handedOverAt: sql`now()` })
        .where(eq(events.id, event.id));
      sent += 1;
    }
    return { sent, left: pending.length - sent };
  });
}

export async function findEvent(db: Db, id: number) {
  const [row] = await db.select().from(events).where(eq(events.id, id));
  return row ?? null;
}
