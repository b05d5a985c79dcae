import type { Context } from '../core/context.js';
import * as emails from '../db/emails.js';

/**
 * What the email provider says became of an email (delivered, bounced, complained), onto the request's timeline.
 * Each event counts once however often it is delivered, and an event older than the status it would replace (events
 * may arrive out of order) leaves the status as it is. `taken` is false for an event already taken.
 */
export function recordDelivery(ctx: Context, input: Parameters<typeof emails.recordDelivery>[1]) {
  return emails.recordDelivery(ctx.db, input);
}
