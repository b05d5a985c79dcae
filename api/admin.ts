import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LANGUAGES } from '../domain/contact-change.js';
import { emailAddress } from '../domain/contact.js';
import { createAccount, issueApiToken, resetPassword } from '../accounts/admin.js';
import type { Account } from '../db/schema.js';
import { requesterOf } from '../core/requester.js';
import { createService } from '../services/services.js';
import { problemsFor } from './problems.js';
import { presentService, serviceSchema } from './services.js';

export const handle = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{2,31}$/, 'a handle is 3 to 32 letters, digits or dashes');
export const accountBody = z.object({
  email: emailAddress,
  firstName: z.string().trim().regex(/\S/, 'not blank').max(100),
  lastName: z.string().trim().max(100).default('').describe('may be empty for an account that is a company'),
  language: z.enum(LANGUAGES),
  handle: handle.optional(),
  role: z.enum(['customer', 'support']).default('customer'),
});
export const accountSchema = z
  .object({
    id: z.string(),
    handle: z.string(),
    email: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    name: z.string(),
    language: z.enum(LANGUAGES),
    role: z.enum(['customer', 'support']),
    active: z.boolean(),
    externalId: z.string().nullable().describe("the provider's own id, when it gave one"),
  })
  .meta({ id: 'Account' });
export const presentAccount = (a: Account) => ({
  id: a.id,
  handle: a.handle,
  email: a.email,
  firstName: a.firstName,
  lastName: a.lastName,
  name: a.name,
  language: a.language,
  role: a.role,
  active: a.active,
  externalId: a.externalId,
});
const serviceBody = z.object({
  name: z.string().trim().regex(/\S/, 'not blank').max(253),
  kind: z.string().trim().regex(/\S/, 'not blank').max(50),
  ownerId: z.string().min(1),
  contacts: z.object({ admin: handle, tech: handle, billing: handle }),
});
const errors = problemsFor(400, 401, 404, 409, 422);

/**
 * The provider's integration: accounts and services created, an account's API tokens and password (by the provider's
 * own ids: admin-provider.ts). Off unless ADMIN_API_KEY is set.
 */
export default fp(
  async (appRoot: FastifyInstance) => {
    const app = appRoot.withTypeProvider<ZodTypeProvider>();
    const tags = ['admin'];

    app.post(
      '/api/v1/admin/accounts',
      {
        onRequest: app.requireAdmin,
        schema: { tags, summary: 'Create an account', body: accountBody, response: { 201: accountSchema, ...errors } },
      },
      async (request, reply) => reply.code(201).send(presentAccount(await createAccount(app.ctx, request.body))),
    );

    app.post(
      '/api/v1/admin/accounts/:id/api-tokens',
      {
        onRequest: app.requireAdmin,
        schema: {
          tags,
          summary: 'Issue an API token for an account; it is shown once and stored hashed',
          params: z.object({ id: z.string().min(1) }),
          body: z.object({}).nullish().describe('no body needed'),
          response: { 201: z.object({ token: z.string() }), ...errors },
        },
      },
      async (request, reply) => reply.code(201).send({ token: await issueApiToken(app.ctx, request.params.id) }),
    );

    app.put(
      '/api/v1/admin/accounts/:id/password',
      {
        onRequest: app.requireAdmin,
        schema: {
          tags,
          summary: 'Set the password an account signs in with on the web pages',
          description:
            "A password too easy to guess is refused with `weakPassword` (422), saying why in `reason`. The account's web sessions end.",
          params: z.object({ id: z.string().min(1) }),
          body: z.object({ password: z.string().min(10, 'a password has at least 10 characters').max(200) }),
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await resetPassword(app.ctx, request.params.id, request.body.password, requesterOf(request));
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/api/v1/admin/services',
      {
        onRequest: app.requireAdmin,
        schema: {
          tags,
          summary: 'Create a service with its holder and contacts',
          body: serviceBody,
          response: { 201: serviceSchema, ...errors },
        },
      },
      async (request, reply) => reply.code(201).send(presentService(await createService(app.ctx, request.body))),
    );
  },
  { name: 'admin', dependencies: ['auth'] },
);
