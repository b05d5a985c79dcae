import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';

const ASSETS = {
  'decision.js': 'text/javascript; charset=utf-8',
  'style.css': 'text/css; charset=utf-8',
} as const;

export default async function assets(app: FastifyInstance) {
  for (const [name, type] of Object.entries(ASSETS)) {
    const body = readFileSync(new URL(`./assets/${name}`, import.meta.url));
    app.get(`/assets/${name}`, { schema: { hide: true } }, async (_request, reply) =>
      reply.type(type).header('cache-control', 'public, max-age=300').header('x-content-type-options', 'nosniff').send(body));
  }
}
