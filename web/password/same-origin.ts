import type { FastifyRequest } from 'fastify';

/**
 * Whether a POST comes from this site's own pages, as the browser tells: Sec-Fetch-Site, else Origin (every current
 * browser sends one of them with a POST). Another site's page gets nothing out of these endpoints, not even a
 * password's strength. A request with neither is no browser's cross-site request: it passes.
 */
export function fromThisSite(request: FastifyRequest, publicBaseUrl: string): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin';
  const origin = request.headers.origin;
  if (typeof origin === 'string') return origin === new URL(publicBaseUrl).origin;
  return true;
}
