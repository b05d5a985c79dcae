import cookie from '@fastify/cookie';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { areaKeeper } from '../../accounts/area.js';
import { closeSession, openSession, sessionAccount, type OpenedSession } from '../../accounts/sessions.js';
import { requesterOf } from '../../core/requester.js';
import type { Account } from '../../db/schema.js';
import { sessionCookieName } from '../../domain/sessions.js';

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Account | null;
    /** A signed-in sub-account's keeper: whose customer area it acts in. */
    areaKeeper: { name: string; handle: string } | null;
    sessionId: string | null;
  }
  interface FastifyInstance {
    /** Pages: sends who is not signed in to the sign-in page. */
    requireViewer: (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>;
    /** Page forms: the CSRF field must match the session. */
    verifyCsrf: (request: FastifyRequest) => Promise<void>;
    csrfToken: (request: FastifyRequest) => string;
    /** The session cookie's value as the browser sent it, valid or not: signing in replaces its session. */
    sessionToken: (request: FastifyRequest) => string | null;
    /** Gives the browser a session opened by the use-cases. */
    setSessionCookie: (reply: FastifyReply, session: OpenedSession) => void;
    /** Opens a session for the account, in place of the browser's previous one, and gives it to the browser. */
    startSession: (request: FastifyRequest, reply: FastifyReply, account: Account) => Promise<void>;
    endSession: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /** Takes the session cookie away (the session itself has ended already). */
    clearSessionCookie: (reply: FastifyReply) => void;
  }
}

export class CsrfError extends Error {
  readonly statusCode = 403;
}

/**
 * Web sessions in PostgreSQL (the cookie holds a random value, the table its digest), and CSRF tokens. The cookie is
 * `__Host-cs_session` under https: Secure, for the whole site, and no other host of the domain may set it.
 */
export default fp(
  async (app: FastifyInstance) => {
    await app.register(cookie);
    const secure = app.ctx.config.publicBaseUrl.startsWith('https://');
    const name = sessionCookieName(app.ctx.config.publicBaseUrl);
    app.decorateRequest('viewer', null);
    app.decorateRequest('sessionId', null);
    app.decorateRequest('areaKeeper', null);

    app.decorate('sessionToken', (request: FastifyRequest) => request.cookies[name] || null);

    // Only pages read the session: assets, the API (bearer tokens) and webhooks skip the lookup.
    const sessionless = /^\/(assets|api|webhooks|docs|healthz)(\/|$)/;
    app.addHook('onRequest', async (request) => {
      const value = app.sessionToken(request);
      if (!value || sessionless.test(request.url)) return;
      const session = await sessionAccount(app.ctx, value);
      if (!session) return;
      request.viewer = session.account;
      request.sessionId = session.id;
      request.areaKeeper = await areaKeeper(app.ctx, session.account);
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

    // The cookie lasts as long as the session may (SESSION_MAX_AGE); the idle timeout is kept by the server.
    app.decorate('setSessionCookie', (reply: FastifyReply, session: OpenedSession) => {
      reply.setCookie(name, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure,
        expires: session.expiresAt,
      });
    });
    app.decorate('clearSessionCookie', (reply: FastifyReply) => {
      reply.clearCookie(name, { path: '/', httpOnly: true, sameSite: 'lax', secure });
    });

    app.decorate('startSession', async (request: FastifyRequest, reply: FastifyReply, account: Account) => {
      const session = await openSession(app.ctx, account, requesterOf(request), app.sessionToken(request));
      app.setSessionCookie(reply, session);
    });

    app.decorate('endSession', async (request: FastifyRequest, reply: FastifyReply) => {
      if (request.sessionId) await closeSession(app.ctx, request.sessionId, requesterOf(request));
      app.clearSessionCookie(reply);
    });
  },
  { name: 'session', decorators: { fastify: ['ctx'] } },
);
