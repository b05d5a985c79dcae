import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import guard from './guard.js';
import twoStepPage from './page.js';
import twoStepSignInPage from './sign-in-page.js';

/**
 * Two-step sign-in: its page, the second step of signing in, and the rule for support staff. Not encapsulated, and
 * registered before the other pages: the rule's hook must reach them all.
 */
export default fp(
  async (app: FastifyInstance) => {
    await app.register(guard);
    await app.register(twoStepPage);
    await app.register(twoStepSignInPage);
  },
  { name: 'two-step-pages' },
);
