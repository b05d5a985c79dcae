import type { FastifyInstance } from 'fastify';
import strengthRoute from './strength.js';

/** Passwords: the strength meter every new-password field uses. */
export default async function passwordPages(app: FastifyInstance) {
  await app.register(strengthRoute);
}
