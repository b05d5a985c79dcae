import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { createDb, type Db } from '../db/client.js';
import { addOutboxEvent } from '../db/events.js';
import { selectViews, viewOf } from '../db/queries.js';
import { contactChanges, events } from '../db/schema.js';
import { presentChange } from '../domain/change-json.js';
import { loop } from './lib/load.js';
import { say, type BenchResult, type Row } from './lib/report.js';
import { startStack } from './lib/stack.js';

/**
 * `npm run bench outbox`: what the events outbox's advisory lock costs. Each event is written in the transaction of
 * the state change it tells, after one transaction-level advisory lock held until commit (so that ids commit in
 * order and the feed's cursor never skips one). The product: a state change and its event, as `addOutboxEvent`
 * writes it, from 8 connections at once. The floor: the same transaction without the lock, ids committing in any
 * order.
 */
const CONNECTIONS = 8;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const REQUESTS = 1_000;

async function seed(sqlClient: ReturnType<typeof createDb>['sql']) {
  await sqlClient.unsafe(`insert into accounts (id, handle, email, first_name, last_name, language)
    select 'ob' || g, 'ob' || g, 'ob' || g || '@bench.example', 'User', g::text, 'en' from generate_series(1, 2) g`);
  await sqlClient.unsafe(`insert into services (id, name, kind, holder_id, admin_id, tech_id, billing_id)
    values ('obs', 'outbox.example', 'domain', 'ob1', 'ob1', 'ob1', 'ob1')`);
  await sqlClient.unsafe(`insert into contact_changes (id, service_id, roles, from_id, to_id, asked_by_id, state, expires_at)
    select 'obc' || g, 'obs', '{tech}', 'ob1', 'ob2', 'ob1', 'validatingByCustomers', now() + interval '7 days'
    from generate_series(1, ${REQUESTS}) g`);
}

/** One state change of a random request, with its event: through the product's own writer, or without the lock. */
function transactionOf(db: Db, locked: boolean) {
  return () => {
    const changeId = `obc${1 + Math.floor(Math.random() * REQUESTS)}`;
    return db.transaction(async (tx) => {
      await tx.update(contactChanges).set({ updatedAt: new Date() }).where(eq(contactChanges.id, changeId));
      const event = { changeId, type: 'contact_change.decision' as const, dedupeKey: randomUUID() };
      if (locked) return addOutboxEvent(tx, event);
      const [row] = await selectViews(tx, {}).where(eq(contactChanges.id, changeId));
      await tx.insert(events).values({ ...event, data: presentChange(viewOf(row!)) });
    });
  };
}

export async function run(): Promise<BenchResult> {
  const name = 'outbox';
  const stack = await startStack({ worker: false });
  const database = createDb(stack.pg.url, { max: CONNECTIONS });
  try {
    await seed(database.sql);
    const measure = async (locked: boolean) => {
      say(name, `${locked ? 'with' : 'without'} the lock: ${CONNECTIONS} connections for ${SECONDS} s`);
      return loop(transactionOf(database.db, locked), {
        concurrency: CONNECTIONS,
        seconds: SECONDS,
        warmupSeconds: 2,
      });
    };
    const floor = await measure(false);
    const product = await measure(true);
    const [{ count }] = (await database.db.execute<{ count: number }>(
      sql`select count(*)::int as count from ${events} where ${events.changeId} like 'obc%'`,
    )) as unknown as [{ count: number }];
    const rows: Row[] = [
      {
        what: `state changes with their event, ${CONNECTIONS} at once`,
        product: product.rps,
        floor: floor.rps,
        unit: 'transactions/s',
        // The lock serializes only the insert and the commit, a fraction of the transaction.
        goal: { min: 0.5, ratio: true, text: '≥ 0.5× the floor' },
      },
      {
        what: 'p99 of one state change and its event',
        product: product.p99,
        floor: floor.p99,
        unit: 'ms',
        goal: { max: 50, text: '≤ 50 ms' },
      },
    ];
    return {
      name,
      title: 'Events outbox: the cost of handing ids out in commit order',
      rows,
      facts: { connections: CONNECTIONS, seconds: SECONDS, requests: REQUESTS, eventsWritten: count, floor, product },
    };
  } finally {
    await database.close();
    await stack.stop();
  }
}
