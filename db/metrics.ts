import { sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { contactChanges, emails, events, webhookDeliveries } from './schema.js';

/** What /metrics reads from PostgreSQL at each scrape: the same figures whichever server process is asked. */
export interface StoredCounts {
  requestsByState: { state: string; count: number }[];
  decisions: { decision: string; count: number }[];
  emailsByStatus: { status: string; count: number }[];
  /** Webhook deliveries by outcome (pending, delivered, failed). */
  webhookDeliveries: { outcome: string; count: number }[];
  /** Seconds from an event to its delivery: how many took at most each of DELAY_BUCKETS, in all, and their sum. */
  webhookDelay: { buckets: number[]; count: number; sum: number };
}

/** The upper bounds, in seconds, of the webhook delivery delay histogram's buckets. */
export const DELAY_BUCKETS = [0.1, 0.5, 1, 5, 30, 60, 300, 1800, 3600, 21_600, 86_400, 259_200];

export async function storedCounts(db: Db): Promise<StoredCounts> {
  const [requestsByState, decisions, emailsByStatus, webhookOutcomes, webhookDelay] = await Promise.all([
    db
      .select({ state: contactChanges.state, count: sql<number>`count(*)::int` })
      .from(contactChanges)
      .groupBy(contactChanges.state),
    db.execute<{ decision: string; count: number }>(sql`
      select decision, count(*)::int as count from (
        select ${contactChanges.fromDecision} as decision from ${contactChanges} where ${contactChanges.fromDecision} is not null
        union all
        select ${contactChanges.toDecision} from ${contactChanges} where ${contactChanges.toDecision} is not null
      ) d group by decision`),
    db
      .select({ status: emails.status, count: sql<number>`count(*)::int` })
      .from(emails)
      .groupBy(emails.status),
    db
      .select({ outcome: webhookDeliveries.status, count: sql<number>`count(*)::int` })
      .from(webhookDeliveries)
      .groupBy(webhookDeliveries.status),
    // Counted per bucket by PostgreSQL: one row, however many deliveries there were.
    db.execute<{ buckets: number[]; count: number; sum: number }>(sql`
      select array[${sql.join(
        DELAY_BUCKETS.map((bound) => sql`count(*) filter (where seconds <= ${bound})::int`),
        sql`, `,
      )}] as buckets, count(*)::int as count, coalesce(sum(seconds), 0)::float8 as sum
      from (select extract(epoch from (${webhookDeliveries.deliveredAt} - ${events.at}))::float8 as seconds
        from ${webhookDeliveries} join ${events} on ${events.id} = ${webhookDeliveries.eventId}
        where ${webhookDeliveries.deliveredAt} is not null) delays`),
  ]);
  return {
    requestsByState,
    decisions: [...decisions],
    emailsByStatus,
    webhookDeliveries: webhookOutcomes,
    webhookDelay: [...webhookDelay][0]!,
  };
}
