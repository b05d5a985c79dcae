import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createApiToken, myApiTokens, revokeApiToken, type ApiTokenInfo } from '../accounts/api-tokens.js';
import { requesterOf } from '../core/requester.js';
import { API_TOKEN_SCOPES, apiTokenInput } from '../domain/api-tokens.js';
import { idParams, problemsFor } from './problems.js';

const iso = z.iso.datetime();
const tokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    scope: z.enum(API_TOKEN_SCOPES),
    createdAt: iso,
    lastUsedAt: iso.nullable().describe('to the minute: a use is written at most once a minute'),
  })
  .meta({ id: 'ApiToken' });
const createdSchema = tokenSchema
  .omit({ lastUsedAt: true })
  .extend({ token: z.string().describe('shown this once; only its digest is kept') })
  .meta({ id: 'NewApiToken' });

const present = (t: ApiTokenInfo) => ({
  id: t.id,
  name: t.name,
  scope: t.scope,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
});

const errors = problemsFor(400, 401, 403, 404);
const tags = ['tokens'];

/** My own API tokens: list, create (shown once), revoke. Only one's own: another account's token is not found. */
export default fp(
  async (appRoot: FastifyInstance) => {
    const app = appRoot.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/v1/tokens',
      {
        onRequest: app.requireAccount,
        schema: {
          tags,
          summary: 'My API tokens: name, scope, creation and last use (never the token itself)',
          response: { 200: z.object({ items: z.array(tokenSchema) }), ...errors },
        },
      },
      async (request) => ({ items: (await myApiTokens(app.ctx, request.account!)).map(present) }),
    );

    app.post(
      '/api/v1/tokens',
      {
        onRequest: app.requireAccount,
        schema: {
          tags,
          summary: 'Create an API token for my account; the token is in this answer only',
          body: apiTokenInput,
          response: { 201: createdSchema, ...errors },
        },
      },
      async (request, reply) => {
        const created = await createApiToken(app.ctx, request.account!, request.body, requesterOf(request));
        const { lastUsedAt: _unused, ...shown } = present(created);
        return reply
          .code(201)
          .header('cache-control', 'no-store')
          .send({ ...shown, token: created.token });
      },
    );

    app.delete(
      '/api/v1/tokens/:id',
      {
        onRequest: app.requireAccount,
        schema: {
          tags,
          summary: 'Revoke one of my API tokens; it stops working at once',
          params: idParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await revokeApiToken(app.ctx, request.account!, request.params.id, requesterOf(request));
        return reply.code(204).send(null);
      },
    );
  },
  { name: 'tokens', dependencies: ['auth'] },
);
