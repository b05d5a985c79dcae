import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { maySignIn } from '../domain/access.js';
import { accounts, apiTokens, type Account } from '../db/schema.js';
import { Problem } from './problems.js';

declare module 'fastify' {
  interface FastifyRequest {
    account: Account | null;
  }
  interface FastifyInstance {
    requireAccount: (request: FastifyRequest) => Promise<void>;
    requireSupport: (request: FastifyRequest) => Promise<void>;
    requireAdmin: (request: FastifyRequest) => Promise<void>;
  }
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newApiToken = () => `cs_${randomBytes(24).toString('base64url')}`;

function bearer(request: FastifyRequest): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match ? match[1]! : null;
}

const unauthenticated = () =>
  new Problem(
    401,
    'Unauthenticated',
    'Send your API token in the Authorization header: "Authorization: Bearer <token>".',
  );

export default fp(
  async (app: FastifyInstance) => {
    app.decorateRequest('account', null);

    // Run on every API call: prepared once.
    const accountOfToken = app.db
      .select({ account: accounts })
      .from(apiTokens)
      .innerJoin(accounts, eq(apiTokens.accountId, accounts.id))
      .where(eq(apiTokens.tokenHash, sql.placeholder('hash')))
      .prepare('account_of_api_token');

    app.decorate('requireAccount', async (request: FastifyRequest) => {
      const token = bearer(request);
      if (!token) throw unauthenticated();
      const [row] = await accountOfToken.execute({ hash: hashToken(token) });
      if (!row) throw new Problem(401, 'Unauthenticated', 'This API token is not valid (it may have been revoked).');
      if (!maySignIn(row.account)) throw new Problem(403, 'Forbidden', 'This account is deactivated.');
      request.account = row.account;
    });

    app.decorate('requireSupport', async (request: FastifyRequest) => {
      await app.requireAccount(request);
      if (request.account!.role !== 'support') throw new Problem(403, 'Forbidden', 'Only support staff may do this.');
    });

    const adminDigest = app.config.adminApiKey ? createHash('sha256').update(app.config.adminApiKey).digest() : null;
    app.decorate('requireAdmin', async (request: FastifyRequest) => {
      if (!adminDigest)
        throw new Problem(404, 'Admin API off', 'The admin API is off: set ADMIN_API_KEY to turn it on.');
      const token = bearer(request);
      if (!token) throw unauthenticated();
      const given = createHash('sha256').update(token).digest();
      if (!timingSafeEqual(given, adminDigest))
        throw new Problem(401, 'Unauthenticated', 'This admin API key is not valid.');
    });
  },
  { name: 'auth', dependencies: ['context'] },
);
