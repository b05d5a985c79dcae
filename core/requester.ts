import type { FastifyRequest } from 'fastify';
import type { Requester } from './context.js';

/**
 * Who is asking: `request.ip` is the socket's address, or the one the proxies named in TRUST_PROXY vouch for; a
 * header from anyone else decides nothing. The user agent is cut short: it is only shown back to the account.
 */
export function requesterOf(request: FastifyRequest): Requester {
  const agent = request.headers['user-agent'];
  return { ip: request.ip, userAgent: typeof agent === 'string' && agent ? agent.slice(0, 300) : null };
}
