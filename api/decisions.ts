import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PARTIES, STATES } from '../domain/contact-change.js';
import { decide, type DecisionResult } from '../changes/decide.js';
import { requesterOf } from '../core/requester.js';
import { idParams, problemsFor } from './problems.js';

const params = idParams;
const token = z.string().trim().regex(/\S/, 'the token from the email is required').max(200);
const decisionAnswer = z
  .object({
    id: z.string(),
    state: z.enum(STATES),
    party: z.enum(PARTIES),
    awaiting: z.array(z.enum(PARTIES)),
    /** This party's recorded decision: the one just taken, or the one taken before when the same code comes again. */
    decision: z.enum(['accepted', 'refused']),
    decidedAt: z.iso.datetime(),
    message: z.string(),
  })
  .meta({ id: 'DecisionAnswer' });
const errors = problemsFor(400, 403, 429);

export function decisionMessage({ status, party }: DecisionResult): string {
  switch (status.state) {
    case 'done':
      return 'Both contacts accepted: the change is done.';
    case 'refused':
      return 'The request is refused; nothing changes.';
    case 'aborted':
      return 'The request was cancelled; nothing changes.';
    case 'error':
      return 'Both contacts accepted, but the change could not be made; nothing changed. Support has been told.';
    default:
      return status.decisions[party] === 'accepted'
        ? 'Your acceptance is recorded. The request is still awaiting the other contact.'
        : 'Your decision is recorded.';
  }
}

const answer = (result: DecisionResult) => ({
  id: result.view.change.id,
  state: result.view.change.state as (typeof STATES)[number],
  party: result.party,
  awaiting: result.status.awaiting,
  decision: result.decision,
  decidedAt: result.decidedAt.toISOString(),
  message: decisionMessage(result),
});

/** No login here: the token from the email is the credential. */
export default fp(
  async (appRoot: FastifyInstance) => {
    const app = appRoot.withTypeProvider<ZodTypeProvider>();
    const rateLimit = { rateLimit: {} };

    app.post(
      '/api/v1/contact-changes/:id/accept',
      {
        config: rateLimit,
        schema: {
          tags: ['decisions'],
          summary: 'Accept a contact change with the token from your email',
          params,
          body: z.object({ token }),
          response: { 200: decisionAnswer, ...errors },
        },
      },
      async (request) =>
        answer(
          await decide(app.ctx, {
            changeId: request.params.id,
            token: request.body.token,
            decision: 'accepted',
            from: requesterOf(request),
          }),
        ),
    );

    app.post(
      '/api/v1/contact-changes/:id/refuse',
      {
        config: rateLimit,
        schema: {
          tags: ['decisions'],
          summary: 'Refuse a contact change with the token from your email',
          params,
          body: z.object({ token, reason: z.string().trim().max(1000).optional() }),
          response: { 200: decisionAnswer, ...errors },
        },
      },
      async (request) =>
        answer(
          await decide(app.ctx, {
            changeId: request.params.id,
            token: request.body.token,
            decision: 'refused',
            reason: request.body.reason,
            from: requesterOf(request),
          }),
        ),
    );
  },
  { name: 'decisions' },
);
