import type { FastifyInstance } from 'fastify';
import { health } from '../core/health.js';

export default async function healthRoute(app: FastifyInstance) {
  app.get('/healthz', { schema: { hide: true } }, async (_request, reply) => {
    const { healthy, postgres, temporal } = await health(app.ctx);
    return reply.code(healthy ? 200 : 503).send({ status: healthy ? 'ok' : 'unavailable', postgres, temporal });
  });
}
