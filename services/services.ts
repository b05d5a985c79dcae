import type { Context } from '../core/context.js';
import { Problem } from '../core/problems.js';
import { findAccountsByHandle, findAccount } from '../db/accounts.js';
import { insertService, listServices, serviceFacts, serviceNames } from '../db/services.js';
import type { Account, Service } from '../db/schema.js';
import { actorOf } from '../domain/access.js';
import type { Role } from '../domain/contact-change.js';
import { newId } from '../domain/ids.js';

/** A service as a list shows it: the handles of the accounts it names and the roles a pending request moves. */
export interface ServiceSummary {
  service: Service;
  holder: string;
  contacts: Record<Role, string>;
  pendingChanges: { role: string; changeId: string }[];
  /** The accounts it names, by id. */
  people: Map<string, { id: string; handle: string; name: string }>;
}

export async function summarize(ctx: Context, rows: Service[]): Promise<ServiceSummary[]> {
  if (rows.length === 0) return [];
  const { people, pending } = await serviceFacts(ctx.db, rows);
  const handle = (id: string) => people.get(id)!.handle;
  return rows.map((s) => ({
    service: s,
    holder: handle(s.holderId),
    contacts: { admin: handle(s.adminId), tech: handle(s.techId), billing: handle(s.billingId) },
    pendingChanges: pending.filter((p) => p.serviceId === s.id).map((p) => ({ role: p.role, changeId: p.changeId })),
    people,
  }));
}

/** The services the account holds or is a contact of, and for a sub-account those of its holder it may view. */
export async function myServices(ctx: Context, account: Account): Promise<ServiceSummary[]> {
  return summarize(ctx, await listServices(ctx.db, actorOf(account)));
}

export interface NewServiceInput {
  name: string;
  kind: string;
  ownerId: string;
  contacts: Record<Role, string>;
}

/** The provider creates a service, naming its holder by id and its contacts by handle. */
export async function createService(ctx: Context, input: NewServiceInput): Promise<ServiceSummary> {
  const handles = [...new Set(Object.values(input.contacts))];
  const found = await findAccountsByHandle(ctx.db, handles);
  const missing = handles.filter((h) => !found.some((a) => a.handle === h));
  if (missing.length) {
    throw new Problem('unknownContact', `There is no account with the handle ${missing.join(', ')}.`, {
      field: 'contacts',
    });
  }
  const owner = await findAccount(ctx.db, input.ownerId);
  if (!owner) throw new Problem('unknownOwner', `There is no account ${input.ownerId}.`, { field: 'ownerId' });
  const idOf = (h: string) => found.find((a) => a.handle === h)!.id;
  const row = await insertService(ctx.db, {
    id: newId(),
    name: input.name,
    kind: input.kind,
    holderId: owner.id,
    adminId: idOf(input.contacts.admin),
    techId: idOf(input.contacts.tech),
    billingId: idOf(input.contacts.billing),
  });
  return (await summarize(ctx, [row]))[0]!;
}

/** The names of the services a refusal names (by id), for a page to say which. */
export function namesOfServices(ctx: Context, ids: string[]): Promise<string[]> {
  return serviceNames(ctx.db, ids);
}

/** The names of the services the account sees (as myServices), by name: what a filter offers to choose from. */
export async function myServiceNames(ctx: Context, account: Account): Promise<{ id: string; name: string }[]> {
  return (await listServices(ctx.db, actorOf(account))).map(({ id, name }) => ({ id, name }));
}
