import type { Context, Requester } from '../core/context.js';
import { Problem } from '../core/problems.js';
import type { Account } from '../db/schema.js';
import type { Attempt } from '../db/sign-in-attempts.js';
import { FREE_FAILURES } from '../domain/sign-in.js';
import { recordActivity } from './activity.js';
import { sendAccountEmail } from './notify.js';

/** A sign-in that has to wait: no password is checked until then. */
export const throttled = (waitSeconds: number) =>
  new Problem(
    'signInThrottled',
    `Too many wrong passwords were tried for this handle; wait ${waitSeconds} seconds before trying again.`,
    { retryAfterSeconds: Math.max(1, waitSeconds) },
  );

const refused = () => new Problem('signInRefused', 'This handle and password do not match.');

/**
 * A wrong password (or no such account, or one that may not sign in): recorded in the account's activity, with the
 * wait it now has to observe, and the first wait of a streak tells the account by email. A handle no account has
 * gets the same answers, and nothing is recorded.
 */
export async function refuseSignIn(
  ctx: Context,
  account: Account | null,
  attempt: Attempt,
  from: Requester,
): Promise<never> {
  const { failures, waitSeconds } = attempt;
  if (account) {
    await recordActivity(ctx, account.id, 'signInFailed', from, { failures });
    if (waitSeconds > 0) {
      const event = await recordActivity(ctx, account.id, 'signInThrottled', from, { failures, waitSeconds });
      if (failures === FREE_FAILURES + 1) await notify(ctx, event);
    }
  }
  throw waitSeconds > 0 ? throttled(waitSeconds) : refused();
}

/** The notice of a streak's first wait, named by its activity entry; the refusal stands without it. */
async function notify(ctx: Context, event: number): Promise<void> {
  try {
    await sendAccountEmail(ctx, { kind: 'signInThrottled', id: String(event) });
  } catch (err) {
    ctx.log.error({ err, event }, 'could not start the sign-in notice email');
  }
}
