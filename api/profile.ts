import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  COMMUNICATION,
  NEWSLETTERS,
  known,
  newPassword,
  newslettersInput,
  preferencesInput,
  profileInput,
} from '../domain/contact.js';
import { contactSchema, presentContact } from './contacts.js';
import {
  changePassword,
  checkedTimeZone,
  getProfile,
  updateNewsletters,
  updatePreferences,
  setTimeZone,
  updateProfile,
  type Profile,
} from '../accounts/profile.js';
import { requesterOf } from '../core/requester.js';
import { problemsFor } from './problems.js';

const profileSchema = contactSchema
  .omit({ access: true, emailCategories: true })
  .extend({
    preferences: z.object({
      billingContact: z
        .string()
        .nullable()
        .describe('handle of the contact who receives billing information; null: the account itself'),
      communication: z.enum(COMMUNICATION),
      language: z.string(),
    }),
    newsletters: z.array(z.enum(NEWSLETTERS)),
    timeZone: z
      .string()
      .nullable()
      .describe('the IANA time zone dates and emails are written in; null: none chosen, UTC'),
  })
  .meta({ id: 'Profile' });

// Checked by the use-case against the list of zones, so that a wrong one is refused with its own code.
const timeZoneField = z.string().max(64).nullable().describe('an IANA time zone, e.g. Europe/Paris; null: UTC');

const profileBody = z.union([
  profileInput.safeExtend({
    firstName: z.string().optional(),
    lastName: z.string().optional(),
    currentPassword: z.string().max(200).optional().describe('required with a new email'),
    timeZone: timeZoneField.optional(),
  }),
  z.object({ timeZone: timeZoneField }).strict().meta({ description: 'the time zone alone' }),
]);

function present({ account, billingContact, pendingEmail }: Profile): z.infer<typeof profileSchema> {
  const { access: _a, emailCategories: _e, ...details } = presentContact(account, null, pendingEmail);
  return {
    ...details,
    preferences: {
      billingContact: billingContact?.handle ?? null,
      communication: account.communication,
      language: account.language,
    },
    newsletters: known(NEWSLETTERS, account.newsletters),
    timeZone: account.timeZone,
  };
}

const errors = problemsFor(400, 401, 403, 409, 422, 429, 503);
const tags = ['profile'];

export default fp(
  async (appRoot: FastifyInstance) => {
    const app = appRoot.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/v1/profile',
      {
        onRequest: app.requireAccount,
        schema: {
          tags,
          summary: 'The profile of my customer area (a sub-account needs the profile permission)',
          response: { 200: profileSchema, ...errors },
        },
      },
      async (request) => present(await getProfile(app.ctx, request.account!)),
    );

    app.put(
      '/api/v1/profile',
      {
        onRequest: app.requireAccount,
        config: { rateLimit: {} },
        schema: {
          tags,
          summary: 'Change the contact information; first and last name are changed by support only',
          description:
            'A new `email` needs `currentPassword` (the account holder’s; a sub-account may not change it) and waits ' +
            'for its confirmation: the answer is 202 with `pendingEmail`, a single-use link valid 24 hours goes to the ' +
            'new address and a notice to the current one, whose own link cancels the change and signs out every ' +
            'session. The other fields are saved at once. `{"timeZone": "Europe/Paris"}` alone sets only the time ' +
            'zone (null: none, UTC); a zone not in the IANA list is refused with `unknownTimeZone` (422).',
          body: profileBody,
          response: { 200: profileSchema, 202: profileSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { body } = request;
        if (!('email' in body)) return present(await setTimeZone(app.ctx, request.account!, body.timeZone));
        const { timeZone, ...details } = body;
        // A wrong zone refuses the whole change; a refused change leaves the zone as it was.
        if (timeZone !== undefined) checkedTimeZone(timeZone);
        let profile = await updateProfile(app.ctx, request.account!, details, requesterOf(request));
        if (timeZone !== undefined)
          profile = { ...(await setTimeZone(app.ctx, request.account!, timeZone)), emailChange: profile.emailChange };
        return reply.code(profile.emailChange ? 202 : 200).send(present(profile));
      },
    );

    app.put(
      '/api/v1/profile/preferences',
      {
        onRequest: app.requireAccount,
        schema: {
          tags,
          summary: 'Who receives the billing information, and how and in which language we write',
          body: preferencesInput,
          response: { 200: profileSchema, ...errors },
        },
      },
      async (request) => present(await updatePreferences(app.ctx, request.account!, request.body)),
    );

    app.put(
      '/api/v1/profile/newsletters',
      {
        onRequest: app.requireAccount,
        schema: {
          tags,
          summary: 'Newsletter subscriptions; an empty list unsubscribes from all (service emails still go out)',
          body: newslettersInput,
          response: { 200: profileSchema, ...errors },
        },
      },
      async (request) => present(await updateNewsletters(app.ctx, request.account!, request.body.newsletters)),
    );

    app.put(
      '/api/v1/profile/password',
      {
        onRequest: app.requireAccount,
        config: { rateLimit: {} },
        schema: {
          tags,
          summary: 'Change my own password; my web sessions end',
          description: 'A password too easy to guess is refused with `weakPassword` (422), saying why in `reason`.',
          body: z.object({ currentPassword: z.string().max(200), newPassword }),
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        const { currentPassword, newPassword: next } = request.body;
        await changePassword(app.ctx, request.account!, currentPassword, next, null, requesterOf(request));
        return reply.code(204).send(null);
      },
    );
  },
  { name: 'profile', dependencies: ['auth', 'contacts'] },
);
