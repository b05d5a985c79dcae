import { and, eq, isNull, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { can, type Actor } from '../domain/access.js';
import { contactChanges, services } from './schema.js';

export type Direction = 'sent' | 'received' | 'all';

/** Which kinds of the keeper's services a sub-account may view: all, domains only, the others only, or none. */
function keeperKinds(actor: Actor): 'all' | 'domains' | 'services' | null {
  if (!actor.subAccount) return null;
  const domains = can(actor, 'domains.view');
  const others = can(actor, 'services.view');
  return domains && others ? 'all' : domains ? 'domains' : others ? 'services' : null;
}

const isDomain = (kind: SQL | typeof services.kind) => sql`lower(btrim(${kind})) = 'domain'`;

/** The services that name the account in any role. */
export const involved = (id: string) =>
  or(eq(services.holderId, id), eq(services.adminId, id), eq(services.techId, id), eq(services.billingId, id))!;

/**
 * The services an actor sees: those naming it, and for a sub-account those of its keeper it may view; never one the
 * provider removed.
 */
export function servicesScope(actor: Actor): SQL {
  return and(isNull(services.deletedAt), seenServices(actor))!;
}

function seenServices(actor: Actor): SQL {
  const kinds = keeperKinds(actor);
  if (!kinds) return involved(actor.id);
  const keeper =
    kinds === 'all'
      ? involved(actor.principalId)
      : and(
          involved(actor.principalId),
          kinds === 'domains' ? isDomain(services.kind) : sql`not ${isDomain(services.kind)}`,
        )!;
  return or(involved(actor.id), keeper)!;
}

const COLUMNS = {
  sent: [contactChanges.askedById],
  received: [contactChanges.fromId, contactChanges.toId],
  all: [contactChanges.askedById, contactChanges.fromId, contactChanges.toId],
} as const;

/** Whose requests an actor's branches read: its own, and for a sub-account its keeper's of the kinds it may view. */
export const requestsShape = (actor: Actor) => keeperKinds(actor) ?? 'own';

/** An account id, or its placeholder in a statement prepared once for every account of the same shape. */
export type AccountRef = string | Placeholder;

/**
 * "My requests": sent (asked for) or received (as the outgoing or incoming contact); for a sub-account, also
 * its keeper's, on the kinds of service it may view. One condition per indexed column, so that the list can read
 * each through its own (account, created_at, id) index and merge them, rather than OR them over every row.
 */
export function requestsBranches(
  actor: Actor,
  direction: Direction,
  who: { own: AccountRef; keeper: AccountRef } = { own: actor.id, keeper: actor.principalId },
): SQL[] {
  const own = COLUMNS[direction].map((column) => eq(column, who.own));
  const kinds = keeperKinds(actor);
  if (!kinds) return own;
  const kind =
    kinds === 'all'
      ? null
      : sql`exists (select 1 from ${services} where ${services.id} = ${contactChanges.serviceId} and ${kinds === 'domains' ? sql`` : sql`not`} ${isDomain(sql`${services.kind}`)})`;
  return [
    ...own,
    ...COLUMNS[direction].map((column) => (kind ? and(eq(column, who.keeper), kind)! : eq(column, who.keeper))),
  ];
}
