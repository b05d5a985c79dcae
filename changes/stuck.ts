import { MAX_FAILED_ATTEMPTS } from '../domain/contact-change.js';
import { loadChangeViews, type ChangeView } from '../db/queries.js';
import { pendingRows, type StuckRow } from '../db/support.js';
import type { Context } from '../core/context.js';
import type { Account } from '../db/schema.js';
import { givenCursor } from './list.js';
import { assertSupport } from './support.js';

/** Why a pending request needs a person, with the facts each page or answer words in its own language. */
export type StuckReason =
  | { code: 'pendingTooLong'; since: Date; afterMs: number }
  | { code: 'emailFailed'; since: Date; recipient: string; status: string; error: string | null }
  | { code: 'stepFailing'; since: Date | null; step: string; error: string | null }
  | { code: 'tokensLocked'; since: null; attempts: number }
  /** Both accepted, and the provider, which applies this kind of change, has not said it did within APPLY_TIMEOUT. */
  | { code: 'applyOverdue'; since: Date; afterMs: number };

export interface PendingChange {
  view: ChangeView;
  reasons: StuckReason[];
}

function reasonsOf(row: StuckRow, stuckAfterMs: number, applyTimeoutMs: number, now: number): StuckReason[] {
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
  const doingSince = new Date(row.updated_at);
  if (row.state === 'doing' && now - doingSince.getTime() > applyTimeoutMs) {
    reasons.push({ code: 'applyOverdue', since: doingSince, afterMs: applyTimeoutMs });
  }
  return reasons;
}

export interface PendingPage {
  items: PendingChange[];
  /** The cursor of the next page, or null on the last. */
  next: string | null;
}

/**
 * Pending requests, oldest first, each with its stuck reasons: only the stuck ones unless `stuck` is false.
 * Stuck: pending too long, a token email of the current sending failed, a step keeps failing, or tokens locked.
 * By pages: `cursor` is the `next` of the page before; one this list did not give out is 422 `invalidRequest`.
 */
export async function pendingChanges(
  ctx: Context,
  account: Account,
  options: { stuck: boolean; limit: number; ids?: string[]; cursor?: string },
): Promise<PendingPage> {
  assertSupport(account);
  const after = givenCursor(options.cursor, 'query.cursor');
  if (options.ids?.length === 0) return { items: [], next: null };
  const { db } = ctx;
  const { stuckAfterMs, applyTimeoutMs } = ctx.config;
  // One clock for the filter and the reasons: every request the filter lets through has a reason to show.
  const now = ctx.now().getTime();
  const { rows, next } = await pendingRows(db, {
    stuckOnly: options.stuck,
    stuckSince: new Date(now - stuckAfterMs),
    applySince: new Date(now - applyTimeoutMs),
    limit: options.limit,
    ids: options.ids,
    after,
  });
  const views = await loadChangeViews(
    db,
    rows.map((row) => row.id),
  );
  const rowById = new Map(rows.map((row) => [row.id, row]));
  const items = views.map((view) => ({
    view,
    reasons: reasonsOf(rowById.get(view.change.id)!, stuckAfterMs, applyTimeoutMs, now),
  }));
  return { items, next };
}
