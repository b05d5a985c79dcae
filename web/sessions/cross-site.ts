import type { FastifyRequest } from 'fastify';

/** A form posted from another site; the pages answer it with a readable 403. */
export class CrossSiteError extends Error {
  readonly statusCode = 403;
}

/**
 * Refuses a request another site made the browser send: forms that work without a session (signing in, accepting
 * an invitation) have no CSRF token to check, and a page elsewhere could otherwise sign the visitor in as someone
 * else (login CSRF). `Sec-Fetch-Site`, when the browser sends it, must be `same-origin` (or `none`: typed, or
 * opened from a bookmark); `Origin`, when sent, must be PUBLIC_BASE_URL's. Our pages' `no-referrer` policy makes
 * browsers send `Origin: null` with their own forms, so `null` passes only beside `Sec-Fetch-Site: same-origin`,
 * which no page can set.
 */
export function sameOriginOnly(publicBaseUrl: string) {
  const origin = new URL(publicBaseUrl).origin;
  return async (request: FastifyRequest): Promise<void> => {
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none')
      throw new CrossSiteError(`Sec-Fetch-Site: ${String(site)}`);
    const from = request.headers.origin;
    if (from === undefined || from === origin || (from === 'null' && site === 'same-origin')) return;
    throw new CrossSiteError(`Origin: ${from}`);
  };
}
