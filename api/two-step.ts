import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { confirmTwoStep, renewCodes, startTwoStep, turnOffTwoStep, twoStepStatus } from '../accounts/two-step.js';
import { requesterOf } from '../core/requester.js';
import { problemsFor } from './problems.js';

/**
 * Two-step sign-in of one's own account, for a provider's front-end or a script: the same as the page at
 * /account/two-step. It guards the web sign-in; API tokens are not asked for codes.
 */

const statusSchema = z
  .object({
    enabled: z.boolean(),
    enabledAt: z.iso.datetime().nullable(),
    pending: z.boolean().describe('a secret was made and waits for its first code (POST …/two-step/confirm)'),
    recoveryCodesLeft: z.number().int(),
    required: z.boolean().describe('support staff under TWO_STEP_FOR_SUPPORT=required: it cannot be turned off'),
  })
  .meta({ id: 'TwoStep' });

const enrolmentSchema = z
  .object({
    secret: z.string().describe('the key, base32, for typing into an authenticator app (SHA-1, 6 digits, 30 s)'),
    otpauthUrl: z.string().describe('otpauth://totp/… : what a QR code for the app holds'),
  })
  .meta({ id: 'TwoStepEnrolment' });

const codesSchema = z
  .object({
    recoveryCodes: z.array(z.string()).describe('ten single-use codes, shown this once; only their digests are kept'),
  })
  .meta({ id: 'RecoveryCodes' });

const code = z.string().max(40).describe('the 6 digits the app shows now');
const password = z.string().max(200);

const errors = problemsFor(400, 401, 403, 409, 422, 429);
const tags = ['profile'];

/** Codes and secrets are answered once and never kept by a cache. */
const secret = <T>(reply: FastifyReply, body: T) => reply.header('cache-control', 'no-store').send(body);

export default fp(
  async (appRoot: FastifyInstance) => {
    const app = appRoot.withTypeProvider<ZodTypeProvider>();
    const path = '/api/v1/profile/two-step';

    app.get(
      path,
      {
        onRequest: app.requireAccount,
        schema: {
          tags,
          summary: 'Whether my two-step sign-in is on, and how many recovery codes are left',
          response: { 200: statusSchema, ...errors },
        },
      },
      async (request) => {
        const status = await twoStepStatus(app.ctx, request.account!);
        return { ...status, enabledAt: status.enabledAt?.toISOString() ?? null };
      },
    );

    app.post(
      path,
      {
        onRequest: app.requireAccount,
        schema: {
          tags,
          summary: 'Start turning on two-step sign-in: a new key for the app (starting again replaces it)',
          // Fastify reads no body as null.
          body: z.object({}).nullish(),
          response: { 200: enrolmentSchema, ...errors },
        },
      },
      async (request, reply) => secret(reply, await startTwoStep(app.ctx, request.account!)),
    );

    app.post(
      `${path}/confirm`,
      {
        onRequest: app.requireAccount,
        config: { rateLimit: {} },
        schema: {
          tags,
          summary: 'Turn on two-step sign-in with a code of the new key; my web sessions end',
          body: z.object({ code }),
          response: { 200: codesSchema, ...errors },
        },
      },
      async (request, reply) => {
        const from = requesterOf(request);
        const recoveryCodes = await confirmTwoStep(app.ctx, request.account!, request.body.code, from, null);
        return secret(reply, { recoveryCodes });
      },
    );

    app.post(
      `${path}/recovery-codes`,
      {
        onRequest: app.requireAccount,
        config: { rateLimit: {} },
        schema: {
          tags,
          summary: 'New recovery codes instead of the old ones (password needed)',
          body: z.object({ password }),
          response: { 200: codesSchema, ...errors },
        },
      },
      async (request, reply) => {
        const recoveryCodes = await renewCodes(app.ctx, request.account!, request.body.password, requesterOf(request));
        return secret(reply, { recoveryCodes });
      },
    );

    app.delete(
      path,
      {
        onRequest: app.requireAccount,
        config: { rateLimit: {} },
        schema: {
          tags,
          summary: 'Turn off two-step sign-in (password, and a code of the app or a recovery code, needed)',
          body: z.object({ password, code: code.describe('the code the app shows now, or a recovery code') }),
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        const { password: given, code: typed } = request.body;
        await turnOffTwoStep(app.ctx, request.account!, given, typed, requesterOf(request));
        return reply.code(204).send(null);
      },
    );
  },
  { name: 'two-step', dependencies: ['auth'] },
);
