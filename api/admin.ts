import { eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LANGUAGES } from '../domain/contact-change.js';
import { newHandle, newId } from '../domain/ids.js';
import { isUniqueViolation } from '../db/client.js';
import { accounts, apiTokens, services, sessions } from '../db/schema.js';
import { hashPassword } from '../domain/passwords.js';
import { hashToken, newApiToken } from './auth.js';
import { Problem, problemSchema } from './problems.js';
import { serviceSchema, presentServices } from './services.js';

const handle = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{2,31}$/, 'a handle is 3 to 32 letters, digits or dashes');
const accountBody = z.object({
  email: z.email(),
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().max(100).default('').describe('may be empty for an account that is a company'),
  language: z.enum(LANGUAGES),
  handle: handle.optional(),
  role: z.enum(['customer', 'support']).default('customer'),
});
const accountSchema = z
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
  })
  .meta({ id: 'Account' });
const serviceBody = z.object({
  name: z.string().trim().min(1).max(253),
  kind: z.string().trim().min(1).max(50),
  ownerId: z.string().min(1),
  contacts: z.object({ admin: handle, tech: handle, billing: handle }),
});
const errors = { 400: problemSchema, 401: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };

/** The provider's integration: accounts, their API tokens and services. Off unless ADMIN_API_KEY is set. */
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
      async (request, reply) => {
        const values = { id: newId(), ...request.body, handle: request.body.handle ?? newHandle() };
        try {
          const [row] = await app.db.insert(accounts).values(values).returning();
          const { id, handle: h, email, firstName, lastName, name, language, role, active } = row!;
          return reply.code(201).send({ id, handle: h, email, firstName, lastName, name, language, role, active });
        } catch (err) {
          if (isUniqueViolation(err))
            throw new Problem(409, 'Handle taken', `The handle ${values.handle} is already used.`, { field: 'handle' });
          throw err;
        }
      },
    );

    app.post(
      '/api/v1/admin/accounts/:id/api-tokens',
      {
        onRequest: app.requireAdmin,
        schema: {
          tags,
          summary: 'Issue an API token for an account; it is shown once and stored hashed',
          params: z.object({ id: z.string().min(1) }),
          body: z.object({}).default({}),
          response: { 201: z.object({ token: z.string() }), ...errors },
        },
      },
      async (request, reply) => {
        const [account] = await app.db
          .select({ id: accounts.id })
          .from(accounts)
          .where(inArray(accounts.id, [request.params.id]));
        if (!account) throw new Problem(404, 'Not found', `There is no account ${request.params.id}.`);
        const token = newApiToken();
        await app.db.insert(apiTokens).values({ id: newId(), accountId: account.id, tokenHash: hashToken(token) });
        return reply.code(201).send({ token });
      },
    );

    app.put(
      '/api/v1/admin/accounts/:id/password',
      {
        onRequest: app.requireAdmin,
        schema: {
          tags,
          summary: 'Set the password an account signs in with on the web pages',
          params: z.object({ id: z.string().min(1) }),
          body: z.object({ password: z.string().min(10, 'a password has at least 10 characters').max(200) }),
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        const passwordHash = await hashPassword(request.body.password);
        const updated = await app.db
          .update(accounts)
          .set({ passwordHash })
          .where(eq(accounts.id, request.params.id))
          .returning({ id: accounts.id });
        if (updated.length === 0) throw new Problem(404, 'Not found', `There is no account ${request.params.id}.`);
        // A new password ends every web session of the account.
        await app.db.delete(sessions).where(eq(sessions.accountId, request.params.id));
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
      async (request, reply) => {
        const { name, kind, ownerId, contacts } = request.body;
        const handles = [...new Set(Object.values(contacts))];
        const found = await app.db.select().from(accounts).where(inArray(accounts.handle, handles));
        const missing = handles.filter((h) => !found.some((a) => a.handle === h));
        if (missing.length)
          throw new Problem(422, 'Unknown contact', `There is no account with the handle ${missing.join(', ')}.`, {
            field: 'contacts',
          });
        const [owner] = await app.db
          .select({ id: accounts.id })
          .from(accounts)
          .where(inArray(accounts.id, [ownerId]));
        if (!owner) throw new Problem(422, 'Unknown owner', `There is no account ${ownerId}.`, { field: 'ownerId' });
        const idOf = (h: string) => found.find((a) => a.handle === h)!.id;
        const [row] = await app.db
          .insert(services)
          .values({
            id: newId(),
            name,
            kind,
            holderId: owner.id,
            adminId: idOf(contacts.admin),
            techId: idOf(contacts.tech),
            billingId: idOf(contacts.billing),
          })
          .returning();
        const [presented] = await presentServices(app.db, [row!]);
        return reply.code(201).send(presented!);
      },
    );
  },
  { name: 'admin', dependencies: ['auth'] },
);
