import { sql } from 'drizzle-orm';
import { MAX_FAILED_ATTEMPTS } from '../domain/contact-change.js';
import { loadChangeViews, type ChangeView } from '../db/queries.js';
import type { Context } from '../core/context.js';
import type { Account } from '../db/schema.js';
import { assertSupport } from './support.js';

/** Why a pending request needs a person, with the facts each page or answer words in its own language. */
export type StuckReason =
  | { code: 'pendingTooLong'; since: Date; afterMs: number }
  | { code: 'emailFailed'; since: Date; recipient: string; status: string; error: string | null }
  | { code: 'stepFailing'; since: Date | null; step: string; error: string | null }
  | { code: 'tokensLocked'; since: null; attempts: number };

export interface PendingChange {
  view: ChangeView;
  reasons: StuckReason[];
}

interface StuckRow {
  id: string;
  created_at: string;
  failing_step: string | null;
  failing_since: string | null;
  last_error: string | null;
  failed_attempts: number;
  email_problems: { recipient: string; status: string; error: string | null; at: string }[] | null;
  [key: string]: unknown;
}

function reasonsOf(row: StuckRow, stuckAfterMs: number, now: number): StuckReason[] {
  const reasons: StuckReason[] = [];
  // Raw queries through drizzle return timestamps as text.
  const createdAt = new Date(row.created_at);
  if (now - createdAt.getTime() > stuckAfterMs) {
    reasons.push({ code: 'pendingTooLong', since: createdAt, afterMs: stuckAfterMs });
  }
  for (const e of row.email_problems ?? []) {
    reasons.push({
      code: 'emailFailed',
      since: new Date(e.at),
      recipient: e.recipient,
      status: e.status,
      error: e.error,
    });
  }
  if (row.failing_step) {
    const since = row.failing_since ? new Date(row.failing_since) : null;
    reasons.push({ code: 'stepFailing', since, step: row.failing_step, error: row.last_error });
  }
  if (row.failed_attempts >= MAX_FAILED_ATTEMPTS)
    reasons.push({ code: 'tokensLocked', since: null, attempts: row.failed_attempts });
  return reasons;
}

/**
 * Pending requests, oldest first, each with its stuck reasons: only the stuck ones unless `stuck` is false.
 * Stuck: pending too long, a token email of the current sending failed, a step keeps failing, or tokens locked.
 */
export async function pendingChanges(
  ctx: Context,
  account: Account,
  options: { stuck: boolean; limit: number },
): Promise<PendingChange[]> {
  assertSupport(account);
  const { db } = ctx;
  const stuckAfterMs = ctx.config.stuckAfterMs;
  const stuckSince = new Date(Date.now() - stuckAfterMs).toISOString();
  const emailProblems = sql`from emails e
        where e.change_id = c.id and e.sending = c.sending and e.kind in ('request', 'reminder')
          and e.status in ('failed', 'bounced', 'complained')`;
  const stuckOnly = options.stuck
    ? sql`and (c.created_at < ${stuckSince}::timestamptz or c.failing_step is not null
    or c.failed_attempts >= ${MAX_FAILED_ATTEMPTS} or exists (select 1 ${emailProblems}))`
    : sql``;
  const rows = await db.execute<StuckRow>(sql`
    select c.id, c.created_at, c.failing_step, c.failing_since, c.last_error, c.failed_attempts,
      (select json_agg(json_build_object('recipient', e.recipient, 'status', e.status, 'error', e.last_error, 'at', e.updated_at))
         ${emailProblems}) as email_problems
    from contact_changes c
    where c.state in ('todo', 'checkValidity', 'validatingByCustomers', 'doing') ${stuckOnly}
    order by c.created_at asc
    limit ${options.limit}
  `);
  const now = Date.now();
  const views = await loadChangeViews(
    db,
    rows.map((row) => row.id),
  );
  const rowById = new Map(rows.map((row) => [row.id, row]));
  return views.map((view) => ({ view, reasons: reasonsOf(rowById.get(view.change.id)!, stuckAfterMs, now) }));
}
