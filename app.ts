import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import Fastify, {
  LogController,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Sql } from 'postgres';
import api from './api/index.js';
import problems, { clientError, frameworkError } from './api/problems.js';
import type { Config } from './config.js';
import type { Context } from './core/context.js';
import securityHeadersPlugin, { securityHeaders } from './core/security-headers.js';
import { postgresRateLimitStore } from './db/rate-limits.js';
import type { DevMailbox } from './emails/mailer.js';
import web from './web/index.js';
import { errorPage } from './web/pages.js';

export interface AppOptions extends Omit<Context, 'log' | 'now'> {
  sql: Sql;
  /** Present when no email provider is configured: the pages show it at /dev/mailbox. */
  mailbox?: DevMailbox;
  logger?: FastifyServerOptions['logger'];
  /** Counts each answer for /metrics (an onResponse hook), when metrics are on. */
  observe?: (request: FastifyRequest, reply: FastifyReply, done: () => void) => void;
}

/**
 * Whose X-Forwarded-For to believe. Off unless TRUST_PROXY says so: otherwise anyone could choose their own address.
 * A hop count trusts the nearest N hops whoever they are (Fastify itself refuses numbers for that reason), so it is
 * only for a server reachable through its proxies alone; addresses or networks are checked.
 */
function trustProxyOption(setting: Config['trustProxy']): FastifyServerOptions['trustProxy'] {
  if (typeof setting === 'number') return (_address: string, hop: number) => hop < setting;
  return setting;
}

/** Where answers are JSON, not pages. */
const JSON_PATHS = /^\/(api|docs|webhooks|healthz)(\/|$|\?)/;

/** A browser asking for a page (not a script, not an API client): its 404s and errors are pages in its language. */
const wantsPage = (request: FastifyRequest) =>
  !JSON_PATHS.test(request.url) && (request.headers.accept ?? '').includes('text/html');

/** Not worth a line even in debug: the assets every page loads. */
const UNLOGGED = /^\/(assets\/|favicon\.ico)/;

/** One line per request, at debug only (Fastify's own two lines at info would bury the start-up banner). */
function logRequest(request: FastifyRequest, reply: FastifyReply, done: () => void) {
  if (!UNLOGGED.test(request.url)) {
    // The path only: a query string is the client's to keep out of our logs.
    const { method } = request;
    const path = request.url.split('?')[0];
    request.log.debug({ method, path, status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  }
  done();
}

/**
 * The HTTP server: the API (api/) and the pages (web/), two faces over the same use-cases, given one context.
 * Neither face imports the other; this is the one place that knows both.
 */
export async function buildApp(options: AppOptions) {
  const setSecurityHeaders = securityHeaders({ publicBaseUrl: options.config.publicBaseUrl });
  const app: FastifyInstance = Fastify({
    logger: options.logger ?? false,
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: trustProxyOption(options.config.trustProxy),
    // The longest path part a schema takes is the provider's external id (200): the router takes as much, so the
    // schema answers what is too long for it (400), and only a longer part is 414.
    routerOptions: { maxParamLength: 200 },
    // A `__proto__` key in a JSON body is dropped, as any property a schema does not name is ignored, instead of
    // refusing a body that fits the schema; it never reaches an object's prototype either way.
    onProtoPoisoning: 'remove',
    // A URL Fastify cannot route (bad percent-encoding...): no hook runs, so the headers are set here; a page's
    // address gets a page, the API's a problem.
    frameworkErrors: (error, request, reply) => {
      setSecurityHeaders(request.raw, reply.raw);
      return JSON_PATHS.test(request.url)
        ? frameworkError(error, request, reply)
        : errorPage(app, error, request, reply);
    },
    clientErrorHandler: clientError,
  });
  // No route takes QUERY (RFC 10008): read as a method without a body, it reaches the 405 that names the methods the
  // path takes, instead of Fastify's 400 for a QUERY without a Content-Type.
  app.addHttpMethod('QUERY', { hasBody: false, overrideExisting: true });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const { config, db, temporal } = options;
  const ctx: Context = { config, db, temporal, log: app.log, now: () => new Date() };
  app.decorate('ctx', ctx);

  app.addHook('onResponse', logRequest);
  if (options.observe) app.addHook('onResponse', options.observe);
  const page = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) =>
    errorPage(app, error, request, reply);
  await app.register(problems, { wantsPage, page });
  await app.register(securityHeadersPlugin, { publicBaseUrl: config.publicBaseUrl });
  await app.register(formbody);
  await app.register(rateLimit, {
    global: false,
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    store: postgresRateLimitStore(options.sql),
  });
  await app.register(api);
  await app.register(web, { mailbox: options.mailbox });
  return app;
}
