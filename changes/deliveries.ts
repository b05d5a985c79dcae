import type { Context } from '../core/context.js';
import * as emails from '../db/emails.js';

/** What the email provider says became of an email (delivered, bounced, complained), onto the request's timeline. */
export function recordDelivery(ctx: Context, input: Parameters<typeof emails.recordDelivery>[1]): Promise<void> {
  return emails.recordDelivery(ctx.db, input);
}
