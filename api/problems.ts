import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isOutage } from './outages.js';

/** An answer in RFC 9457 problem+json; `detail` is written for a person. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
}).loose().meta({ id: 'Problem' });

const slug = (title: string) => title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export function sendProblem(reply: FastifyReply, problem: Problem) {
  return reply.code(problem.status).type('application/problem+json').send({
    type: `https://countersign.dev/problems/${slug(problem.title)}`,
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    ...problem.extra,
  });
}

function toProblem(error: FastifyError): Problem {
  if (error instanceof Problem) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'request';
    const issues = error.validation.map((v) => ({
      field: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      message: v.message ?? 'invalid',
    }));
    return new Problem(400, 'Invalid request', issues.map((i) => `${i.field}: ${i.message}`).join('; '), { issues });
  }
  if (isOutage(error)) {
    return new Problem(503, 'Temporarily unavailable', 'The service is briefly unavailable. Try again in a moment.');
  }
  const status = error.statusCode ?? 500;
  if (status === 429) return new Problem(429, 'Too many requests', 'Too many requests from your address; wait a minute and try again.');
  if (status >= 400 && status < 500) return new Problem(status, 'Invalid request', error.message);
  return new Problem(500, 'Internal error', 'Something went wrong on our side; it has been logged.');
}

/** One error handler for the whole app: problem+json everywhere, 5xx details kept in the log only. */
export default fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = toProblem(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    if (problem.status === 503) reply.header('retry-after', '5');
    return sendProblem(reply, problem);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, new Problem(404, 'Not found', `There is nothing at ${request.method} ${request.url.split('?')[0]}.`)));
}, { name: 'problems' });
