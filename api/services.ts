import { inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { actorOf } from '../domain/access.js';
import { servicesScope } from '../db/scope.js';
import { accounts, pendingRoles, services, type Service } from '../db/schema.js';
import { problemSchema } from './problems.js';

export const serviceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.string(),
    holder: z.string().describe('handle of the holder'),
    contacts: z.object({ admin: z.string(), tech: z.string(), billing: z.string() }).describe('handles'),
    pendingChanges: z.array(z.object({ role: z.string(), changeId: z.string() })),
  })
  .meta({ id: 'Service' });

export async function presentServices(db: Db, rows: Service[]) {
  if (rows.length === 0) return [];
  const ids = [...new Set(rows.flatMap((s) => [s.holderId, s.adminId, s.techId, s.billingId]))];
  const people = await db
    .select({ id: accounts.id, handle: accounts.handle })
    .from(accounts)
    .where(inArray(accounts.id, ids));
  const pending = await db
    .select()
    .from(pendingRoles)
    .where(
      inArray(
        pendingRoles.serviceId,
        rows.map((s) => s.id),
      ),
    );
  const handle = (id: string) => people.find((p) => p.id === id)!.handle;
  return rows.map((s) => ({
    id: s.id,
    name: s.name,
    kind: s.kind,
    holder: handle(s.holderId),
    contacts: { admin: handle(s.adminId), tech: handle(s.techId), billing: handle(s.billingId) },
    pendingChanges: pending.filter((p) => p.serviceId === s.id).map((p) => ({ role: p.role, changeId: p.changeId })),
  }));
}

export default fp(
  async (appRoot: FastifyInstance) => {
    const app = appRoot.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/v1/services',
      {
        onRequest: app.requireAccount,
        schema: {
          tags: ['services'],
          summary:
            'Services where I am the holder or a contact; for a sub-account, also those of its account that it may view',
          response: { 200: z.object({ items: z.array(serviceSchema) }), 401: problemSchema },
        },
      },
      async (request) => {
        const rows = await app.db
          .select()
          .from(services)
          .where(servicesScope(actorOf(request.account!)))
          .orderBy(services.name);
        return { items: await presentServices(app.db, rows) };
      },
    );
  },
  { name: 'services', dependencies: ['auth'] },
);
