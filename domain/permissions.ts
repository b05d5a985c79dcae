import type { Role } from './contact-change.js';

export interface ServiceContacts {
  holderId: string;
  adminId: string;
  techId: string;
  billingId: string;
}

const roleColumn = { admin: 'adminId', tech: 'techId', billing: 'billingId' } as const;

export const holderOf = (service: ServiceContacts, role: Role): string => service[roleColumn[role]];

export function rolesHeldBy(service: ServiceContacts, accountId: string): Role[] {
  return (['admin', 'tech', 'billing'] as const).filter((role) => holderOf(service, role) === accountId);
}

export function isInvolved(service: ServiceContacts, accountId: string): boolean {
  return service.holderId === accountId || rolesHeldBy(service, accountId).length > 0;
}

/**
 * The service's holder and its admin contact may change any role; a tech or billing contact
 * may hand over only a role it holds itself.
 */
export function mayRequestChange(service: ServiceContacts, accountId: string, roles: readonly Role[]): boolean {
  if (service.holderId === accountId || service.adminId === accountId) return true;
  const own = rolesHeldBy(service, accountId);
  return roles.every((role) => own.includes(role));
}
