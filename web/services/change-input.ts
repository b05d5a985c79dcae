import { eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { changeableService, resolveTarget } from '../../changes/requests.js';
import { Problem } from '../../core/problems.js';
import { ROLES, type Language, type Role } from '../../domain/contact-change.js';
import { actorOf, mayChangeRoles } from '../../domain/access.js';
import { holderOf } from '../../domain/permissions.js';
import { accounts, pendingRoles, type Account, type Service } from '../../db/schema.js';
import { SERVICES } from './copy/index.js';

export interface ChangeInput {
  roles: Role[];
  to: string;
}
export type Field = 'to' | 'roles';
/** Messages already translated, by the field they concern; `general` for the others. */
export type FieldErrors = Partial<Record<Field | 'general', string>>;

/** What the form shows: the roles the viewer may hand over, who holds each, and which are already moving. */
export interface ChangeContext {
  service: Service;
  allowed: Role[];
  holders: Map<Role, Account>;
  busy: Map<Role, string>;
}

/** A form body or a query: `roles` repeated, or comma-separated as the check endpoint takes it. */
export function readInput(source: unknown): ChangeInput {
  const { roles, to } = (source ?? {}) as { roles?: unknown; to?: unknown };
  const given = (Array.isArray(roles) ? roles : [roles]).flatMap((r) => (typeof r === 'string' ? r.split(',') : []));
  return {
    roles: ROLES.filter((role) => given.includes(role)),
    to: typeof to === 'string' ? to.trim().slice(0, 100) : '',
  };
}

export async function loadChangeContext(
  app: FastifyInstance,
  viewer: Account,
  serviceId: string,
): Promise<ChangeContext> {
  const service = await changeableService(app.ctx, viewer, serviceId, []);
  const allowed = ROLES.filter((role) => mayChangeRoles(actorOf(viewer), service, [role]));
  if (allowed.length === 0) throw new Problem('rolesNotYours', 'You may not change any contact of this service.');
  const ids = ROLES.map((role) => holderOf(service, role));
  const people = await app.ctx.db.select().from(accounts).where(inArray(accounts.id, ids));
  const pending = await app.ctx.db.select().from(pendingRoles).where(eq(pendingRoles.serviceId, service.id));
  return {
    service,
    allowed,
    holders: new Map(ROLES.map((role) => [role, people.find((p) => p.id === holderOf(service, role))!])),
    busy: new Map(pending.map((p) => [p.role as Role, p.changeId])),
  };
}

export function requireInput(input: ChangeInput, needRoles = true) {
  if (needRoles && input.roles.length === 0)
    throw new Problem('rolesRequired', 'Choose at least one role.', { field: 'roles' });
  if (!input.to) throw new Problem('contactRequired', 'Enter the handle of the new contact.', { field: 'to' });
}

/** Every check createChange makes, without creating anything; throws a Problem naming the field. */
export async function checkChange(app: FastifyInstance, viewer: Account, serviceId: string, input: ChangeInput) {
  requireInput(input);
  const service = await changeableService(app.ctx, viewer, serviceId, input.roles);
  const { fromId, to } = await resolveTarget(app.ctx, service, input.roles, input.to);
  const [from] = await app.ctx.db.select().from(accounts).where(eq(accounts.id, fromId));
  return { service, from: from!, to };
}

export const fieldOf = (problem: Problem): Field | undefined => {
  const field = problem.extra.field;
  return field === 'to' || field === 'roles' ? field : undefined;
};

/** The API words its problems in English for integrators; a person reads them in their language. */
export function problemMessage(problem: Problem, input: ChangeInput, lang: Language): string {
  const t = SERVICES[lang].problems;
  const byTitle: Record<string, () => string> = {
    'No role': () => t.needRole,
    'No contact': () => t.needHandle,
    'Unknown contact': () => t.unknown(input.to),
    'Inactive contact': () => t.inactive(input.to),
    'Same contact': () => t.same(input.to),
    'Roles held by different contacts': () => t.different,
    'Change already pending': () => t.busy,
    Forbidden: () => t.forbidden,
    'Not found': () => t.notFound,
    'Temporarily unavailable': () => t.unavailable,
  };
  return byTitle[problem.title]?.() ?? problem.detail;
}

export function fieldErrors(problem: Problem, input: ChangeInput, lang: Language): FieldErrors {
  return { [fieldOf(problem) ?? 'general']: problemMessage(problem, input, lang) };
}
