import helmet from 'helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

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
 * The security headers of every answer, pages, API, assets and errors alike: the pages' CSP, no Referer,
 * nosniff, no framing, and HSTS behind https. Registered before any route so that every route gets them.
 * Helmet's middleware is built once here: @fastify/helmet builds it again on every request, which cost the decision
 * page a fifth of its throughput (`npm run bench decision`: 4,165 against 5,186 requests/s without it).
 */
export default fp(
  async (app: FastifyInstance, { publicBaseUrl }: SecurityHeadersOptions) => {
    const setHeaders = helmet({
      contentSecurityPolicy: { useDefaults: false, directives: PAGE_CSP },
      referrerPolicy: { policy: 'no-referrer' },
      frameguard: { action: 'deny' },
      strictTransportSecurity: new URL(publicBaseUrl).protocol === 'https:' ? { maxAge: 31_536_000 } : false,
    });
    app.addHook('onRequest', (request, reply, done) => setHeaders(request.raw, reply.raw, () => done()));
  },
  { name: 'security-headers' },
);
