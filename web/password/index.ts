import type { FastifyInstance } from 'fastify';
import forgotPage from './forgot-page.js';
import resetPage from './reset-page.js';
import strengthRoute from './strength.js';

/** Passwords: the forgotten password's pages, and the strength meter every new-password field uses. */
export default async function passwordPages(app: FastifyInstance) {
  await app.register(forgotPage);
  await app.register(resetPage);
  await app.register(strengthRoute);
}
