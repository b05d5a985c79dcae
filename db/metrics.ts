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
  /** Seconds from an event to its delivery, to the millisecond, with how many deliveries took them. */
  webhookDelays: { seconds: number; count: number }[];
}

export async function storedCounts(db: Db): Promise<StoredCounts> {
  const [requestsByState, decisions, emailsByStatus, webhookOutcomes, webhookDelays] = await Promise.all([
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
    db.execute<{ seconds: string; count: number }>(sql`
      select round(extract(epoch from (${webhookDeliveries.deliveredAt} - ${events.at}))::numeric, 3) as seconds,
        count(*)::int as count
      from ${webhookDeliveries} join ${events} on ${events.id} = ${webhookDeliveries.eventId}
      where ${webhookDeliveries.deliveredAt} is not null group by 1`),
  ]);
  return {
    requestsByState,
    decisions: [...decisions],
    emailsByStatus,
    webhookDeliveries: webhookOutcomes,
    webhookDelays: [...webhookDelays].map((r) => ({ seconds: Number(r.seconds), count: r.count })),
  };
}
