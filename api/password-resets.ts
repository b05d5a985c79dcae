import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  RESET_LINK_MINUTES,
  RESET_REQUESTS_PER_ADDRESS,
  RESETS_PER_ACCOUNT_PER_HOUR,
  requestPasswordReset,
  resetPasswordWithLink,
} from '../accounts/password-resets.js';
import { requesterOf } from '../core/requester.js';
import { newPassword } from '../domain/contact.js';
import { idParams, problemsFor } from './problems.js';

const tags = ['password resets'];

/**
 * "Forgot your password?" for a provider's own front-end: ask for a link by email, then set the password with the
 * token from the link. Public: the first says nothing of which accounts exist; the second needs the link's token.
 */
export default fp(
  async (appRoot: FastifyInstance) => {
    const app = appRoot.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/api/v1/password-resets',
      {
        config: { rateLimit: RESET_REQUESTS_PER_ADDRESS },
        schema: {
          tags,
          summary: 'Email a password reset link to the account a handle or email address names',
          description: `Always 202, whether or not an account matches. Each account that may sign in and matches gets a link to \`/password/reset/{id}#token=…\`, valid ${RESET_LINK_MINUTES} minutes and once; at most ${RESETS_PER_ACCOUNT_PER_HOUR} an hour per account, and ${RESET_REQUESTS_PER_ADDRESS.max} requests an hour per client address.`,
          body: z.object({ login: z.string().max(254).describe('a handle, or an email address') }),
          response: { 202: z.null(), ...problemsFor(400, 429) },
        },
      },
      async (request, reply) => {
        await requestPasswordReset(app.ctx, request.body.login, requesterOf(request));
        return reply.code(202).send(null);
      },
    );

    app.post(
      '/api/v1/password-resets/:id',
      {
        config: { rateLimit: {} },
        schema: {
          tags,
          summary: 'Set a new password with the token of a reset link; every web session of the account ends',
          description:
            "The id and token come from the link in the email (`/password/reset/{id}#token={token}`). The link works once; once used, the account's other links stop working too. A password too easy to guess is refused with `weakPassword` (422), saying why in `reason`.",
          params: idParams,
          body: z.object({ token: z.string().max(100), password: newPassword }),
          response: { 204: z.null(), ...problemsFor(400, 410, 422, 429) },
        },
      },
      async (request, reply) => {
        const { token, password } = request.body;
        await resetPasswordWithLink(app.ctx, request.params.id, token, password, requesterOf(request));
        return reply.code(204).send(null);
      },
    );
  },
  { name: 'password-resets' },
);
