import type { FastifyInstance } from 'fastify';

export default async function changePage(_app: FastifyInstance) {
  // Filled in with the web pages work.
}
