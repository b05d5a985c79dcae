import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createWebhook,
  deleteWebhook,
  enableWebhook,
  eventsFeed,
  listWebhooks,
  rotateWebhookSecret,
} from '../changes/webhooks.js';
import type { WebhookEndpoint } from '../db/schema.js';
import { EVENT_TYPES } from '../domain/events.js';
import { problemsFor } from './problems.js';

const eventType = z.enum(EVENT_TYPES);
const eventSchema = z
  .object({
    id: z.string().describe('the event id: its cursor in this feed, and the webhook-id of its deliveries'),
    type: eventType,
    timestamp: z.iso.datetime(),
    data: z
      .record(z.string(), z.unknown())
      .describe(
        'the request as GET /api/v1/contact-changes/{id} shows it (without its timeline); a decision event adds ' +
          '`decision: {party, decision}`',
      ),
  })
  .meta({ id: 'Event' });
const webhookSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(eventType).nullable().describe('the event types sent there; null: every type'),
    description: z.string().nullable(),
    disabled: z
      .boolean()
      .describe('true once a delivery failed for the whole retry period: nothing more is sent until it is enabled'),
    disabledAt: z.iso.datetime().nullable().describe('when it was disabled; null while it is enabled'),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Webhook' });
const secretSchema = z.string().describe('whsec_…, the signing secret: shown this once');
const webhookBody = z.object({
  url: z.string().trim().regex(/\S/, 'not blank').max(2000).describe('http(s) address the events are POSTed to'),
  events: z.array(eventType).max(EVENT_TYPES.length).optional().describe('only these types; all when left out'),
  description: z.string().trim().max(500).optional(),
});
const idParams = z.object({ id: z.string().min(1).max(100) });
const errors = problemsFor(400, 401, 404, 422);

const presentWebhook = (e: WebhookEndpoint) => ({
  id: e.id,
  url: e.url,
  events: (e.events as z.infer<typeof eventType>[] | null) ?? null,
  description: e.description,
  disabled: e.disabledAt !== null,
  disabledAt: e.disabledAt?.toISOString() ?? null,
  createdAt: e.createdAt.toISOString(),
});

/** The provider's side of events: the feed, and the endpoints they are pushed to as Standard Webhooks. */
export default fp(
  async (appRoot: FastifyInstance) => {
    const app = appRoot.withTypeProvider<ZodTypeProvider>();
    const tags = ['admin'];
    const onRequest = app.requireAdmin;

    app.get(
      '/api/v1/admin/events',
      {
        onRequest,
        schema: {
          tags,
          summary: 'The events of every request, oldest first, after a cursor',
          description:
            'Store `nextCursor` and ask again with `after=<nextCursor>`: each event comes once, in the order the ' +
            'changes committed, and none is skipped. No event after the cursor: the same cursor comes back.',
          querystring: z.object({
            after: z
              .string()
              .regex(/^\d{0,15}$/, 'a nextCursor this feed gave')
              .optional()
              .describe('a nextCursor this feed gave; from the start when left out'),
            limit: z.coerce.number().int().min(1).max(500).default(100),
          }),
          response: { 200: z.object({ items: z.array(eventSchema), nextCursor: z.string() }), ...errors },
        },
      },
      async (request) => {
        const { rows, nextCursor } = await eventsFeed(app.ctx, request.query.after, request.query.limit);
        return {
          items: rows.map((e) => ({
            id: String(e.id),
            type: e.type as z.infer<typeof eventType>,
            timestamp: e.at.toISOString(),
            data: e.data,
          })),
          nextCursor,
        };
      },
    );

    app.post(
      '/api/v1/admin/webhooks',
      {
        onRequest,
        schema: {
          tags,
          summary: 'Send events to an address, signed as Standard Webhooks',
          description:
            'The answer holds the signing secret, shown this once. An address that is not http(s) is refused with ' +
            '`webhookUrlRefused` (422), as is, in production, one on this machine or a private network, or whose ' +
            'name resolves to one (a delivery to a name pointed there later fails without connecting).',
          body: webhookBody,
          response: { 201: webhookSchema.extend({ secret: secretSchema }), ...errors },
        },
      },
      async (request, reply) => {
        const { endpoint, secret } = await createWebhook(app.ctx, request.body);
        return reply.code(201).send({ ...presentWebhook(endpoint), secret });
      },
    );

    app.get(
      '/api/v1/admin/webhooks',
      {
        onRequest,
        schema: {
          tags,
          summary: 'The webhook endpoints (without their secrets)',
          response: { 200: z.object({ items: z.array(webhookSchema) }), ...errors },
        },
      },
      async () => ({ items: (await listWebhooks(app.ctx)).map(presentWebhook) }),
    );

    app.delete(
      '/api/v1/admin/webhooks/:id',
      {
        onRequest,
        schema: {
          tags,
          summary: 'Stop sending events to an endpoint',
          params: idParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await deleteWebhook(app.ctx, request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/api/v1/admin/webhooks/:id/rotate-secret',
      {
        onRequest,
        schema: {
          tags,
          summary: 'A new signing secret; the old one goes on signing beside it for 24 hours',
          description:
            'During the overlap `webhook-signature` carries a signature by each secret, so a receiver may switch ' +
            'to the new secret whenever it likes within the 24 hours.',
          params: idParams,
          body: z.object({}).nullish(),
          response: { 200: z.object({ secret: secretSchema }), ...errors },
        },
      },
      async (request) => ({ secret: await rotateWebhookSecret(app.ctx, request.params.id) }),
    );

    app.post(
      '/api/v1/admin/webhooks/:id/enable',
      {
        onRequest,
        schema: {
          tags,
          summary: 'Send to a disabled endpoint again, and catch it up',
          description:
            'Once the receiver is fixed: the endpoint takes events again, and the deliveries given up when it was ' +
            'disabled, with the events that came while it was, are sent now (the same `webhook-id`s, in order within ' +
            'each request). Calling it again is harmless: on an enabled endpoint it only sends what an earlier call ' +
            'could not hand over.',
          params: idParams,
          body: z.object({}).nullish(),
          response: { 200: webhookSchema, ...errors },
        },
      },
      async (request) => presentWebhook(await enableWebhook(app.ctx, request.params.id)),
    );
  },
  { name: 'admin-events', dependencies: ['auth'] },
);
