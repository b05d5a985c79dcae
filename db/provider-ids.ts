import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Role } from '../domain/contact-change.js';
import { sameAddress } from '../domain/email-changes.js';
import { holderOf } from '../domain/permissions.js';
import { now, type Db, type Tx } from './client.js';
import {
  accounts,
  contactChanges,
  pendingRoles,
  services,
  type Account,
  type NewAccount,
  type NewService,
  type Service,
} from './schema.js';

/**
 * The provider's own ids (`external_id`) on accounts and services: what its systems write through the admin API to keep
 * Countersign in step with them.
 */

export async function findAccountByExternalId(db: Db, externalId: string): Promise<Account | null> {
  const [row] = await db.select().from(accounts).where(eq(accounts.externalId, externalId));
  return row ?? null;
}

export async function findServiceByExternalId(db: Db, externalId: string): Promise<Service | null> {
  const [row] = await db.select().from(services).where(eq(services.externalId, externalId));
  return row ?? null;
}

/** A page of the accounts the provider manages (not the contacts customers keep in their books), by id. */
export function accountsAfter(db: Db, after: string | undefined, limit: number): Promise<Account[]> {
  return db
    .select()
    .from(accounts)
    .where(and(isNull(accounts.keptById), after === undefined ? undefined : gt(accounts.id, after)))
    .orderBy(asc(accounts.id))
    .limit(limit);
}

/** A page of the services the provider has not removed, by id. */
export function servicesAfter(db: Db, after: string | undefined, limit: number): Promise<Service[]> {
  return db
    .select()
    .from(services)
    .where(and(isNull(services.deletedAt), after === undefined ? undefined : gt(services.id, after)))
    .orderBy(asc(services.id))
    .limit(limit);
}

export type ServiceValues = Pick<NewService, 'name' | 'kind' | 'holderId' | 'adminId' | 'techId' | 'billingId'>;

const SERVICE_FIELDS = ['name', 'kind', 'holderId', 'adminId', 'techId', 'billingId'] as const;

/** Whether the stored service is as the provider writes it already; a removed one is not (writing brings it back). */
export const sameService = (row: Service, values: ServiceValues): boolean =>
  row.deletedAt === null && SERVICE_FIELDS.every((key) => row[key] === values[key]);

/** Whether a service of this kind has its changes applied by the provider (PROVIDER_APPLIES). */
export type ProviderApplies = (kind: string) => boolean;

export type ServiceWrite =
  | { outcome: 'created' | 'updated' | 'unchanged'; service: Service }
  /** Requests moving a role the write changes: they end first, then the write is tried again. */
  | { outcome: 'pending'; changeIds: string[] }
  /** Requests moving a role the write changes that the provider is applying: none can end, and nothing is written. */
  | { outcome: 'applying'; changeIds: string[] }
  /** Created by another call at the same moment: the write is tried again, as an update of it. */
  | { outcome: 'raced' };

const ROLES: Role[] = ['admin', 'tech', 'billing'];

/**
 * The requests moving these roles of the service (all of them when none are given), and those among them that are
 * `doing` for a kind the provider applies: both contacts accepted, and only the provider's word ends them.
 */
async function requestsOn(tx: Tx, service: Service, providerApplies: ProviderApplies, roles?: Role[]) {
  const rows = await tx
    .selectDistinct({ changeId: pendingRoles.changeId, state: contactChanges.state })
    .from(pendingRoles)
    .innerJoin(contactChanges, eq(contactChanges.id, pendingRoles.changeId))
    .where(and(eq(pendingRoles.serviceId, service.id), roles ? inArray(pendingRoles.role, roles) : undefined));
  const applying = providerApplies(service.kind) ? rows.filter((r) => r.state === 'doing') : [];
  return { changeIds: rows.map((r) => r.changeId), applying: applying.map((r) => r.changeId) };
}

/**
 * Creates or updates the service known by this id, unless a pending request moves a role the write changes. The row
 * is locked for the write, so that a request being made either is found pending or finds the change (insertChange).
 * A removed service written again is back.
 */
export async function writeServiceByExternalId(
  db: Db,
  externalId: string,
  values: ServiceValues & { id: string },
  providerApplies: ProviderApplies,
): Promise<ServiceWrite> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(services).where(eq(services.externalId, externalId)).for('update');
    if (!row) {
      const [created] = await tx
        .insert(services)
        .values({ ...values, externalId })
        .onConflictDoNothing({ target: services.externalId })
        .returning();
      return created ? { outcome: 'created', service: created } : { outcome: 'raced' };
    }
    const moved = ROLES.filter((role) => holderOf(row, role) !== holderOf(values, role));
    if (moved.length > 0) {
      const busy = await requestsOn(tx, row, providerApplies, moved);
      if (busy.applying.length > 0) return { outcome: 'applying', changeIds: busy.applying };
      if (busy.changeIds.length > 0) return { outcome: 'pending', changeIds: busy.changeIds };
    }
    if (sameService(row, values)) return { outcome: 'unchanged', service: row };
    const { id: _id, ...fields } = values;
    const [updated] = await tx
      .update(services)
      .set({ ...fields, deletedAt: null, updatedAt: now() })
      .where(eq(services.id, row.id))
      .returning();
    return { outcome: 'updated', service: updated! };
  });
}

export type ServiceRemoval =
  /** Removed (or removed already); these requests were pending on it, and the caller ends them. */
  | { outcome: 'removed'; changeIds: string[] }
  /**
   * Requests on it that the provider is applying: none can end, and nothing is written (`removed`: the service was
   * out of customers' pages already, as when a request reached `doing` after an earlier round removed it).
   */
  | { outcome: 'applying'; changeIds: string[]; removed: boolean };

/**
 * Takes the service out of customers' pages (kept for the history of past requests); no request can be made for it
 * from then on. Null when there is no such service.
 */
export async function removeServiceByExternalId(
  db: Db,
  externalId: string,
  providerApplies: ProviderApplies,
): Promise<ServiceRemoval | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(services).where(eq(services.externalId, externalId)).for('update');
    if (!row) return null;
    const busy = await requestsOn(tx, row, providerApplies);
    if (busy.applying.length > 0) {
      return { outcome: 'applying', changeIds: busy.applying, removed: row.deletedAt !== null };
    }
    if (!row.deletedAt) {
      await tx.update(services).set({ deletedAt: now(), updatedAt: now() }).where(eq(services.id, row.id));
    }
    return { outcome: 'removed', changeIds: busy.changeIds };
  });
}

/** The fields the provider's customer database owns; the address is changed apart (switchAddress). */
export type AccountFields = Pick<Account, 'firstName' | 'lastName' | 'language' | 'role' | 'handle'>;

/** An account as the provider writes it: its fields and address; a handle left out keeps the stored one. */
export type AccountByProvider = Omit<AccountFields, 'handle'> & { handle?: string; email: string };

/** What of the stored account differs from what the provider writes: its fields, its address (case aside). */
export function accountChanges(row: Account, input: AccountByProvider): { fields: boolean; address: boolean } {
  return {
    fields:
      row.firstName !== input.firstName ||
      row.lastName !== input.lastName ||
      row.language !== input.language ||
      row.role !== input.role ||
      (input.handle !== undefined && row.handle !== input.handle),
    address: !sameAddress(row.email, input.email),
  };
}

/** Raises a unique violation (see isUniqueViolation) when the handle is taken. */
export async function updateAccountFields(db: Db, id: string, fields: Partial<AccountFields>): Promise<Account> {
  const [row] = await db
    .update(accounts)
    .set({ ...fields, updatedAt: now() })
    .where(eq(accounts.id, id))
    .returning();
  return row!;
}

/** The accounts known by these ids of the provider (an import's batch). */
export function accountsByExternalIds(db: Db, externalIds: string[]): Promise<Account[]> {
  return externalIds.length
    ? db.select().from(accounts).where(inArray(accounts.externalId, externalIds))
    : Promise.resolve([]);
}

/** The services known by these ids of the provider (an import's batch). */
export function servicesByExternalIds(db: Db, externalIds: string[]): Promise<Service[]> {
  return externalIds.length
    ? db.select().from(services).where(inArray(services.externalId, externalIds))
    : Promise.resolve([]);
}

/** New accounts in one statement; a row whose handle or id is taken is left out. Answers the ids of those inserted. */
export async function insertAccountsIfFree(db: Db, rows: NewAccount[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const inserted = await db.insert(accounts).values(rows).onConflictDoNothing().returning({ id: accounts.id });
  return new Set(inserted.map((r) => r.id));
}

/** New services in one statement; a row whose id the provider used meanwhile is left out. Answers those inserted. */
export async function insertServicesIfFree(db: Db, rows: NewService[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const inserted = await db.insert(services).values(rows).onConflictDoNothing().returning({ id: services.id });
  return new Set(inserted.map((r) => r.id));
}
