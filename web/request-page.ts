import type { FastifyInstance } from 'fastify';

export default async function requestPage(_app: FastifyInstance) {
  // Filled in with the web pages work.
}
