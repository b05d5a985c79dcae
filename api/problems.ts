import FindMyWay, { type HTTPMethod } from 'find-my-way';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isOutage } from '../core/outages.js';
import { isUnstorableText, PROBLEM_CODES, PROBLEMS, Problem, type ProblemCode } from '../core/problems.js';

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.enum(PROBLEM_CODES).meta({ description: 'Stable: branch on it, never on `title` or `detail`.' }),
    field: z.string().optional().meta({ description: 'The input the problem concerns.' }),
    retryAfterSeconds: z
      .number()
      .int()
      .optional()
      .meta({ description: 'With `resendTooSoon` and `tooManyWrongCodes`.' }),
    reason: z
      .string()
      .optional()
      .meta({ description: 'With `weakPassword`: why the password is too easy to guess, in English.' }),
    quote: z
      .string()
      .optional()
      .meta({ description: "With `refusedByProvider`: the provider's reason as it gave it (the same as `detail`)." }),
    changeIds: z
      .array(z.string())
      .optional()
      .meta({ description: 'With `changeBeingApplied`: the requests to answer applied or failed first.' }),
  })
  .loose()
  .meta({ id: 'Problem' });

/** The problem answers a route documents, by status. */
export const problemsFor = <S extends number>(...statuses: S[]) =>
  Object.fromEntries(statuses.map((s) => [s, problemSchema])) as Record<S, typeof problemSchema>;

/** A resource's id in a path. */
export const idParams = z.object({ id: z.string().min(1).max(64) });

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
      code: problem.code,
      ...problem.extra,
    });
}

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
}

/**
 * The published schema states types, lengths, formats and lists: a request that breaks one is 400. A check no schema
 * can state (a phone number that does not exist in its country, a country code ISO 3166 lacks) is a value refused in
 * a request that fits the schema: 422, with the same code and issues. A custom check the schema does state (roles
 * named once: uniqueItems) says so in its params: a zod issue's own, or within a validation entry's `params`.
 */
type Stated = { stated?: string; params?: { stated?: string } } | undefined;
const stated = (issues: { code?: string; keyword?: string; params?: unknown }[]) =>
  issues.some((i) => {
    const params = i.params as Stated;
    return (i.code ?? i.keyword) !== 'custom' || !!(params?.stated ?? params?.params?.stated);
  });

function toProblem(error: FastifyError): Problem {
  if (error instanceof Problem) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'request';
    let breaksSchema = false;
    const issues = error.validation.flatMap((v) => {
      const at = [where, ...v.instancePath.split('/').filter(Boolean)];
      // A body of two forms (a union) is refused with the fields of the form it fits, else of its first, fullest.
      const forms = v.keyword === 'invalid_union' ? (v.params as { errors?: ZodIssueLike[][] }).errors : undefined;
      const form = forms?.find((f) => f.length && !stated(f)) ?? forms?.[0];
      if (form?.length) {
        breaksSchema ||= stated(form);
        return form.map((i) => ({ field: [...at, ...i.path.map(String)].join('.'), message: i.message }));
      }
      breaksSchema ||= stated([v]);
      return [{ field: at.join('.'), message: v.message ?? 'invalid' }];
    });
    return new Problem(
      'invalidRequest',
      issues.map((i) => `${i.field}: ${i.message}`).join('; '),
      { issues },
      breaksSchema ? undefined : 422,
    );
  }
  if (isUnstorableText(error)) {
    return new Problem(
      'invalidRequest',
      'The request holds a character that cannot be stored, such as a NUL byte (\\u0000).',
      {},
      422,
    );
  }
  if (isOutage(error)) {
    return new Problem('unavailable', 'The service is briefly unavailable. Try again in a moment.');
  }
  const status = error.statusCode ?? 500;
  if (status === 429)
    return new Problem('tooManyRequests', 'Too many requests from your address; wait a minute and try again.');
  if (status >= 400 && status < 500) return new Problem('invalidRequest', error.message, {}, status);
  return new Problem('internalError', 'Something went wrong on our side; it has been logged.');
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
  return sendProblem(reply, new Problem('invalidRequest', detail, {}, status));
}

/**
 * Requests Node's HTTP parser rejects before Fastify sees them (its `clientErrorHandler` option): headers or a
 * URL over Node's 16 KB limit, bytes that are not HTTP. Written straight to the socket, as Fastify's own handler does.
 */
export function clientError(error: Error & { code?: string }, socket: Duplex) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [code, detail]: [ProblemCode, string] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? ['requestTooLarge', 'The URL and headers are over 16 KB together; shorten them.']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? ['requestTimeout', 'The request did not arrive in time.']
        : ['invalidRequest', 'This is not a valid HTTP request.'];
  const { status, title } = PROBLEMS[code];
  // A response already under way on this connection cannot be followed by another one.
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
  if (socket.writable && !inFlight) {
    const body = JSON.stringify({
      type: `https://countersign.dev/problems/${slug(title)}`,
      title,
      status,
      detail,
      code,
    });
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

const METHODS: HTTPMethod[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

export interface ProblemsOptions {
  /** Whether a request is a browser's, for a page: its errors are then pages, not JSON. */
  wantsPage?: (request: FastifyRequest) => boolean;
  /** The error page, given by whoever knows the pages (api/ does not). */
  page?: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => unknown;
}

/**
 * One error handler for the whole app: problem+json, 5xx details kept in the log only; a browser asking for a page
 * gets the error page instead.
 */
export default fp(
  async (app: FastifyInstance, options: ProblemsOptions) => {
    const page = (request: FastifyRequest) => (options.page && options.wantsPage?.(request) ? options.page : null);
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const asPage = page(request);
      if (asPage) return asPage(error, request, reply);
      const problem = toProblem(error);
      if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
      if (problem.status === 503) reply.header('retry-after', '5');
      if (problem.extra.retryAfterSeconds) reply.header('retry-after', String(problem.extra.retryAfterSeconds));
      return sendProblem(reply, problem);
    });
    // Every route's path and methods, in a router of their own: a path that exists answers another method with 405
    // and the methods it takes (`Allow`), as HTTP says, rather than the 404 of a path that does not.
    const routes = FindMyWay();
    app.addHook('onRoute', ({ method, url }) => {
      for (const m of [method].flat()) {
        // HEAD is added for every GET; a path declared twice (by two plugins) is already known.
        if (!routes.hasRoute(m as HTTPMethod, url)) routes.on(m as HTTPMethod, url, () => undefined);
      }
    });
    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0]!;
      // A route that takes this method and found nothing (a missing asset) is a 404, as is a path nobody declared.
      const taken = routes.find(request.method as HTTPMethod, path) !== null;
      const allow = taken ? [] : METHODS.filter((m) => routes.find(m, path) !== null);
      if (allow.length > 0) {
        reply.header('allow', allow.join(', '));
        const problem = new Problem('methodNotAllowed', `${path} takes ${allow.join(', ')}, not ${request.method}.`);
        const asPage = page(request);
        return asPage ? asPage(problem as unknown as FastifyError, request, reply) : sendProblem(reply, problem);
      }
      const problem = new Problem('notFound', `There is nothing at ${request.method} ${path}.`);
      const asPage = page(request);
      return asPage ? asPage(problem as unknown as FastifyError, request, reply) : sendProblem(reply, problem);
    });
  },
  { name: 'problems' },
);
