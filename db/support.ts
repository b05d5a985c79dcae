import { asc, desc, eq, ilike, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { MAX_FAILED_ATTEMPTS } from '../domain/contact-change.js';
import type { Db } from './client.js';
import { loadChangeViews } from './queries.js';
import { cursorTime, encodeCursor, type Cursor } from './request-list.js';
import { accounts, contactChanges, emails, services } from './schema.js';

export interface StuckRow {
  id: string;
  created_at: string;
  /** created_at as a cursor keeps it (see cursorTime). */
  cursor_at: string;
  failing_step: string | null;
  failing_since: string | null;
  last_error: string | null;
  failed_attempts: number;
  state: string;
  updated_at: string;
  email_problems: { recipient: string; status: string; error: string | null; at: string }[] | null;
  [key: string]: unknown;
}

export interface PendingInput {
  stuckOnly: boolean;
  stuckSince: Date;
  applySince: Date;
  limit: number;
  ids?: string[];
  /** Only the requests after this one, oldest first (the next page). */
  after?: Cursor | null;
}

/**
 * Pending requests, oldest first, with what support needs to see why they are stuck: only the stuck ones when
 * `stuckOnly` (pending since before `stuckSince`, a token email of the current sending failed, a step keeps failing,
 * tokens locked, or applying since before `applySince`). By keyset on (created_at, id): the filter is in the same
 * statement, so a page is `limit` stuck requests whatever pending ones lie between them, and `next` is the cursor of
 * the page after (null on the last).
 */
export async function pendingRows(db: Db, options: PendingInput): Promise<{ rows: StuckRow[]; next: string | null }> {
  const emailProblems = sql`from emails e
        where e.change_id = c.id and e.sending = c.sending and e.kind in ('request', 'reminder')
          and e.status in ('failed', 'bounced', 'complained')`;
  const stuckOnly = options.stuckOnly
    ? sql`and (c.created_at < ${options.stuckSince.toISOString()}::timestamptz or c.failing_step is not null
    or c.failed_attempts >= ${MAX_FAILED_ATTEMPTS} or exists (select 1 ${emailProblems})
    or (c.state = 'doing' and c.updated_at < ${options.applySince.toISOString()}::timestamptz))`
    : sql``;
  const { after } = options;
  // One more than the page is read, to tell whether there is a next page.
  const rows = await db.execute<StuckRow>(sql`
    select c.id, c.created_at, c.state, c.updated_at, c.failing_step, c.failing_since, c.last_error, c.failed_attempts,
      ${cursorTime(sql`c.created_at`)} as cursor_at,
      (select json_agg(json_build_object('recipient', e.recipient, 'status', e.status, 'error', e.last_error, 'at', e.updated_at))
         ${emailProblems}) as email_problems
    from contact_changes c
    where c.state in ('todo', 'checkValidity', 'validatingByCustomers', 'doing') ${stuckOnly}
      ${options.ids ? sql`and c.id in ${options.ids}` : sql``}
      ${after ? sql`and (c.created_at, c.id) > (${after.t}::timestamptz, ${after.id})` : sql``}
    order by c.created_at asc, c.id asc
    limit ${options.limit + 1}
  `);
  const page = [...rows].slice(0, options.limit);
  const last = page.at(-1);
  return {
    rows: page,
    next: rows.length > options.limit && last ? encodeCursor({ t: last.cursor_at, id: last.id }) : null,
  };
}

/** Every request, pending or ended, whose id is `q` or whose service name or people's handles contain it; newest first.
 * */
export async function searchChanges(db: Db, q: string, limit: number) {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const from = alias(accounts, 'from_account');
  const to = alias(accounts, 'to_account');
  const asker = alias(accounts, 'asker_account');
  const rows = await db
    .select({ id: contactChanges.id })
    .from(contactChanges)
    .innerJoin(services, eq(services.id, contactChanges.serviceId))
    .innerJoin(from, eq(from.id, contactChanges.fromId))
    .innerJoin(to, eq(to.id, contactChanges.toId))
    .innerJoin(asker, eq(asker.id, contactChanges.askedById))
    .where(
      or(
        eq(contactChanges.id, q),
        ilike(services.name, pattern),
        ilike(from.handle, pattern),
        ilike(to.handle, pattern),
        ilike(asker.handle, pattern),
      ),
    )
    .orderBy(desc(contactChanges.createdAt), desc(contactChanges.id))
    .limit(limit);
  return loadChangeViews(
    db,
    rows.map((row) => row.id),
  );
}

/** A request's emails, oldest first, with their delivery status. */
export function emailsOf(db: Db, changeId: string) {
  return db.select().from(emails).where(eq(emails.changeId, changeId)).orderBy(asc(emails.createdAt), asc(emails.id));
}
