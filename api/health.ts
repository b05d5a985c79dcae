import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';

const within = <T>(ms: number, work: Promise<T>) =>
  Promise.race([
    work,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref()),
  ]);

export default async function health(app: FastifyInstance) {
  app.get('/healthz', { schema: { hide: true } }, async (_request, reply) => {
    const check = (work: Promise<unknown>) =>
      within(2000, work).then(
        () => 'ok',
        (err: Error) => err.message,
      );
    const [postgres, temporal] = await Promise.all([
      check(app.db.execute(sql`select 1`)),
      check(app.temporal.connection.workflowService.getSystemInfo({})),
    ]);
    const healthy = postgres === 'ok' && temporal === 'ok';
    return reply.code(healthy ? 200 : 503).send({ status: healthy ? 'ok' : 'unavailable', postgres, temporal });
  });
}
