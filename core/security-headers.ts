import helmet from 'helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a page may load: scripts, styles, images and requests of this site only, nothing inline; never framed. */
export const PAGE_CSP = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'"],
  'connect-src': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
};

/** The Swagger UI at /docs, by @fastify/swagger-ui's `staticCSP`: the same, and its data: logo and icons. */
export const DOCS_CSP = { ...PAGE_CSP, 'img-src': ["'self'", 'data:'] };

export interface SecurityHeadersOptions {
  /** Where people reach the site; HSTS is sent only when it is https. */
  publicBaseUrl: string;
}

/**
 * Sets the security headers of every answer, pages, API, assets and errors alike: the pages' CSP, no Referer,
 * nosniff, no framing, and HSTS behind https. Built once: @fastify/helmet builds helmet again on every request, which
 * cost the decision page a fifth of its throughput (`npm run bench decision`: 4,165 against 5,186 requests/s).
 */
export function securityHeaders({ publicBaseUrl }: SecurityHeadersOptions) {
  const setHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: PAGE_CSP },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    strictTransportSecurity: new URL(publicBaseUrl).protocol === 'https:' ? { maxAge: 31_536_000 } : false,
  });
  return (request: IncomingMessage, response: ServerResponse, done: () => void = () => {}) =>
    setHeaders(request, response, () => done());
}

/**
 * The security headers on every route, registered before any. Errors met before routing (app.ts's frameworkErrors)
 * run no hook, and set them with `securityHeaders` themselves.
 */
export default fp(
  async (app: FastifyInstance, options: SecurityHeadersOptions) => {
    const setHeaders = securityHeaders(options);
    app.addHook('onRequest', (request, reply, done) => setHeaders(request.raw, reply.raw, done));
  },
  { name: 'security-headers' },
);
