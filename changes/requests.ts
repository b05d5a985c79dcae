import type { Context } from '../core/context.js';
import { PENDING_STATES, ROLES, type Role } from '../domain/contact-change.js';
import { newId } from '../domain/ids.js';
import { actorOf, areaOf, can, mayChangeRoles, maySeeService, mayTakeRoleOf } from '../domain/access.js';
import { holderOf } from '../domain/permissions.js';
import { loadChangeView, type ChangeView } from '../db/queries.js';
import { findAccount, findAccountByHandle, findAccountsById } from '../db/accounts.js';
import { insertChange, removeChange } from '../db/changes.js';
import type { Account, Service } from '../db/schema.js';
import { findService, pendingRolesOf } from '../db/services.js';
import { cancelUpdate, resendUpdate } from '../workflows/messages.js';
import { Problem } from '../core/problems.js';
import { checkWithProvider, type CheckQuestion } from '../provider/check.js';
import { candidatesFor, type Candidate } from '../accounts/contacts.js';
import { actionProblem, runUpdate, startChangeWorkflow, withNote } from './workflow.js';

/**
 * What a person may do with contact changes, the same through the API and the web pages. Each refusal is a
 * Problem whose `field`, when set, names the input it concerns.
 */

/**
 * Who may see a request: its parties, its asker, the service's holder and admin, and support; a sub-account
 * also where its keeper is one of them and it may view that kind of service.
 */
export function maySee(account: Account, view: ChangeView): boolean {
  const { change, service } = view;
  const actor = actorOf(account);
  const people = [change.askedById, change.fromId, change.toId, service.holderId, service.adminId];
  if (actor.support || people.includes(actor.id)) return true;
  return actor.subAccount && can(actor, `${areaOf(service.kind)}.view`) && people.includes(actor.principalId);
}

/**
 * Resend and cancel: the asker, support, and within the asker's customer area whoever may manage that kind of
 * service (the keeper of a sub-account that asked, or a sub-account with the manage permission).
 */
export function mayManage(account: Account, view: ChangeView): boolean {
  const actor = actorOf(account);
  const askerArea = view.askedBy.keptById ?? view.askedBy.id;
  return (
    actor.support ||
    view.change.askedById === actor.id ||
    (askerArea === actor.principalId && can(actor, `${areaOf(view.service.kind)}.manage`))
  );
}

export async function visibleChange(ctx: Context, account: Account, id: string): Promise<ChangeView> {
  const view = await loadChangeView(ctx.db, id);
  if (!view || !maySee(account, view))
    throw new Problem('notFound', `There is no contact change ${id} that you may see.`);
  return view;
}

/** The service, when this account may ask for a change of these roles on it. */
export async function changeableService(
  ctx: Context,
  account: Account,
  serviceId: string,
  roles: Role[],
): Promise<Service> {
  const service = await findService(ctx.db, serviceId);
  const actor = actorOf(account);
  if (!service || service.deletedAt || !(maySeeService(actor, service) || actor.support)) {
    throw new Problem('notFound', `There is no service ${serviceId} among yours.`);
  }
  if (!mayChangeRoles(actor, service, roles)) {
    throw new Problem(
      'rolesNotYours',
      'Only the holder or the admin contact may change these roles; a technical or billing contact may only hand over its own role.',
      { field: 'roles' },
    );
  }
  return service;
}

/** Who gives up the roles and who takes them; every check the API makes before a request exists. */
export async function resolveTarget(ctx: Context, service: Service, roles: Role[], handle: string) {
  const fromIds = [...new Set(roles.map((role) => holderOf(service, role)))];
  if (fromIds.length > 1) {
    throw new Problem(
      'rolesHeldApart',
      "These roles are held by different contacts; ask for each contact's roles separately.",
      { field: 'roles' },
    );
  }
  const to = await findAccountByHandle(ctx.db, handle.trim().toLowerCase());
  // Support staff and the contacts another customer keeps in its book are nobody the asker may name: they are told
  // apart from an unknown handle by nothing, not even whether they are deactivated.
  if (!to || !mayTakeRoleOf(to, service))
    throw new Problem('unknownContact', `There is no account with the handle ${handle}.`, { field: 'to' });
  if (!to.active)
    throw new Problem('inactiveContact', `The account ${to.handle} is deactivated and cannot take a role.`, {
      field: 'to',
    });
  if (to.id === fromIds[0])
    throw new Problem('sameContact', `${to.handle} already holds ${roles.join(', ')}; choose another contact.`, {
      field: 'to',
    });
  const busy = await pendingRolesOf(ctx.db, service.id);
  const clash = roles.filter((role) => busy.some((b) => b.role === role));
  if (clash.length) throw busyProblem(clash, service);
  return { fromId: fromIds[0]!, to };
}

const busyProblem = (roles: string[], service: Service) =>
  new Problem(
    'changePending',
    `A pending request already moves the ${roles.join(', ')} role of ${service.name}; wait for it to end or cancel it.`,
    { field: 'roles' },
  );

export async function createChange(
  ctx: Context,
  account: Account,
  serviceId: string,
  input: { roles: Role[]; to: string },
) {
  const service = await changeableService(ctx, account, serviceId, input.roles);
  const { fromId, to } = await resolveTarget(ctx, service, input.roles, input.to);
  const { roles } = input;
  await checkWithProvider(ctx, await checkQuestion(ctx, { service, roles, fromId, to, askedBy: account }));
  const createdAt = new Date();
  const change = {
    id: newId(),
    serviceId: service.id,
    roles,
    fromId,
    toId: to.id,
    askedById: account.id,
    state: 'todo' as const,
    createdAt,
    updatedAt: createdAt,
    expiresAt: new Date(createdAt.getTime() + ctx.config.changeRequestTtlMs),
  };
  const { busy, stale } = await insertChange(ctx.db, change, {
    accountId: account.id,
    detail: { roles, to: to.handle },
  });
  if (busy.length) throw busyProblem(busy, service);
  if (stale) {
    throw new Problem(
      'serviceChanged',
      `The contacts of ${service.name} changed while the request was being made, or it was removed; ` +
        'look at the service again.',
    );
  }
  try {
    await startChangeWorkflow(ctx.temporal, ctx.config, change, service.kind);
  } catch (err) {
    await removeChange(ctx.db, change.id);
    ctx.log.error({ err, changeId: change.id }, 'could not start the contact change workflow');
    throw new Problem('unavailable', 'The request could not be started; nothing was changed. Try again in a moment.');
  }
  return (await loadChangeView(ctx.db, change.id))!;
}

/** The provider's question: who is who by our handles and its own ids. */
async function checkQuestion(
  ctx: Context,
  input: { service: Service; roles: Role[]; fromId: string; to: Account; askedBy: Account },
): Promise<CheckQuestion> {
  const from = (await findAccount(ctx.db, input.fromId))!;
  const known = (a: Account) => ({ handle: a.handle, externalId: a.externalId });
  const { service } = input;
  return {
    service: { id: service.id, name: service.name, kind: service.kind, externalId: service.externalId },
    roles: input.roles,
    from: known(from),
    to: known(input.to),
    askedBy: known(input.askedBy),
  };
}

/** Resend and cancel, while the request is pending. */
async function manageable(ctx: Context, account: Account, id: string) {
  const view = await visibleChange(ctx, account, id);
  if (!mayManage(account, view)) {
    throw new Problem(
      'notManager',
      'Only the person who asked for this change, an account allowed to manage it, or support staff, may do this.',
    );
  }
  if (!PENDING_STATES.includes(view.change.state as never)) {
    throw new Problem('notPossibleNow', `This request is already ${view.change.state}.`);
  }
  // Past the deadline the request has expired, even in the moment before the workflow writes it down: as a decision
  // would be, a cancel is refused then, rather than turning an expired request into a cancelled one.
  if (view.change.expiresAt.getTime() <= Date.now()) {
    throw new Problem('notPossibleNow', `This request expired at ${view.change.expiresAt.toISOString()}.`);
  }
  return view;
}

/** Runs a manager's Update (resend or cancel) with the person's reason kept as a note, and answers with the request. */
function managerAction(update: typeof resendUpdate | typeof cancelUpdate) {
  return async (ctx: Context, account: Account, id: string, reason?: string): Promise<ChangeView> => {
    const view = await manageable(ctx, account, id);
    await withNote(ctx.db, { changeId: view.change.id, accountId: account.id, text: reason }, (noteId) =>
      runUpdate(ctx.temporal, view.change.id, update, { by: account.id, noteId }),
    ).catch((err) => {
      throw actionProblem(err) ?? err;
    });
    return (await loadChangeView(ctx.db, view.change.id))!;
  };
}

export const resendChange = managerAction(resendUpdate);
export const cancelChange = managerAction(cancelUpdate);

/** A service as the change form offers it. */
export interface ChangeContext {
  service: Service;
  allowed: Role[];
  holders: Map<Role, Account>;
  busy: Map<Role, string>;
  /** The holder's contacts the form suggests for the new contact, as the viewer may see them. */
  candidates: Candidate[];
}

/** What the change form shows: the roles the viewer may hand over, who holds each, and which are already moving. */
export async function changeOptions(ctx: Context, viewer: Account, serviceId: string): Promise<ChangeContext> {
  const service = await changeableService(ctx, viewer, serviceId, []);
  const allowed = ROLES.filter((role) => mayChangeRoles(actorOf(viewer), service, [role]));
  if (allowed.length === 0) throw new Problem('rolesNotYours', 'You may not change any contact of this service.');
  const ids = ROLES.map((role) => holderOf(service, role));
  const [people, pending, candidates] = await Promise.all([
    findAccountsById(ctx.db, ids),
    pendingRolesOf(ctx.db, service.id),
    candidatesFor(ctx, viewer, service.holderId),
  ]);
  return {
    service,
    allowed,
    holders: new Map(ROLES.map((role) => [role, people.find((p) => p.id === holderOf(service, role))!])),
    busy: new Map(pending.map((p) => [p.role as Role, p.changeId])),
    candidates,
  };
}

/** Every check createChange makes, without creating anything; throws a Problem naming the field. */
export async function checkChange(
  ctx: Context,
  viewer: Account,
  serviceId: string,
  input: { roles: Role[]; to: string },
) {
  const service = await changeableService(ctx, viewer, serviceId, input.roles);
  const { fromId, to } = await resolveTarget(ctx, service, input.roles, input.to);
  const from = (await findAccount(ctx.db, fromId))!;
  return { service, from, to };
}
