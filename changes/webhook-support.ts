import type { Context } from '../core/context.js';
import { Problem } from '../core/problems.js';
import type { Account } from '../db/schema.js';
import { loadDelivery, setDeliveryStatus } from '../db/webhooks.js';
import { assertSupport } from './support.js';
import { visibleChange } from './requests.js';
import { handOverDeps, signalDelivery } from './webhook-delivery.js';

/**
 * Sends one delivery again (after the receiver fixed its side), with the same webhook-id, in the endpoint's order
 * for that request. Sent even to an endpoint that was disabled: support asked for it.
 */
export async function sendWebhookAgain(ctx: Context, account: Account, changeId: string, deliveryId: number) {
  assertSupport(account);
  const view = await visibleChange(ctx, account, changeId);
  const row = Number.isSafeInteger(deliveryId) ? await loadDelivery(ctx.db, deliveryId) : null;
  if (!row || row.delivery.changeId !== view.change.id || row.endpoint.deletedAt)
    throw new Problem('notFound', `There is no webhook delivery ${deliveryId} for this request.`);
  await setDeliveryStatus(ctx.db, [deliveryId], 'pending');
  await signalDelivery(
    handOverDeps(ctx),
    { endpointId: row.endpoint.id, changeId: view.change.id },
    { deliveryId, eventId: row.event.id, again: true },
  );
}
