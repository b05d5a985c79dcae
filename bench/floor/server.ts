import Fastify from 'fastify';
import postgres from 'postgres';

/** The floor for the API benchmarks: a bare Fastify route doing one primary-key SELECT on the same PostgreSQL. */
const sql = postgres(process.env.DATABASE_URL!, { max: 10 });
const app = Fastify({ logger: false });
app.get<{ Params: { id: string } }>('/floor/:id', async (request, reply) => {
  const [row] = await sql`select id, state, expires_at from contact_changes where id = ${request.params.id}`;
  if (!row) return reply.code(404).send({ title: 'Not found' });
  return row;
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.on(
  'SIGTERM',
  () =>
    void app
      .close()
      .then(() => sql.end())
      .then(() => process.exit(0)),
);
