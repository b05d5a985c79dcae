import type { Context, Requester } from '../core/context.js';
import { accountEventsOf, insertAccountEvent } from '../db/account-events.js';
import type { AccountEvent } from '../db/schema.js';

/**
 * Account activity: what happened to an account, for its owner to review on the profile and in the API. Each entry
 * says what, when, and from where; its detail holds ids and names, never a password, code or token.
 */
export const ACTIVITY_TYPES = [
  'signedIn',
  'signInFailed',
  'signInThrottled',
  'emailChangeRequested',
  'emailChanged',
  'emailChangeCancelled',
  'passwordChanged',
  'passwordResetRequested',
  'passwordReset',
  'twoStepEnabled',
  'twoStepDisabled',
  'recoveryCodesRenewed',
  'recoveryCodeUsed',
  'sessionEnded',
  'apiTokenCreated',
  'apiTokenRevoked',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** Records an entry; its id (an email about it is named by it). */
export async function recordActivity(
  ctx: Pick<Context, 'db'>,
  accountId: string,
  type: ActivityType,
  from: Requester | null,
  detail?: Record<string, unknown>,
): Promise<number> {
  return insertAccountEvent(ctx.db, {
    accountId,
    type,
    detail: detail ?? null,
    ip: from?.ip ?? null,
    userAgent: from?.userAgent ?? null,
  });
}

/** One's own account activity, newest first: a page of `limit`, and the `before` of the next page (null: no more). */
export async function accountActivity(
  ctx: Context,
  accountId: string,
  options: { limit?: number; before?: number } = {},
): Promise<{ events: AccountEvent[]; nextBefore: number | null }> {
  const limit = Math.min(options.limit ?? 50, 200);
  const rows = await accountEventsOf(ctx.db, accountId, { limit: limit + 1, before: options.before });
  const events = rows.slice(0, limit);
  return { events, nextBefore: rows.length > limit ? events.at(-1)!.id : null };
}
