import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LANGUAGES } from '../domain/contact-change.js';
import {
  EMAIL_CATEGORIES,
  PERMISSIONS,
  contactInput,
  known,
  newPassword,
  permissionsInput,
} from '../domain/contact.js';
import type { Account, EmailChange } from '../db/schema.js';
import {
  createContact,
  deactivate,
  deleteContact,
  getContact,
  listContacts,
  reactivate,
  setPermissions,
  updateContact,
} from '../accounts/contacts.js';
import { pendingAddress } from '../accounts/email-changes.js';
import { acceptInvitation, invite, openInvitation, withdraw } from '../accounts/invitations.js';
import { requesterOf } from '../core/requester.js';
import { idParams, problemSchema, problemsFor } from './problems.js';

export const contactSchema = z
  .object({
    id: z.string(),
    handle: z.string().describe('names the contact in a contact change (`to`) or as a service contact'),
    firstName: z.string(),
    lastName: z.string(),
    name: z.string(),
    email: z.string(),
    phone: z.string().nullable().describe('international form, e.g. +33612345678'),
    company: z.string().nullable(),
    street: z.string().nullable(),
    postalCode: z.string().nullable(),
    city: z.string().nullable(),
    country: z.string().nullable(),
    language: z.enum(LANGUAGES),
    emailCategories: z.array(z.enum(EMAIL_CATEGORIES)),
    pendingEmail: z
      .string()
      .nullable()
      .describe('the new address while it waits for its confirmation (24 hours); `email` is the one in use'),
    access: z.object({
      status: z
        .enum(['none', 'invited', 'active', 'deactivated'])
        .describe('none: a contact that cannot sign in; the others: a sub-account'),
      permissions: z.array(z.enum(PERMISSIONS)),
      invitationExpiresAt: z.string().nullable(),
    }),
  })
  .meta({ id: 'Contact' });

export function presentContact(
  c: Account,
  invitationExpiresAt: Date | null = null,
  pendingEmail: EmailChange | null = null,
): z.infer<typeof contactSchema> {
  return {
    id: c.id,
    handle: c.handle,
    firstName: c.firstName,
    lastName: c.lastName,
    name: c.name,
    email: c.email,
    phone: c.phone,
    company: c.company,
    street: c.street,
    postalCode: c.postalCode,
    city: c.city,
    country: c.country,
    language: c.language,
    emailCategories: known(EMAIL_CATEGORIES, c.emailCategories),
    pendingEmail: pendingEmail?.newEmail ?? null,
    access: {
      status: c.access,
      permissions: known(PERMISSIONS, c.permissions),
      invitationExpiresAt: invitationExpiresAt?.toISOString() ?? null,
    },
  };
}

const errors = problemsFor(400, 401, 403, 404, 409, 422, 503);
const tags = ['contacts'];

/** The contact book and its sub-accounts, for the account holder and sub-accounts with the contacts permission. */
export default fp(
  async (appRoot: FastifyInstance) => {
    const app = appRoot.withTypeProvider<ZodTypeProvider>();
    const present = async (c: Account) =>
      presentContact(
        c,
        c.access === 'invited' ? ((await openInvitation(app.ctx, c.id))?.expiresAt ?? null) : null,
        c.access === 'none' ? null : await pendingAddress(app.ctx, c.id),
      );

    app.get(
      '/api/v1/contacts',
      {
        onRequest: app.requireAccount,
        schema: {
          tags,
          summary: 'My contacts',
          response: { 200: z.object({ items: z.array(contactSchema) }), ...errors },
        },
      },
      async (request) => ({ items: await Promise.all((await listContacts(app.ctx, request.account!)).map(present)) }),
    );

    app.post(
      '/api/v1/contacts',
      {
        onRequest: app.requireAccount,
        schema: {
          tags,
          summary: 'Add a contact; it gets its own handle',
          body: contactInput,
          response: { 201: contactSchema, ...errors },
        },
      },
      async (request, reply) => {
        const contact = await createContact(app.ctx, request.account!, request.body);
        return reply
          .code(201)
          .header('location', `/api/v1/contacts/${contact.id}`)
          .send(await present(contact));
      },
    );

    app.get(
      '/api/v1/contacts/:id',
      {
        onRequest: app.requireAccount,
        schema: { tags, summary: 'One contact', params: idParams, response: { 200: contactSchema, ...errors } },
      },
      async (request) => present(await getContact(app.ctx, request.account!, request.params.id)),
    );

    app.put(
      '/api/v1/contacts/:id',
      {
        onRequest: app.requireAccount,
        schema: {
          tags,
          summary: 'Edit a contact (every field; the handle stays)',
          description:
            'A new `email` of a sub-account waits for its confirmation: the answer is 202 with `pendingEmail`, a ' +
            'single-use link valid 24 hours goes to the new address and a notice to the current one. A contact ' +
            'without access takes it at once; its pending requests end, and its former address is told.',
          params: idParams,
          body: contactInput,
          response: { 200: contactSchema, 202: contactSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { contact, emailChange } = await updateContact(
          app.ctx,
          request.account!,
          request.params.id,
          request.body,
          requesterOf(request),
        );
        return reply.code(emailChange ? 202 : 200).send(await present(contact));
      },
    );

    app.delete(
      '/api/v1/contacts/:id',
      {
        onRequest: app.requireAccount,
        schema: {
          tags,
          summary:
            'Delete a contact; refused while it holds a role on a service, is party to a pending request or receives the billing information',
          params: idParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await deleteContact(app.ctx, request.account!, request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/api/v1/contacts/:id/invitation',
      {
        onRequest: app.requireAccount,
        config: { rateLimit: {} },
        schema: {
          tags,
          summary:
            'Invite a contact to become a sub-account (account holder only); again: a new link, the older one stops working',
          description: `The contact receives an email with a single-use link to choose its password, valid 7 days.`,
          params: idParams,
          body: permissionsInput,
          response: { 201: contactSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { contact, invitation } = await invite(
          app.ctx,
          request.account!,
          request.params.id,
          request.body.permissions,
        );
        return reply.code(201).send(presentContact(contact, invitation.expiresAt));
      },
    );

    app.delete(
      '/api/v1/contacts/:id/invitation',
      {
        onRequest: app.requireAccount,
        schema: {
          tags,
          summary: 'Withdraw an invitation that has not been accepted (account holder only)',
          params: idParams,
          response: { 200: contactSchema, ...errors },
        },
      },
      async (request) => present(await withdraw(app.ctx, request.account!, request.params.id)),
    );

    app.put(
      '/api/v1/contacts/:id/permissions',
      {
        onRequest: app.requireAccount,
        schema: {
          tags,
          summary: 'Set what a sub-account may do (account holder only); effective on its next request',
          params: idParams,
          body: permissionsInput,
          response: { 200: contactSchema, ...errors },
        },
      },
      async (request) =>
        present(await setPermissions(app.ctx, request.account!, request.params.id, request.body.permissions)),
    );

    app.post(
      '/api/v1/contacts/:id/deactivate',
      {
        onRequest: app.requireAccount,
        schema: {
          tags,
          summary: 'Deactivate a sub-account (account holder only): its sessions and API tokens stop working at once',
          params: idParams,
          response: { 200: contactSchema, ...errors },
        },
      },
      async (request) => present(await deactivate(app.ctx, request.account!, request.params.id)),
    );

    app.post(
      '/api/v1/contacts/:id/reactivate',
      {
        onRequest: app.requireAccount,
        schema: {
          tags,
          summary: 'Let a deactivated sub-account sign in again (account holder only)',
          params: idParams,
          response: { 200: contactSchema, ...errors },
        },
      },
      async (request) => present(await reactivate(app.ctx, request.account!, request.params.id)),
    );

    app.post(
      '/api/v1/invitations/:id/accept',
      {
        config: { rateLimit: {} },
        schema: {
          tags,
          summary: 'Accept an invitation with the token from its link and choose a password; the link works once',
          params: idParams,
          body: z.object({ token: z.string().max(100), password: newPassword }),
          response: {
            200: z.object({ handle: z.string() }),
            400: problemSchema,
            410: problemSchema,
            422: problemSchema,
            429: problemSchema,
          },
        },
      },
      async (request) => {
        const account = await acceptInvitation(app.ctx, request.params.id, request.body.token, request.body.password);
        return { handle: account.handle };
      },
    );
  },
  { name: 'contacts', dependencies: ['auth'] },
);
