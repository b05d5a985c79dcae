import type { Context, Requester } from '../core/context.js';
import { actorOf, can, type Actor } from '../domain/access.js';
import type { ContactInput, Permission } from '../domain/contact.js';
import {
  deactivateSubAccount,
  findContactOf,
  insertContact,
  isBillingContact,
  listContactsOf,
  reactivateSubAccount,
  setAccountPermissions,
  softDeleteContact,
  updateDetails,
} from '../db/accounts.js';
import { isUniqueViolation } from '../db/client.js';
import type { Account, EmailChange } from '../db/schema.js';
import { sameAddress } from '../domain/email-changes.js';
import { switchAddress } from './address-switch.js';
import { addressChanged, recordAddressChange, startEmailChange } from './email-changes.js';
import { pendingRequestsNaming, servicesNaming } from '../db/services.js';
import { Problem, isProblem } from '../core/problems.js';

/**
 * The contact book: the contacts an account keeps, and the sub-accounts among them. The API and the pages both
 * act through these functions, so that a rule holds the same everywhere. Each refusal is a Problem; `field`, when
 * set, names the input it concerns.
 */

const emailTaken = (email: string) =>
  new Problem(
    'emailTaken',
    `${email} is already used in your book, by you or by another contact; each contact has its own address.`,
    { field: 'email' },
  );

/** Reading and editing contacts: the account itself, or a sub-account with the contacts permission. */
export function requireContacts(account: Account): Actor {
  const actor = actorOf(account);
  if (actor.support) throw new Problem('noContactBook', 'Support staff have no contact book.');
  if (!can(actor, 'contacts'))
    throw new Problem(
      'contactsPermissionRequired',
      'This sub-account may not manage contacts; ask the account holder for the contacts permission.',
    );
  return actor;
}

/** Giving or taking away access to the customer area: the account holder only, never a sub-account. */
export function requireOwner(account: Account): Actor {
  const actor = actorOf(account);
  if (actor.support) throw new Problem('noContactBook', 'Support staff have no contact book.');
  if (actor.subAccount)
    throw new Problem(
      'ownerOnly',
      'Only the account holder may give, change or take away access to the customer area.',
    );
  return actor;
}

export async function listContacts(ctx: Context, account: Account): Promise<Account[]> {
  const actor = requireContacts(account);
  return listContactsOf(ctx.db, actor.principalId);
}

/** A contact the change form may suggest: its handle, and its name to tell it by. */
export interface Candidate {
  handle: string;
  name: string;
}

/**
 * The contacts of the holder's book that may take a role of its service, for the change form to suggest: only when
 * the viewer may read that book (the holder, or its sub-account with the contacts permission); none otherwise, and
 * any handle may still be typed. Deactivated ones are left out: they cannot take a role.
 */
export async function candidatesFor(ctx: Context, viewer: Account, holderId: string): Promise<Candidate[]> {
  const actor = actorOf(viewer);
  if (actor.support || actor.principalId !== holderId || !can(actor, 'contacts')) return [];
  const book = await listContactsOf(ctx.db, holderId);
  return book.filter((c) => c.active).map(({ handle, name }) => ({ handle, name }));
}

/** A contact of the asker's book; anything else (another book's, a deleted one) is not found, whoever asks. */
export async function findContact(ctx: Context, actor: Actor, id: string): Promise<Account> {
  const contact = await findContactOf(ctx.db, actor.principalId, { id });
  if (!contact) throw new Problem('notFound', `There is no contact ${id} in your book.`);
  return contact;
}

export async function getContact(ctx: Context, account: Account, id: string): Promise<Account> {
  return findContact(ctx, requireContacts(account), id);
}

export async function createContact(ctx: Context, account: Account, input: ContactInput): Promise<Account> {
  const actor = requireContacts(account);
  try {
    return await insertContact(ctx.db, actor.principalId, input);
  } catch (err) {
    if (isUniqueViolation(err)) throw emailTaken(input.email);
    throw err;
  }
}

/**
 * Edits a contact. A new address of a sub-account (invited, active or deactivated) waits for its confirmation, as an
 * account's does (`emailChange`); a plain contact, which cannot sign in, takes it at once, once the requests that
 * wait for its decision have ended.
 */
export async function updateContact(
  ctx: Context,
  account: Account,
  id: string,
  input: ContactInput,
  from: Requester,
): Promise<{ contact: Account; emailChange: EmailChange | null }> {
  const actor = requireContacts(account);
  const contact = await findContact(ctx, actor, id);
  const moving = !sameAddress(contact.email, input.email);
  if (contact.access !== 'none' && moving && actor.subAccount) {
    throw new Problem('subAccountEmail', 'Only the account holder may change the email of a sub-account.', {
      field: 'email',
    });
  }
  if (moving && contact.access === 'none') {
    return { contact: await moveContact(ctx, account, contact, input, from), emailChange: null };
  }
  const emailChange = moving ? await startEmailChange(ctx, contact, account, input.email, from) : null;
  try {
    const details = { ...input, email: moving ? contact.email : input.email };
    return { contact: await updateDetails(ctx.db, contact.id, details), emailChange };
  } catch (err) {
    if (isUniqueViolation(err)) throw emailTaken(input.email);
    throw err;
  }
}

/** A plain contact's new address, at once; its former address is told of the requests that had to end. */
async function moveContact(
  ctx: Context,
  viewer: Account,
  contact: Account,
  input: ContactInput,
  from: Requester,
): Promise<Account> {
  const moved = await switchAddress(ctx, contact, input).catch((err: unknown) => {
    throw isProblem(err, 'emailTaken') ? emailTaken(input.email) : err;
  });
  if (moved.ended.length) {
    const id = await recordAddressChange(ctx, viewer, contact.email, moved.account);
    await addressChanged(ctx, moved.account, id, moved.ended, contact.email, from);
  }
  return moved.account;
}

const ROLE_WORDS = {
  holderId: 'holder',
  adminId: 'administrative contact',
  techId: 'technical contact',
  billingId: 'billing contact',
} as const;

/** What keeps a contact from being deleted, said as what to do first; null when nothing does. */
export async function whyNotDelete(ctx: Context, contact: Account): Promise<Problem | null> {
  const held = await servicesNaming(ctx.db, contact.id, 5);
  if (held.length) {
    const roles = held.map(
      (s) =>
        `${(Object.keys(ROLE_WORDS) as (keyof typeof ROLE_WORDS)[])
          .filter((k) => s[k] === contact.id)
          .map((k) => ROLE_WORDS[k])
          .join(' and ')} of ${s.name}`,
    );
    return new Problem(
      'contactHoldsRole',
      `${contact.name} (${contact.handle}) is the ${roles.join('; ')}. Hand ${held.length > 1 || roles[0]!.includes(' and ') ? 'these roles' : 'this role'} to another contact first (My services, Change contacts), then delete the contact.`,
      { reason: 'holds-role', services: held.map((s) => s.id) },
    );
  }
  const pending = await pendingRequestsNaming(ctx.db, contact.id, 5);
  if (pending.length) {
    return new Problem(
      'contactInPendingRequest',
      `${contact.name} (${contact.handle}) is part of the pending contact change ${pending.join(', ')}. Wait for it to end, or cancel it (My requests), then delete the contact.`,
      { reason: 'pending-request', requests: pending },
    );
  }
  if (await isBillingContact(ctx.db, contact.id)) {
    return new Problem(
      'contactReceivesBilling',
      `${contact.name} (${contact.handle}) receives the account's billing information. Choose another billing contact in your profile first, then delete the contact.`,
      { reason: 'billing-contact' },
    );
  }
  return null;
}

/**
 * Deletes a contact that holds nothing. It stays in the history of past requests, out of the book; a sub-account
 * loses its sessions at once, and only the account holder may delete one.
 */
export async function deleteContact(ctx: Context, account: Account, id: string): Promise<void> {
  const actor = requireContacts(account);
  const contact = await findContact(ctx, actor, id);
  if (contact.access !== 'none' && actor.subAccount) {
    throw new Problem('ownerOnly', 'Only the account holder may delete a sub-account.');
  }
  const blocked = await whyNotDelete(ctx, contact);
  if (blocked) throw blocked;
  await softDeleteContact(ctx.db, contact);
}

export async function setPermissions(
  ctx: Context,
  account: Account,
  id: string,
  permissions: Permission[],
): Promise<Account> {
  const actor = requireOwner(account);
  const contact = await findContact(ctx, actor, id);
  if (contact.access === 'none') {
    throw new Problem(
      'notSubAccount',
      `${contact.name} is a contact without access; invite it as a sub-account first.`,
    );
  }
  return setAccountPermissions(ctx.db, contact.id, permissions);
}

/** Stops a sub-account at once: its sessions end now, its API tokens and invitation stop working. */
export async function deactivate(ctx: Context, account: Account, id: string): Promise<Account> {
  const actor = requireOwner(account);
  const contact = await findContact(ctx, actor, id);
  if (contact.access !== 'active') {
    throw new Problem(
      'notActiveSubAccount',
      contact.access === 'invited'
        ? `${contact.name} has not accepted the invitation yet; withdraw the invitation instead.`
        : `${contact.name} has no active access to deactivate.`,
    );
  }
  return deactivateSubAccount(ctx.db, contact.id);
}

export async function reactivate(ctx: Context, account: Account, id: string): Promise<Account> {
  const actor = requireOwner(account);
  const contact = await findContact(ctx, actor, id);
  if (contact.access !== 'deactivated')
    throw new Problem('notDeactivated', `${contact.name} is not a deactivated sub-account.`);
  return reactivateSubAccount(ctx.db, contact.id);
}
