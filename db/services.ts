import { and, eq, inArray, or } from 'drizzle-orm';
import type { Actor } from '../domain/access.js';
import { PENDING_STATES } from '../domain/contact-change.js';
import type { Db } from './client.js';
import { accounts, contactChanges, pendingRoles, services, type NewService, type Service } from './schema.js';
import { involved, servicesScope } from './scope.js';

export async function insertService(db: Db, values: NewService): Promise<Service> {
  const [row] = await db.insert(services).values(values).returning();
  return row!;
}

export async function findService(db: Db, id: string): Promise<Service | null> {
  const [row] = await db.select().from(services).where(eq(services.id, id));
  return row ?? null;
}

/** The services an actor sees (see servicesScope), by name. */
export function listServices(db: Db, actor: Actor): Promise<Service[]> {
  return db.select().from(services).where(servicesScope(actor)).orderBy(services.name);
}

/** The handles and names of the accounts the services name, and their pending roles: what a list of services shows. */
export async function serviceFacts(db: Db, rows: Service[]) {
  const ids = [...new Set(rows.flatMap((s) => [s.holderId, s.adminId, s.techId, s.billingId]))];
  const [people, pending] = await Promise.all([
    db
      .select({ id: accounts.id, handle: accounts.handle, name: accounts.name })
      .from(accounts)
      .where(inArray(accounts.id, ids)),
    db
      .select()
      .from(pendingRoles)
      .where(
        inArray(
          pendingRoles.serviceId,
          rows.map((s) => s.id),
        ),
      ),
  ]);
  return { people: new Map(people.map((p) => [p.id, p])), pending };
}

/** The roles of a service that a pending request is moving. */
export function pendingRolesOf(db: Db, serviceId: string) {
  return db.select().from(pendingRoles).where(eq(pendingRoles.serviceId, serviceId));
}

/** The names of these services, alphabetically. */
export async function serviceNames(db: Db, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.select({ name: services.name }).from(services).where(inArray(services.id, ids));
  return rows.map((r) => r.name).sort((a, b) => a.localeCompare(b));
}

/** Up to `limit` of the services that name the account in a role. */
export function servicesNaming(db: Db, accountId: string, limit: number): Promise<Service[]> {
  return db.select().from(services).where(involved(accountId)).limit(limit);
}

/** Up to `limit` of the pending requests that name the account: as outgoing or incoming contact, or as the asker. */
export async function pendingRequestsNaming(db: Db, accountId: string, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: contactChanges.id })
    .from(contactChanges)
    .where(
      and(
        or(
          eq(contactChanges.fromId, accountId),
          eq(contactChanges.toId, accountId),
          eq(contactChanges.askedById, accountId),
        ),
        inArray(contactChanges.state, [...PENDING_STATES]),
      ),
    )
    .limit(limit);
  return rows.map((r) => r.id);
}
