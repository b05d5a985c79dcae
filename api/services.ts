import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { myServices, type ServiceSummary } from '../services/services.js';
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

export const presentService = ({ service, holder, contacts, pendingChanges }: ServiceSummary) => ({
  id: service.id,
  name: service.name,
  kind: service.kind,
  holder,
  contacts,
  pendingChanges,
});

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
      async (request) => ({ items: (await myServices(app.ctx, request.account!)).map(presentService) }),
    );
  },
  { name: 'services', dependencies: ['auth'] },
);
