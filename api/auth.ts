import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { accountOfToken } from '../accounts/api-tokens.js';
import { Problem } from '../core/problems.js';
import type { Account } from '../db/schema.js';
import { isReadMethod, type ApiTokenScope } from '../domain/api-tokens.js';

declare module 'fastify' {
  interface FastifyRequest {
    account: Account | null;
    /** The API token the request came with, once requireAccount has passed. */
    apiToken: { id: string; scope: ApiTokenScope } | null;
  }
  interface FastifyInstance {
    requireAccount: (request: FastifyRequest) => Promise<void>;
    requireSupport: (request: FastifyRequest) => Promise<void>;
    requireAdmin: (request: FastifyRequest) => Promise<void>;
  }
}

function bearer(request: FastifyRequest): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match ? match[1]! : null;
}

const unauthenticated = () =>
  new Problem('unauthenticated', 'Send your API token in the Authorization header: "Authorization: Bearer <token>".');

export default fp(
  async (app: FastifyInstance) => {
    app.decorateRequest('account', null);
    app.decorateRequest('apiToken', null);

    // Every route an account token opens comes through here: a `read` token is refused whatever would change.
    app.decorate('requireAccount', async (request: FastifyRequest) => {
      const token = bearer(request);
      if (!token) throw unauthenticated();
      const found = await accountOfToken(app.ctx, token);
      request.account = found.account;
      request.apiToken = found.token;
      if (found.token.scope === 'read' && !isReadMethod(request.method))
        throw new Problem('readOnlyToken', 'This API token may only read (GET); use a token with the full scope.');
    });

    app.decorate('requireSupport', async (request: FastifyRequest) => {
      await app.requireAccount(request);
      if (request.account!.role !== 'support') throw new Problem('supportOnly', 'Only support staff may do this.');
    });

    const adminDigest = app.ctx.config.adminApiKey
      ? createHash('sha256').update(app.ctx.config.adminApiKey).digest()
      : null;
    app.decorate('requireAdmin', async (request: FastifyRequest) => {
      if (!adminDigest) throw new Problem('adminApiOff', 'The admin API is off: set ADMIN_API_KEY to turn it on.');
      const token = bearer(request);
      if (!token) throw unauthenticated();
      const given = createHash('sha256').update(token).digest();
      if (!timingSafeEqual(given, adminDigest))
        throw new Problem('unauthenticated', 'This admin API key is not valid.');
    });
  },
  { name: 'auth' },
);
