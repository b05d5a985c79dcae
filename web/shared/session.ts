import cookie from '@fastify/cookie';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { closeSession, openSession, sessionAccount } from '../../accounts/sessions.js';
import type { Account } from '../../db/schema.js';
import type { SessionStage } from '../../db/sessions.js';

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Account | null;
    sessionId: string | null;
  }
  interface FastifyInstance {
    /** Pages: sends who is not signed in to the sign-in page. */
    requireViewer: (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>;
    /** Page forms: the CSRF field must match the session. */
    verifyCsrf: (request: FastifyRequest) => Promise<void>;
    csrfToken: (request: FastifyRequest) => string;
    /** A new session in the cookie; at stage `twoStep`, one that waits for the second step and signs nobody in. */
    startSession: (reply: FastifyReply, account: Account, stage?: SessionStage) => Promise<void>;
    endSession: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
}

export const SESSION_COOKIE = 'cs_session';

export class CsrfError extends Error {
  readonly statusCode = 403;
}

/** Web sessions in PostgreSQL (the cookie holds a random value, the table its digest), and CSRF tokens. */
export default fp(
  async (app: FastifyInstance) => {
    await app.register(cookie);
    const secure = app.ctx.config.publicBaseUrl.startsWith('https://');
    app.decorateRequest('viewer', null);
    app.decorateRequest('sessionId', null);

    // Only pages read the session: assets, the API (bearer tokens) and webhooks skip the lookup.
    const sessionless = /^\/(assets|api|webhooks|docs|healthz)(\/|$)/;
    app.addHook('onRequest', async (request) => {
      const value = request.cookies[SESSION_COOKIE];
      if (!value || sessionless.test(request.url)) return;
      const session = await sessionAccount(app.ctx, value);
      if (!session) return;
      request.viewer = session.account;
      request.sessionId = session.id;
    });

    app.decorate('requireViewer', async (request: FastifyRequest, reply: FastifyReply) => {
      if (request.viewer) return undefined;
      // Returned, as Fastify asks of an async hook that answers: the hooks that follow do not run.
      return reply.redirect(`/signin?next=${encodeURIComponent(request.url)}`, 303);
    });

    const csrfOf = (sessionId: string) =>
      createHmac('sha256', app.ctx.config.tokenSecret).update(`csrf\0${sessionId}`).digest('base64url');
    app.decorate('csrfToken', (request: FastifyRequest) => (request.sessionId ? csrfOf(request.sessionId) : ''));
    app.decorate('verifyCsrf', async (request: FastifyRequest) => {
      const given = Buffer.from(String((request.body as { _csrf?: unknown } | undefined)?._csrf ?? ''));
      const expected = Buffer.from(request.sessionId ? csrfOf(request.sessionId) : '');
      if (!request.sessionId || given.length !== expected.length || !timingSafeEqual(given, expected))
        throw new CsrfError('csrf');
    });

    app.decorate('startSession', async (reply: FastifyReply, account: Account, stage?: SessionStage) => {
      const { token, expiresAt } = await openSession(app.ctx, account, stage);
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure,
        expires: expiresAt,
      });
    });

    app.decorate('endSession', async (request: FastifyRequest, reply: FastifyReply) => {
      if (request.sessionId) await closeSession(app.ctx, request.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
    });
  },
  { name: 'session', decorators: { fastify: ['ctx'] } },
);
