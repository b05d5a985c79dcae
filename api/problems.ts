import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isOutage } from './outages.js';

/** An answer in RFC 9457 problem+json; `detail` is written for a person. */
export class Problem extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly extra: Record<string, unknown>;

  constructor(status: number, title: string, detail: string, extra: Record<string, unknown> = {}) {
    // A 4xx is an answer, not a fault, and nothing logs it: capturing its stack would cost more than the rest of
    // answering a guessed code. A 5xx keeps its stack for the log.
    const limit = Error.stackTraceLimit;
    if (status < 500) Error.stackTraceLimit = 0;
    try {
      super(detail);
    } finally {
      Error.stackTraceLimit = limit;
    }
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.extra = extra;
  }
}

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
  })
  .loose()
  .meta({ id: 'Problem' });

const slug = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export function sendProblem(reply: FastifyReply, problem: Problem) {
  return reply
    .code(problem.status)
    .type('application/problem+json')
    .send({
      type: `https://countersign.dev/problems/${slug(problem.title)}`,
      title: problem.title,
      status: problem.status,
      detail: problem.detail,
      ...problem.extra,
    });
}

// PostgreSQL refuses text with a NUL byte (22021) or a character its encoding lacks (22P05): the input is at fault.
const UNSTORABLE_TEXT = new Set(['22021', '22P05']);
const isUnstorableText = (error: unknown) =>
  [error, (error as { cause?: unknown }).cause].some((e) =>
    UNSTORABLE_TEXT.has(String((e as { code?: unknown } | null)?.code)),
  );

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
  if (isUnstorableText(error)) {
    return new Problem(
      400,
      'Invalid request',
      'The request holds a character that cannot be stored, such as a NUL byte (\\u0000).',
    );
  }
  if (isOutage(error)) {
    return new Problem(503, 'Temporarily unavailable', 'The service is briefly unavailable. Try again in a moment.');
  }
  const status = error.statusCode ?? 500;
  if (status === 429)
    return new Problem(429, 'Too many requests', 'Too many requests from your address; wait a minute and try again.');
  if (status >= 400 && status < 500) return new Problem(status, 'Invalid request', error.message);
  return new Problem(500, 'Internal error', 'Something went wrong on our side; it has been logged.');
}

/**
 * Errors Fastify meets before it finds a route (its `frameworkErrors` option): a URL part that is not valid
 * percent-encoding, a path parameter over the length limit. Fastify would answer them in its own JSON.
 */
export function frameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  const status = error.statusCode ?? 400;
  const detail =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? 'A part of the URL is too long.'
      : 'A part of the URL is not valid percent-encoding.';
  return sendProblem(reply, new Problem(status, 'Invalid request', detail));
}

/**
 * Requests Node's HTTP parser rejects before Fastify sees them (its `clientErrorHandler` option): headers or a
 * URL over Node's 16 KB limit, bytes that are not HTTP. Written straight to the socket, as Fastify's own handler does.
 */
export function clientError(error: Error & { code?: string }, socket: Duplex) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, title, detail] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request too large', 'The URL and headers are over 16 KB together; shorten them.']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request timeout', 'The request did not arrive in time.']
        : [400, 'Invalid request', 'This is not a valid HTTP request.'];
  // A response already under way on this connection cannot be followed by another one.
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
  if (socket.writable && !inFlight) {
    const body = JSON.stringify({ type: `https://countersign.dev/problems/${slug(title)}`, title, status, detail });
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/** One error handler for the whole app: problem+json everywhere, 5xx details kept in the log only. */
export default fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const problem = toProblem(error);
      if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
      if (problem.status === 503) reply.header('retry-after', '5');
      return sendProblem(reply, problem);
    });
    app.setNotFoundHandler((request, reply) =>
      sendProblem(
        reply,
        new Problem(404, 'Not found', `There is nothing at ${request.method} ${request.url.split('?')[0]}.`),
      ),
    );
  },
  { name: 'problems' },
);
