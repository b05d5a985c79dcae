import type { FastifyInstance } from 'fastify';

export default async function servicesPage(_app: FastifyInstance) {
  // Filled in with the web pages work.
}
