import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { mustEnrol } from '../../accounts/two-step.js';

/** What support staff who must still turn on two-step may reach: its page, signing out and the language switcher. */
const OPEN = /^\/(account\/two-step(\/|\?|$)|signout(\?|$)|lang\/)/;

/**
 * TWO_STEP_FOR_SUPPORT=required: a support account without two-step is sent to set it up from every other page,
 * until it has. Registered in the pages' scope, after the session is read.
 */
export default fp(
  async (app: FastifyInstance) => {
    app.addHook('onRequest', async (request, reply) => {
      const viewer = request.viewer;
      if (!viewer || OPEN.test(request.url) || !mustEnrol(app.ctx.config, viewer)) return undefined;
      return reply.redirect('/account/two-step', 303);
    });
  },
  { name: 'two-step-guard' },
);
