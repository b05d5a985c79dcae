import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES, STATES } from '../domain/contact-change.js';
import { changeSchema, presentChange } from '../domain/change-json.js';
import { calendarDay } from '../domain/days.js';
import { myRequests, requestWithTimeline } from '../changes/list.js';
import { cancelChange, createChange, resendChange } from '../changes/requests.js';
import { idParams, problemsFor } from './problems.js';

export { changeSchema, presentChange, timelineEntrySchema, type ChangeJson } from '../domain/change-json.js';

const createBody = z.object({
  roles: z
    .array(z.enum(ROLES))
    .min(1)
    .max(3)
    // A check the schema states (uniqueItems): refused as breaking it, 400.
    .refine((roles) => new Set(roles).size === roles.length, {
      message: 'each role may be named once',
      params: { stated: 'uniqueItems' },
    })
    .meta({ uniqueItems: true }),
  to: z.string().trim().regex(/\S/, 'not blank').max(64).describe('handle of the account that takes the roles'),
});
const listQuery = z.object({
  direction: z.enum(['sent', 'received', 'all']).default('all'),
  state: z
    .string()
    .regex(new RegExp(`^(${STATES.join('|')})(,(${STATES.join('|')}))*$`), `states are ${STATES.join(', ')}`)
    .optional()
    .describe('one state or several, comma-separated'),
  service: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'a service id')
    .optional()
    .describe('only the requests of this service (its id, as GET /api/v1/services gives it)'),
  createdFrom: calendarDay
    .optional()
    .describe("only the requests made on or after this day (YYYY-MM-DD), in the account's time zone (UTC if none)"),
  createdTo: calendarDay
    .optional()
    .describe("only the requests made on or before this day (YYYY-MM-DD), in the account's time zone (UTC if none)"),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
const reasonBody = z
  .object({ reason: z.string().trim().max(1000).optional().describe('why; shown on the timeline and in the emails') })
  .nullish();
// Resend was called without a body before it took a reason; Fastify reads no body as null.
const resendBody = z
  .object({ reason: z.string().trim().max(1000).optional().describe('why; shown on the timeline') })
  .nullish();
const errors = problemsFor(400, 401, 403, 404, 409, 422, 429);

export default fp(
  async (appRoot: FastifyInstance) => {
    const app = appRoot.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/api/v1/services/:id/contact-changes',
      {
        onRequest: app.requireAccount,
        schema: {
          tags: ['contact changes'],
          summary: 'Ask to move one or more contact roles of a service to another account',
          description:
            "When the provider's check is set (CHECK_URL), it is asked first: 422 `refusedByProvider` with its " +
            'reason in `detail`, or 503 `providerUnavailable` when it does not answer; either way no request is made.',
          params: idParams,
          body: createBody,
          response: { 201: changeSchema, ...errors, ...problemsFor(503) },
        },
      },
      async (request, reply) => {
        const view = await createChange(app.ctx, request.account!, request.params.id, request.body);
        return reply
          .code(201)
          .header('location', `/api/v1/contact-changes/${view.change.id}`)
          .send(presentChange(view));
      },
    );

    app.get(
      '/api/v1/contact-changes',
      {
        onRequest: app.requireAccount,
        schema: {
          tags: ['contact changes'],
          summary: 'My requests: sent by me, or received as the outgoing or incoming contact',
          querystring: listQuery,
          response: { 200: z.object({ items: z.array(changeSchema), nextCursor: z.string().nullable() }), ...errors },
        },
      },
      async (request) => {
        const { direction, state, cursor, limit, ...narrowed } = request.query;
        const states = state ? state.split(',') : [];
        const page = await myRequests(app.ctx, request.account!, {
          direction,
          states,
          ...narrowed,
          after: cursor,
          limit,
        });
        return { items: page.views.map((v) => presentChange(v)), nextCursor: page.older };
      },
    );

    app.get(
      '/api/v1/contact-changes/:id',
      {
        onRequest: app.requireAccount,
        schema: {
          tags: ['contact changes'],
          summary: "One request: each party's decision, the expiry and the timeline",
          params: idParams,
          response: { 200: changeSchema, ...errors },
        },
      },
      async (request) => {
        const { view, timeline } = await requestWithTimeline(app.ctx, request.account!, request.params.id);
        return presentChange(view, timeline);
      },
    );

    app.post(
      '/api/v1/contact-changes/:id/resend-email',
      {
        onRequest: app.requireAccount,
        config: { rateLimit: {} },
        schema: {
          tags: ['contact changes'],
          summary: 'Send new tokens to the contacts who have not decided; older tokens stop working',
          params: idParams,
          body: resendBody,
          response: { 200: changeSchema, ...errors },
        },
      },
      async (request) =>
        presentChange(await resendChange(app.ctx, request.account!, request.params.id, request.body?.reason)),
    );

    app.post(
      '/api/v1/contact-changes/:id/cancel',
      {
        onRequest: app.requireAccount,
        schema: {
          tags: ['contact changes'],
          summary: 'Cancel a pending request (state aborted)',
          params: idParams,
          body: reasonBody,
          response: { 200: changeSchema, ...errors },
        },
      },
      async (request) =>
        presentChange(await cancelChange(app.ctx, request.account!, request.params.id, request.body?.reason)),
    );
  },
  { name: 'contact-changes', dependencies: ['auth'] },
);
