import { sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { contactChanges, emails } from './schema.js';

/** What /metrics reads from PostgreSQL at each scrape: the same figures whichever server process is asked. */
export interface StoredCounts {
  requestsByState: { state: string; count: number }[];
  decisions: { decision: string; count: number }[];
  emailsByStatus: { status: string; count: number }[];
}

export async function storedCounts(db: Db): Promise<StoredCounts> {
  const [requestsByState, decisions, emailsByStatus] = await Promise.all([
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
  ]);
  return { requestsByState, decisions: [...decisions], emailsByStatus };
}
