import type { Context } from '../core/context.js';
import { findAccountsById } from '../db/accounts.js';
import { loadChangeView, loadTimeline, type ChangeView } from '../db/queries.js';
import { emailsOf, searchChanges } from '../db/support.js';
import { deliveriesOf } from '../db/webhooks.js';
import type { Account } from '../db/schema.js';
import { extendUpdate } from '../workflows/messages.js';
import { cancelChange, resendChange, visibleChange } from './requests.js';
import { Problem } from '../core/problems.js';
import { actionProblem, runUpdate, withNote } from './workflow.js';

/**
 * What support staff do to someone else's request. Each action says why: the reason lands on the timeline.
 * Refusals are Problems with `field` (the input concerned) and `code` (for pages to word in their language).
 */

export const MAX_REASON_LENGTH = 1000;

export function assertSupport(account: Account): void {
  if (account.role !== 'support') throw new Problem('supportOnly', 'Only support staff may do this.');
}

export function requiredReason(reason: string | undefined): string {
  const text = reason?.trim() ?? '';
  if (!text) {
    throw new Problem('reasonRequired', "Write why you do this; the reason is shown on the request's timeline.", {
      field: 'reason',
    });
  }
  if (text.length > MAX_REASON_LENGTH) {
    throw new Problem('reasonTooLong', `Keep the reason under ${MAX_REASON_LENGTH} characters.`, { field: 'reason' });
  }
  return text;
}

/** Gives the contacts until `expiresAt` to decide: later than now and than the current expiry, at most 30 days ahead.
 * */
export async function extendChange(
  ctx: Context,
  account: Account,
  id: string,
  expiresAt: Date,
  reason: string,
): Promise<ChangeView> {
  assertSupport(account);
  const text = requiredReason(reason);
  const view = await visibleChange(ctx, account, id);
  if (view.change.state !== 'validatingByCustomers') {
    throw new Problem(
      'notPossibleNow',
      `This request is ${view.change.state}; only a request waiting for its contacts can be extended.`,
    );
  }
  const changeId = view.change.id;
  await withNote(ctx.db, { changeId, accountId: account.id, text }, (noteId) =>
    runUpdate(ctx.temporal, changeId, extendUpdate, { by: account.id, noteId, expiresAt: expiresAt.getTime() }),
  ).catch((err) => {
    throw actionProblem(err) ?? err;
  });
  return (await loadChangeView(ctx.db, changeId))!;
}

export async function supportResend(ctx: Context, account: Account, id: string, reason: string): Promise<ChangeView> {
  assertSupport(account);
  return resendChange(ctx, account, id, requiredReason(reason));
}

export async function supportCancel(ctx: Context, account: Account, id: string, reason: string): Promise<ChangeView> {
  assertSupport(account);
  return cancelChange(ctx, account, id, requiredReason(reason));
}

/** Every request, pending or ended, whose id is `q` or whose service name or people's handles contain it. */
export async function searchRequests(ctx: Context, account: Account, q: string, limit: number): Promise<ChangeView[]> {
  assertSupport(account);
  return searchChanges(ctx.db, q, limit);
}

/**
 * A request as support sees it: the request, its timeline, its emails, its webhook deliveries, and the handles of
 * everyone named.
 */
export async function supportDetail(ctx: Context, account: Account, id: string) {
  assertSupport(account);
  const view = await visibleChange(ctx, account, id);
  const [timeline, mails, webhooks] = await Promise.all([
    loadTimeline(ctx.db, view.change.id),
    emailsOf(ctx.db, view.change.id),
    deliveriesOf(ctx.db, view.change.id),
  ]);
  const ids = [...new Set([...timeline, ...mails].map((e) => e.accountId).filter((x): x is string => !!x))];
  const people = await findAccountsById(ctx.db, ids);
  return { view, timeline, mails, webhooks, handles: new Map(people.map((p) => [p.id, p.handle])) };
}

export type SupportDetail = Awaited<ReturnType<typeof supportDetail>>;
