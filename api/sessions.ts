import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listSessions, signOutOtherSessions, signOutSession, type SessionView } from '../accounts/my-sessions.js';
import { requesterOf } from '../core/requester.js';
import { describeAgent } from '../domain/sessions.js';
import { idParams, problemsFor } from './problems.js';

const iso = z.iso.datetime();

const sessionSchema = z
  .object({
    id: z.string().describe('the session’s public id; not its cookie, nor what is stored of it'),
    ip: z.string().nullable().describe('the address it signed in from'),
    userAgent: z.string().nullable().describe('the browser’s user agent, cut to 300 characters'),
    browser: z.string().nullable().describe('the browser, from the user agent: "Firefox", "Chrome"…'),
    system: z.string().nullable().describe('the operating system, from the user agent: "Windows", "iPhone"…'),
    signedInAt: iso,
    lastActiveAt: iso.describe('its last use, noted at most once a minute'),
    expiresAt: iso.describe('its absolute end; it also ends after SESSION_IDLE_TIMEOUT without use'),
  })
  .meta({ id: 'WebSession' });

const present = (s: SessionView): z.infer<typeof sessionSchema> => ({
  id: s.id,
  ip: s.ip,
  userAgent: s.userAgent,
  ...describeAgent(s.userAgent),
  signedInAt: s.signedInAt.toISOString(),
  lastActiveAt: s.lastSeenAt.toISOString(),
  expiresAt: s.expiresAt.toISOString(),
});

const errors = problemsFor(400, 401, 403, 404, 429, 503);
const tags = ['sessions'];

/** One's own web sessions (signed in to the pages): list them, sign one out, sign them all out. */
export default fp(
  async (appRoot: FastifyInstance) => {
    const app = appRoot.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/v1/sessions',
      {
        onRequest: app.requireAccount,
        schema: {
          tags,
          summary: 'Where my account is signed in to the pages: its live web sessions, the most recently used first',
          response: { 200: z.object({ items: z.array(sessionSchema) }), ...errors },
        },
      },
      async (request) => ({ items: (await listSessions(app.ctx, request.account!, null)).map(present) }),
    );

    app.delete(
      '/api/v1/sessions/:id',
      {
        onRequest: app.requireAccount,
        schema: {
          tags,
          summary: 'Sign one of my web sessions out',
          params: idParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await signOutSession(app.ctx, request.account!, request.params.id, null, requesterOf(request));
        return reply.code(204).send(null);
      },
    );

    app.delete(
      '/api/v1/sessions',
      {
        onRequest: app.requireAccount,
        schema: {
          tags,
          summary: 'Sign all my web sessions out (API tokens go on working)',
          response: { 200: z.object({ ended: z.number().int() }), ...errors },
        },
      },
      async (request) => ({
        ended: await signOutOtherSessions(app.ctx, request.account!, null, requesterOf(request)),
      }),
    );
  },
  { name: 'sessions-api' },
);
