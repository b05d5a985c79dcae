import { desc, eq, ilike, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { loadChangeViews } from '../../db/queries.js';
import { accounts, contactChanges, services } from '../../db/schema.js';

/** Every request, pending or ended, whose id is `q` or whose service name or people's handles contain it; newest first.
 * */
export async function searchChanges(db: Db, q: string, limit: number) {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const from = alias(accounts, 'from_account');
  const to = alias(accounts, 'to_account');
  const asker = alias(accounts, 'asker_account');
  const rows = await db
    .select({ id: contactChanges.id })
    .from(contactChanges)
    .innerJoin(services, eq(services.id, contactChanges.serviceId))
    .innerJoin(from, eq(from.id, contactChanges.fromId))
    .innerJoin(to, eq(to.id, contactChanges.toId))
    .innerJoin(asker, eq(asker.id, contactChanges.askedById))
    .where(
      or(
        eq(contactChanges.id, q),
        ilike(services.name, pattern),
        ilike(from.handle, pattern),
        ilike(to.handle, pattern),
        ilike(asker.handle, pattern),
      ),
    )
    .orderBy(desc(contactChanges.createdAt), desc(contactChanges.id))
    .limit(limit);
  return loadChangeViews(
    db,
    rows.map((row) => row.id),
  );
}
