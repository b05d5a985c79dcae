import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accountByExternalId, accountsPage, putAccountByExternalId } from '../accounts/admin.js';
import { providerApplied, providerFailed } from '../changes/apply.js';
import { requesterOf } from '../core/requester.js';
import {
  deleteServiceByExternalId,
  putServiceByExternalId,
  serviceByExternalId,
  servicesPage,
} from '../services/provider-sync.js';
import type { ServiceSummary } from '../services/services.js';
import { accountBody, accountSchema, handle, presentAccount } from './admin.js';
import { changeSchema, presentChange } from './contact-changes.js';
import { problemsFor } from './problems.js';
import { presentService, serviceSchema } from './services.js';

export const externalId = z
  .string()
  .min(1)
  .max(200)
  // What a URL path takes as it is (RFC 3986 pchar, without %): the id goes in the address unencoded.
  .regex(/^[A-Za-z0-9._~!$&'()*+,;=:@-]+$/, "an external id is letters, digits and . _ ~ ! $ & ' ( ) * + , ; = : @ -")
  .describe(
    "the provider's own id (its customer database, billing or registry): letters, digits and . _ ~ ! $ & ' ( ) * + , ; = : @ -, as a URL path takes them",
  );
export const providerService = z.object({
  name: z.string().trim().regex(/\S/, 'not blank').max(253),
  kind: z.string().trim().regex(/\S/, 'not blank').max(50),
  holder: handle.describe('handle of the holder'),
  contacts: z.object({ admin: handle, tech: handle, billing: handle }).describe('handles'),
});
const adminServiceSchema = serviceSchema.extend({ externalId: z.string().nullable() }).meta({ id: 'ProviderService' });
const presentProviderService = (summary: ServiceSummary) => ({
  ...presentService(summary),
  externalId: summary.service.externalId,
});
const page = z.object({
  after: z.string().min(1).optional().describe('the `nextCursor` of the previous page'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
const errors = problemsFor(400, 401, 404, 409, 422);

/**
 * The provider's own ids: accounts and services written and read by them, both listed a page at a time, and the
 * provider's word on the requests it applies itself. Off unless ADMIN_API_KEY is set.
 */
export default fp(
  async (appRoot: FastifyInstance) => {
    const app = appRoot.withTypeProvider<ZodTypeProvider>();
    const tags = ['admin'];
    const byExternalId = z.object({ externalId });

    app.put(
      '/api/v1/admin/accounts/external/:externalId',
      {
        onRequest: app.requireAdmin,
        schema: {
          tags,
          summary: 'Create or update the account the provider knows by its own id',
          description:
            'The body is that of `POST /api/v1/admin/accounts`. 201 when created, 200 when updated or unchanged. A new `email` is taken at once (it is the provider\'s word), but as any address change: the requests waiting for a decision of the account end `aborted`, "the contact\'s address changed", and the former address is told.',
          params: byExternalId,
          body: accountBody,
          response: { 200: accountSchema, 201: accountSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { created, account } = await putAccountByExternalId(
          app.ctx,
          request.params.externalId,
          request.body,
          requesterOf(request),
        );
        return reply.code(created ? 201 : 200).send(presentAccount(account));
      },
    );

    app.get(
      '/api/v1/admin/accounts/external/:externalId',
      {
        onRequest: app.requireAdmin,
        schema: {
          tags,
          summary: 'The account the provider knows by its own id',
          params: byExternalId,
          response: { 200: accountSchema, ...errors },
        },
      },
      async (request) => presentAccount(await accountByExternalId(app.ctx, request.params.externalId)),
    );

    app.get(
      '/api/v1/admin/accounts',
      {
        onRequest: app.requireAdmin,
        schema: {
          tags,
          summary: 'The accounts (customers and support staff, not the contacts customers keep), a page at a time',
          description: 'In a stable order; pass `nextCursor` as `after` for the next page; it is null on the last.',
          querystring: page,
          response: {
            200: z.object({ items: z.array(accountSchema), nextCursor: z.string().nullable() }),
            ...errors,
          },
        },
      },
      async (request) => {
        const { items, nextCursor } = await accountsPage(app.ctx, request.query.after, request.query.limit);
        return { items: items.map(presentAccount), nextCursor };
      },
    );

    app.put(
      '/api/v1/admin/services/external/:externalId',
      {
        onRequest: app.requireAdmin,
        schema: {
          tags,
          summary: 'Create or update the service the provider knows by its own id, with its holder and contacts',
          description:
            '201 when created, 200 when updated or unchanged. A role that changes while a pending request moves it ends that request first: `aborted`, "changed by the provider", everyone told. A removed service written again is back. 409 `changeBeingApplied` when that request is one the provider applies (`PROVIDER_APPLIES`) and both contacts accepted: it cannot be aborted, so nothing is written; `changeIds` names it, to answer applied or failed before writing again.',
          params: byExternalId,
          body: providerService,
          response: { 200: adminServiceSchema, 201: adminServiceSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { created, service } = await putServiceByExternalId(app.ctx, request.params.externalId, request.body);
        return reply.code(created ? 201 : 200).send(presentProviderService(service));
      },
    );

    app.get(
      '/api/v1/admin/services/external/:externalId',
      {
        onRequest: app.requireAdmin,
        schema: {
          tags,
          summary: 'The service the provider knows by its own id, with its contacts (handles)',
          params: byExternalId,
          response: { 200: adminServiceSchema, ...errors },
        },
      },
      async (request) => presentProviderService(await serviceByExternalId(app.ctx, request.params.externalId)),
    );

    app.delete(
      '/api/v1/admin/services/external/:externalId',
      {
        onRequest: app.requireAdmin,
        schema: {
          tags,
          summary: "Remove the service from customers' pages",
          description:
            'Its pending requests end `aborted`, "changed by the provider", everyone told; its past requests stay readable. Removing it again changes nothing. 409 `changeBeingApplied` while a request on it is one the provider applies (`PROVIDER_APPLIES`) and both contacts accepted: it cannot be aborted, so nothing is removed; `changeIds` names it, to answer applied or failed before removing again.',
          params: byExternalId,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await deleteServiceByExternalId(app.ctx, request.params.externalId);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/v1/admin/services',
      {
        onRequest: app.requireAdmin,
        schema: {
          tags,
          summary: 'The services (not those removed), a page at a time',
          description: 'In a stable order; pass `nextCursor` as `after` for the next page; it is null on the last.',
          querystring: page,
          response: {
            200: z.object({ items: z.array(adminServiceSchema), nextCursor: z.string().nullable() }),
            ...errors,
          },
        },
      },
      async (request) => {
        const { items, nextCursor } = await servicesPage(app.ctx, request.query.after, request.query.limit);
        return { items: items.map(presentProviderService), nextCursor };
      },
    );

    const changeId = z.object({ id: z.string().min(1) });
    const applyDescription =
      'For a service kind listed in PROVIDER_APPLIES, a request both contacts accepted stays `doing` until the provider says it applied the change or failed. Idempotent: the same word again answers the request as it is; the other word, once one is taken, is 409 `notPending`.';

    app.post(
      '/api/v1/admin/contact-changes/:id/applied',
      {
        onRequest: app.requireAdmin,
        schema: {
          tags,
          summary: 'The provider applied the change in its systems: the roles move here, `done`, everyone told',
          description: applyDescription,
          params: changeId,
          body: z.object({}).nullish().describe('no body needed'),
          response: { 200: changeSchema, ...errors },
        },
      },
      async (request) => presentChange(await providerApplied(app.ctx, request.params.id)),
    );

    app.post(
      '/api/v1/admin/contact-changes/:id/failed',
      {
        onRequest: app.requireAdmin,
        schema: {
          tags,
          summary: 'The provider could not apply the change: `error`, roles unchanged, everyone told, with the reason',
          description: `${applyDescription} The reason is the request's \`endReason\` and is given in the emails.`,
          params: changeId,
          body: z.object({
            reason: z.string().trim().regex(/\S/, 'not blank').max(1000),
          }),
          response: { 200: changeSchema, ...errors },
        },
      },
      async (request) => presentChange(await providerFailed(app.ctx, request.params.id, request.body.reason)),
    );
  },
  { name: 'admin-provider', dependencies: ['auth'] },
);
