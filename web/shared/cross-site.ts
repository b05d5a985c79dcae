import type { FastifyRequest } from 'fastify';

/** A form posted from another site; the pages answer it with a readable 403. */
export class CrossSiteError extends Error {
  readonly statusCode = 403;
}

/**
 * Whether the browser says this request comes from this site's own pages. Forms that work without a session
 * (signing in, accepting an invitation, asking for a reset link) have no CSRF token to check, and a page elsewhere
 * could otherwise sign the visitor in as someone else (login CSRF). `Sec-Fetch-Site`, when the browser sends it, must
 * be `same-origin` (or `none`: typed, or opened from a bookmark); `Origin`, when sent, must be PUBLIC_BASE_URL's. Our
 * pages' `no-referrer` policy makes browsers send `Origin: null` with their own forms, so `null` passes only beside
 * `Sec-Fetch-Site: same-origin`, which no page can set. A request with neither header is no browser's cross-site
 * request.
 */
export function fromThisSite(request: FastifyRequest, publicBaseUrl: string): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const from = request.headers.origin;
  return from === undefined || from === new URL(publicBaseUrl).origin || (from === 'null' && site === 'same-origin');
}

/** A route hook that refuses, with a readable 403 page, what another site made the browser send. */
export function sameOriginOnly(publicBaseUrl: string) {
  return async (request: FastifyRequest): Promise<void> => {
    if (!fromThisSite(request, publicBaseUrl)) throw new CrossSiteError('cross-site');
  };
}
