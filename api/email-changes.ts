import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cancelEmailChangeByLink, confirmEmailChange, withdrawEmailChange } from '../accounts/email-changes.js';
import { requesterOf } from '../core/requester.js';
import { idParams, problemSchema, problemsFor } from './problems.js';

const tags = ['profile'];
const tokenBody = z.object({
  token: z.string().trim().regex(/\S/, 'the token from the link is required').max(100),
});
const linkErrors = {
  400: problemSchema,
  409: problemSchema,
  410: problemSchema,
  429: problemSchema,
  503: problemSchema,
};
const confirmed = z
  .object({
    email: z.string().describe('the address now in use'),
    endedRequests: z
      .array(z.string())
      .describe('the pending contact changes that ended (aborted) because the address changed'),
  })
  .meta({ id: 'EmailChangeConfirmed' });

/**
 * Address changes: the two links of an email change, for the providers' own front-ends (no sign-in: the token from
 * the link is the credential), and withdrawing a change that waits.
 */
export default fp(
  async (appRoot: FastifyInstance) => {
    const app = appRoot.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/api/v1/email-changes/:id/confirm',
      {
        config: { rateLimit: {} },
        schema: {
          tags,
          summary: 'Confirm a new address with the token from the link sent to it; the link works once, 24 hours',
          description:
            'The address changes now. Every pending contact change that waited for a decision of this account ends ' +
            '`aborted` ("the contact\'s address changed"), and the former address is told. When those requests ' +
            'cannot be ended, nothing changes (503): try again.',
          params: idParams,
          body: tokenBody,
          response: { 200: confirmed, ...linkErrors },
        },
      },
      async (request) => {
        const { params, body } = request;
        const { account, ended } = await confirmEmailChange(app.ctx, params.id, body.token, requesterOf(request));
        return { email: account.email, endedRequests: ended };
      },
    );

    app.post(
      '/api/v1/email-changes/:id/cancel',
      {
        config: { rateLimit: {} },
        schema: {
          tags,
          summary: 'Cancel an address change with the token from the notice sent to the address in use',
          description: 'The change is cancelled and every web session of the account ends.',
          params: idParams,
          body: tokenBody,
          response: { 204: z.null(), ...linkErrors },
        },
      },
      async (request, reply) => {
        await cancelEmailChangeByLink(app.ctx, request.params.id, request.body.token, requesterOf(request));
        return reply.code(204).send(null);
      },
    );

    app.delete(
      '/api/v1/profile/pending-email',
      {
        onRequest: app.requireAccount,
        schema: {
          tags,
          summary: 'Withdraw the change of my address that waits for its confirmation (account holder only)',
          response: { 204: z.null(), ...problemsFor(401, 403, 409) },
        },
      },
      async (request, reply) => {
        await withdrawEmailChange(app.ctx, request.account!, null, requesterOf(request));
        return reply.code(204).send(null);
      },
    );

    app.delete(
      '/api/v1/contacts/:id/pending-email',
      {
        onRequest: app.requireAccount,
        schema: {
          tags: ['contacts'],
          summary:
            "Withdraw the change of a sub-account's address that waits for its confirmation (account holder only)",
          params: idParams,
          response: { 204: z.null(), ...problemsFor(401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        await withdrawEmailChange(app.ctx, request.account!, request.params.id, requesterOf(request));
        return reply.code(204).send(null);
      },
    );
  },
  { name: 'email-changes', dependencies: ['auth'] },
);
