import { randomBytes } from 'node:crypto';
import type { Context } from '../core/context.js';
import { Problem } from '../core/problems.js';
import { eventsAfter } from '../db/events.js';
import * as store from '../db/webhooks.js';
import type { WebhookEndpoint } from '../db/schema.js';
import type { EventType } from '../domain/events.js';
import { newId } from '../domain/ids.js';
import { seal } from '../domain/secret-box.js';
import { webhookAddressRefusal } from './webhook-address.js';
import { handOverDeps, sendFailedAgain } from './webhook-delivery.js';

/** The provider's webhook endpoints and the events feed, through the admin API. */

/** How long the secret before a rotation goes on signing beside the new one. */
export const ROTATION_OVERLAP_MS = 86_400_000;

const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

export interface WebhookInput {
  url: string;
  events?: EventType[];
  description?: string;
}

/** A new endpoint and its secret, which is shown this once and kept sealed. */
export async function createWebhook(
  ctx: Context,
  input: WebhookInput,
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const refusal = await webhookAddressRefusal(input.url, ctx.config.webhooks.allowPrivate);
  if (refusal) throw new Problem('webhookUrlRefused', refusal, { field: 'url' });
  const id = `ep_${newId()}`;
  const secret = newSecret();
  const endpoint = await store.insertEndpoint(ctx.db, {
    id,
    url: input.url,
    events: input.events?.length ? [...new Set(input.events)] : null,
    description: input.description ?? null,
    secret: seal(ctx.config.tokenSecret, 'webhook', id, secret),
  });
  return { endpoint, secret };
}

export const listWebhooks = (ctx: Context) => store.listEndpoints(ctx.db);

export async function deleteWebhook(ctx: Context, id: string): Promise<void> {
  if (!(await store.deleteEndpoint(ctx.db, id))) throw new Problem('notFound', `There is no webhook endpoint ${id}.`);
}

/**
 * Sends to a disabled endpoint again, once its receiver is fixed: what was given up when it was disabled, and what
 * happened while it was, is sent now, in order within each request, with the same webhook-ids. On an enabled endpoint
 * it only sends what an earlier call could not hand over.
 */
export async function enableWebhook(ctx: Context, id: string): Promise<WebhookEndpoint> {
  const endpoint = await store.enableEndpoint(ctx.db, id);
  if (!endpoint) throw new Problem('notFound', `There is no webhook endpoint ${id}.`);
  await sendFailedAgain(handOverDeps(ctx), id);
  return endpoint;
}

/** A new secret, returned this once; the one before it goes on signing for 24 hours, so receivers can switch over. */
export async function rotateWebhookSecret(ctx: Context, id: string): Promise<string> {
  const secret = newSecret();
  const overlapUntil = new Date(ctx.now().getTime() + ROTATION_OVERLAP_MS);
  const sealed = seal(ctx.config.tokenSecret, 'webhook', id, secret);
  if (!(await store.rotateSecret(ctx.db, id, sealed, overlapUntil)))
    throw new Problem('notFound', `There is no webhook endpoint ${id}.`);
  return secret;
}

/** The cursor is the last event's id, as text: an integrator stores it and asks for what came after. */
export function parseCursor(after: string | undefined): number {
  if (after === undefined || after === '') return 0;
  if (!/^\d{1,15}$/.test(after))
    throw new Problem('invalidRequest', 'The cursor `after` is a nextCursor this feed gave.');
  return Number(after);
}

/** Events after the cursor, oldest first; `nextCursor` is where to go on from (the same cursor when none came). */
export async function eventsFeed(ctx: Context, after: string | undefined, limit: number) {
  const from = parseCursor(after);
  const rows = await eventsAfter(ctx.db, from, limit);
  const last = rows.at(-1);
  return { rows, nextCursor: String(last ? last.id : from) };
}
