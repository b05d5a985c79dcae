import type { FastifyInstance } from 'fastify';

export default async function requestsPage(_app: FastifyInstance) {
  // Filled in with the web pages work.
}
