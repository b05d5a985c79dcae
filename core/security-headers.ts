import helmet from '@fastify/helmet';
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
 */
export default fp(
  async (app: FastifyInstance, { publicBaseUrl }: SecurityHeadersOptions) => {
    await app.register(helmet, {
      contentSecurityPolicy: { useDefaults: false, directives: PAGE_CSP },
      referrerPolicy: { policy: 'no-referrer' },
      frameguard: { action: 'deny' },
      strictTransportSecurity: new URL(publicBaseUrl).protocol === 'https:' ? { maxAge: 31_536_000 } : false,
    });
  },
  { name: 'security-headers' },
);
