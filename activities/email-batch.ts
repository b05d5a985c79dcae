import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { loadChangeView } from '../db/queries.js';
import { copyDeliveries } from './book-emails.js';
import type { ActivityDeps } from './index.js';
import { notFound } from './projection.js';
import { deliverOnce, partyDelivery, type Delivery, type EmailKind, type Recipient } from './send-email.js';

export interface SendEmailsInput {
  changeId: string;
  kind: EmailKind;
  sending: number;
  seq: number;
  recipients: Recipient[];
  /** Sent to both parties and the asker: an asker who is also a party gets it once. */
  toAll?: boolean;
  /** Also the copies for the holder's subscribed contacts (an outcome). */
  copies?: boolean;
}

/** What a failed attempt passes on to the next one, as heartbeat details. */
interface Progress {
  rejected: string[];
}

/**
 * Sends one after the other every email of a batch, each with its own idempotency key, so a retry sends only what
 * has not gone out. A permanent rejection does not stop the others, and is not tried again by a later attempt (the
 * keys travel as heartbeat details; should they be lost, the provider merely refuses the same address again). A
 * temporary failure is thrown once every other email was tried, so the activity is retried for what is left.
 */
export async function deliverAll(
  deps: ActivityDeps,
  deliveries: Delivery[],
): Promise<{ sent: number; rejected: number }> {
  const { db, mailer } = deps;
  const ctx = Context.current();
  const rejected = new Set((ctx.info.heartbeatDetails as Progress | undefined)?.rejected ?? []);
  const spacingMs = deps.mailRatePerSecond ? 1000 / deps.mailRatePerSecond : 0;
  let lastCall = 0;
  // Several emails of one batch go to the provider no faster than the email queue's rate limit lets activities start.
  const beforeSend = async () => {
    const wait = lastCall + spacingMs - Date.now();
    if (lastCall && wait > 0) await ctx.sleep(wait);
    lastCall = Date.now();
  };
  let sent = 0;
  let retry: unknown = null;
  for (const delivery of deliveries) {
    if (rejected.has(delivery.row.idempotencyKey)) continue;
    try {
      await deliverOnce(db, mailer, { ...delivery, beforeSend });
      sent += 1;
    } catch (err) {
      if (err instanceof ApplicationFailure && err.nonRetryable) {
        rejected.add(delivery.row.idempotencyKey);
        ctx.heartbeat({ rejected: [...rejected] } satisfies Progress);
      } else {
        retry ??= err;
      }
    }
  }
  if (retry) throw retry;
  return { sent, rejected: rejected.size };
}

export function emailBatchActivities(deps: ActivityDeps) {
  return {
    /**
     * Every email of one moment of a request in one activity: the token emails of a sending, the reminders, or an
     * outcome for both parties, the asker and (with `copies`) the subscribed contacts.
     */
    async sendEmails(input: SendEmailsInput): Promise<{ sent: number; rejected: number }> {
      const view = await loadChangeView(deps.db, input.changeId);
      if (!view) throw notFound(input.changeId);
      const deliveries = input.recipients
        .map((recipient) => partyDelivery(deps, view, { ...input, recipient }))
        .filter((d): d is Delivery => d !== null);
      if (input.copies) deliveries.push(...(await copyDeliveries(deps, view, input.kind)));
      return deliverAll(deps, deliveries);
    },
  };
}
