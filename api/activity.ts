import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accountActivity } from '../accounts/activity.js';
import { problemsFor } from './problems.js';

const eventSchema = z
  .object({
    id: z.number().int(),
    type: z.string().describe('signedIn, signInFailed, passwordChanged, apiTokenCreated…'),
    at: z.iso.datetime(),
    ip: z.string().nullable().describe('the client address it came from'),
    userAgent: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()).nullable().describe('ids and names; never a password, code or token'),
  })
  .meta({ id: 'AccountEvent' });

/** My account's activity, newest first. */
export default fp(
  async (appRoot: FastifyInstance) => {
    const app = appRoot.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/v1/profile/activity',
      {
        onRequest: app.requireAccount,
        schema: {
          tags: ['profile'],
          summary: "My own account's activity, newest first: sign-ins, failures, password, address, tokens…",
          querystring: z.object({
            limit: z.coerce.number().int().min(1).max(200).default(50),
            before: z.coerce.number().int().min(1).optional().describe("the previous page's nextBefore"),
          }),
          response: {
            200: z.object({
              items: z.array(eventSchema),
              nextBefore: z.number().int().nullable().describe('pass as `before` for older events; null: no more'),
            }),
            ...problemsFor(400, 401),
          },
        },
      },
      async (request) => {
        const { limit, before } = request.query;
        const { events, nextBefore } = await accountActivity(app.ctx, request.account!.id, { limit, before });
        return {
          items: events.map((e) => ({
            id: e.id,
            type: e.type,
            at: e.at.toISOString(),
            ip: e.ip,
            userAgent: e.userAgent,
            detail: e.detail ?? null,
          })),
          nextBefore,
        };
      },
    );
  },
  { name: 'activity', dependencies: ['auth'] },
);
