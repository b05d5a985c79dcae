import { Problem, type ProblemCode } from '../../core/problems.js';
import { ROLES, type Language, type Role } from '../../domain/contact-change.js';
import { SERVICES } from './copy/index.js';
import { problemWords } from '../shared/problems/index.js';

export interface ChangeInput {
  roles: Role[];
  to: string;
}
export type Field = 'to' | 'roles';
/** Messages already translated, by the field they concern; `general` for the others. */
export type FieldErrors = Partial<Record<Field | 'general', string>>;

export type { ChangeContext } from '../../changes/requests.js';

/** A form body or a query: `roles` repeated, or comma-separated as the check endpoint takes it. */
export function readInput(source: unknown): ChangeInput {
  const { roles, to } = (source ?? {}) as { roles?: unknown; to?: unknown };
  const given = (Array.isArray(roles) ? roles : [roles]).flatMap((r) => (typeof r === 'string' ? r.split(',') : []));
  return {
    roles: ROLES.filter((role) => given.includes(role)),
    to: typeof to === 'string' ? to.trim().slice(0, 100) : '',
  };
}

export function requireInput(input: ChangeInput, needRoles = true) {
  if (needRoles && input.roles.length === 0)
    throw new Problem('rolesRequired', 'Choose at least one role.', { field: 'roles' });
  if (!input.to) throw new Problem('contactRequired', 'Enter the handle of the new contact.', { field: 'to' });
}

export const fieldOf = (problem: Problem): Field | undefined => {
  const field = problem.extra.field;
  return field === 'to' || field === 'roles' ? field : undefined;
};

/** The API words its problems in English for integrators; a person reads them in their language. */
export function problemMessage(problem: Problem, input: ChangeInput, lang: Language): string {
  const t = SERVICES[lang].problems;
  const byCode: Partial<Record<ProblemCode, () => string>> = {
    rolesRequired: () => t.needRole,
    contactRequired: () => t.needHandle,
    unknownContact: () => t.unknown(input.to),
    inactiveContact: () => t.inactive(input.to),
    sameContact: () => t.same(input.to),
    rolesHeldApart: () => t.different,
    changePending: () => t.busy,
    rolesNotYours: () => t.forbidden,
    notFound: () => t.notFound,
    refusedByProvider: () => problemWords(problem, lang),
    providerUnavailable: () => problemWords(problem, lang),
    serviceChanged: () => problemWords(problem, lang),
  };
  return byCode[problem.code]?.() ?? t.unavailable;
}

export function fieldErrors(problem: Problem, input: ChangeInput, lang: Language): FieldErrors {
  return { [fieldOf(problem) ?? 'general']: problemMessage(problem, input, lang) };
}
