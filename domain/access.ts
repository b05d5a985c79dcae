import type { Role } from './contact-change.js';
import { PERMISSIONS, known, type Permission } from './contact.js';
import { isInvolved, mayRequestChange, type ServiceContacts } from './permissions.js';

/** The fields of an account that decide what it may do. */
export interface AccountAccess {
  id: string;
  role: 'customer' | 'support';
  active: boolean;
  keptById: string | null;
  access: 'none' | 'invited' | 'active' | 'deactivated';
  permissions: string[];
}

/**
 * Who is asking, and for whom. A customer acts for itself with every permission; a sub-account acts for the
 * account that keeps it, within its permissions, and also for itself where it is named on a service.
 */
export interface Actor {
  id: string;
  /** Whose customer area this is: the account itself, or the keeper of a sub-account. */
  principalId: string;
  subAccount: boolean;
  support: boolean;
  permissions: ReadonlySet<Permission>;
}

/** A customer account, support staff or an active sub-account; a contact without access, never. */
export const maySignIn = (a: AccountAccess): boolean => a.active && (a.keptById === null || a.access === 'active');

export function actorOf(a: AccountAccess): Actor {
  const subAccount = a.keptById !== null;
  return {
    id: a.id,
    principalId: a.keptById ?? a.id,
    subAccount,
    support: a.role === 'support',
    permissions: new Set(subAccount ? known(PERMISSIONS, a.permissions) : PERMISSIONS),
  };
}

export const can = (actor: Actor, permission: Permission): boolean => actor.permissions.has(permission);

/** Domains have their own permissions; every other service (hosting, server...) falls under "services". */
export const areaOf = (kind: string): 'domains' | 'services' =>
  kind.trim().toLowerCase() === 'domain' ? 'domains' : 'services';

export interface ServiceLike extends ServiceContacts {
  kind: string;
}

/** The service names the actor itself, or the actor's keeper and the actor may view that kind of service. */
export function maySeeService(actor: Actor, service: ServiceLike): boolean {
  if (isInvolved(service, actor.id)) return true;
  return actor.subAccount && can(actor, `${areaOf(service.kind)}.view`) && isInvolved(service, actor.principalId);
}

/** As the holder, admin contact or holder of its own roles; a sub-account also as its keeper, with the manage
 * permission. */
export function mayChangeRoles(actor: Actor, service: ServiceLike, roles: readonly Role[]): boolean {
  if (mayRequestChange(service, actor.id, roles)) return true;
  return (
    actor.subAccount &&
    can(actor, `${areaOf(service.kind)}.manage`) &&
    mayRequestChange(service, actor.principalId, roles)
  );
}

/**
 * Who may be named as the incoming contact of a service: a customer account (with a password or not: the provider
 * may create accounts that sign in elsewhere), or a contact the service's holder keeps in its own book. Never
 * support staff, nor a contact kept in another customer's book.
 */
export const mayTakeRoleOf = (account: Pick<AccountAccess, 'role' | 'keptById'>, service: ServiceLike): boolean =>
  account.role === 'customer' && (account.keptById === null || account.keptById === service.holderId);
