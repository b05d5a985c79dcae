import type { FastifyInstance } from 'fastify';

export default async function supportPage(_app: FastifyInstance) {
  // Filled in with the web pages work.
}
