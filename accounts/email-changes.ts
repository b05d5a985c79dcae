import type { Context, Requester } from '../core/context.js';
import { Problem } from '../core/problems.js';
import { findAccount } from '../db/accounts.js';
import {
  addressInBook,
  cancelEmailChange,
  cancelOpenEmailChanges,
  findEmailChange,
  insertEmailChange,
  pendingEmailChanges,
} from '../db/email-changes.js';
import type { Account, EmailChange } from '../db/schema.js';
import { actorOf } from '../domain/access.js';
import { PERMISSIONS, known } from '../domain/contact.js';
import { EMAIL_CHANGE_HOURS } from '../domain/email-changes.js';
import { newId } from '../domain/ids.js';
import { isLinkToken, type LinkPurpose } from '../domain/tokens.js';
import { recordActivity } from './activity.js';
import { addressTaken, linkNotValid, switchAddress } from './address-switch.js';
import { findContact, requireOwner } from './contacts.js';
import { invite } from './invitations.js';
import { sendAccountEmail } from './notify.js';

/**
 * Address changes that wait for a confirmation: the address of an account, or of a sub-account in its holder's book.
 * A single-use link goes to the new address and a notice to the old one, whose own link cancels the change and ends
 * every session of the account. The address in use changes only when the first link is followed. The links' secrets
 * are derived from the change's id and their purpose, never stored.
 */

/** The change of each account that waits for its confirmation. */
export function pendingAddresses(ctx: Context, accountIds: string[]): Promise<Map<string, EmailChange>> {
  return pendingEmailChanges(ctx.db, accountIds);
}

export async function pendingAddress(ctx: Context, accountId: string): Promise<EmailChange | null> {
  return (await pendingAddresses(ctx, [accountId])).get(accountId) ?? null;
}

/** The address is free in the account's book (itself and the contacts of its keeper, or its own contacts). */
export async function assertAddressFree(ctx: Context, account: Account, email: string): Promise<void> {
  if (await addressInBook(ctx.db, account.keptById ?? account.id, email, account.id)) throw addressTaken(email);
}

/**
 * Asks to give `account` the address `email`: nothing changes until the link sent there is followed. A newer change
 * replaces an older one, once its emails are on their way; when they cannot be sent, nothing was changed.
 */
export async function startEmailChange(
  ctx: Context,
  account: Account,
  requestedBy: Account,
  email: string,
  from: Requester,
): Promise<EmailChange> {
  await assertAddressFree(ctx, account, email);
  const createdAt = new Date();
  const change = {
    id: newId(),
    accountId: account.id,
    oldEmail: account.email,
    newEmail: email.trim(),
    requestedById: requestedBy.id,
    createdAt,
    expiresAt: new Date(createdAt.getTime() + EMAIL_CHANGE_HOURS * 3_600_000),
  };
  await insertEmailChange(ctx.db, change);
  try {
    await sendAccountEmail(ctx, { kind: 'emailConfirm', id: change.id });
    await sendAccountEmail(ctx, { kind: 'emailNotice', id: change.id });
  } catch (err) {
    await cancelEmailChange(ctx.db, change.id, { endSessions: false });
    ctx.log.error({ err, emailChangeId: change.id }, 'could not start the address change emails');
    throw new Problem(
      'unavailable',
      'The confirmation link could not be sent; the address was not changed. Try again in a moment.',
    );
  }
  await cancelOpenEmailChanges(ctx.db, account.id, change.id);
  await recordActivity(ctx, account.id, 'emailChangeRequested', from, {
    emailChangeId: change.id,
    newEmail: change.newEmail,
    by: requestedBy.handle,
  });
  return { ...change, confirmedAt: null, cancelledAt: null };
}

/** The change a link is for, while its link works: the right secret, neither used nor cancelled (nor expired). */
async function changeOfLink(
  ctx: Context,
  id: string,
  token: string,
  purpose: LinkPurpose,
  { expires }: { expires: boolean },
): Promise<EmailChange> {
  if (!isLinkToken(ctx.config.tokenSecret, purpose, id, token)) throw linkNotValid();
  const change = await findEmailChange(ctx.db, id);
  if (!change || change.confirmedAt || change.cancelledAt) throw linkNotValid();
  if (expires && change.expiresAt.getTime() <= Date.now()) throw linkNotValid();
  return change;
}

/**
 * Follows the confirmation link: the account takes its new address, the requests that waited for it end, and the old
 * address is told (with those requests). The link works once, for EMAIL_CHANGE_HOURS.
 */
export async function confirmEmailChange(
  ctx: Context,
  id: string,
  token: string,
  from: Requester,
): Promise<{ account: Account; ended: string[] }> {
  const change = await changeOfLink(ctx, id, token, 'email-confirm', { expires: true });
  const account = await findAccount(ctx.db, change.accountId);
  if (!account || account.deletedAt) throw linkNotValid();
  const done = await switchAddress(ctx, account, { email: change.newEmail }, change.id);
  await addressChanged(ctx, done.account, change.id, done.ended, change.oldEmail, from);
  await reinvite(ctx, done.account);
  return done;
}

/**
 * The link of an invitation not yet accepted went to the former address, and stopped working with it: a new one goes
 * to the confirmed address, as the holder's "send a new link" would. Should it fail, the holder can send it.
 */
async function reinvite(ctx: Context, account: Account): Promise<void> {
  const keeper = account.access === 'invited' && account.keptById ? await findAccount(ctx.db, account.keptById) : null;
  if (!keeper) return;
  await invite(ctx, keeper, account.id, known(PERMISSIONS, account.permissions)).catch((err: unknown) =>
    ctx.log.error({ err, accountId: account.id }, 'could not send the invitation to the confirmed address'),
  );
}

/** Keeps an address change made at once (a plain contact's, by its holder), for the email to its old address. */
export async function recordAddressChange(
  ctx: Context,
  requestedBy: Account,
  oldEmail: string,
  account: Account,
): Promise<string> {
  const at = new Date();
  const change = {
    id: newId(),
    accountId: account.id,
    oldEmail,
    newEmail: account.email,
    requestedById: requestedBy.id,
  };
  await insertEmailChange(ctx.db, { ...change, createdAt: at, expiresAt: at, confirmedAt: at });
  return change.id;
}

/** What follows an address change: the account's activity, and the email to the address it had. */
export async function addressChanged(
  ctx: Context,
  account: Account,
  emailChangeId: string,
  ended: string[],
  oldEmail: string,
  from: Requester,
): Promise<void> {
  await recordActivity(ctx, account.id, 'emailChanged', from, {
    emailChangeId,
    oldEmail,
    newEmail: account.email,
    endedRequests: ended,
  });
  // The address has changed and the requests have ended: an email that cannot be started now is logged, not undone.
  await sendAccountEmail(ctx, { kind: 'emailChanged', id: emailChangeId }).catch((err: unknown) =>
    ctx.log.error({ err, emailChangeId }, 'could not start the address-changed email'),
  );
}

/**
 * Follows the old address's link: the change is cancelled and every web session of the account ends, for whoever
 * asked for the change may hold one. Works until the change is confirmed or cancelled.
 */
export async function cancelEmailChangeByLink(
  ctx: Context,
  id: string,
  token: string,
  from: Requester,
): Promise<{ accountId: string }> {
  const change = await changeOfLink(ctx, id, token, 'email-cancel', { expires: false });
  if (!(await cancelEmailChange(ctx.db, change.id, { endSessions: true }))) throw linkNotValid();
  await recordActivity(ctx, change.accountId, 'emailChangeCancelled', from, {
    emailChangeId: change.id,
    newEmail: change.newEmail,
    signedOut: true,
  });
  return { accountId: change.accountId };
}

/** Whose address the signed-in account may change: its own as account holder, never its holder's as a sub-account. */
export function requireAddressHolder(viewer: Account): void {
  const actor = actorOf(viewer);
  if (actor.subAccount)
    throw new Problem(
      'emailHolderOnly',
      "Only the account holder may change the account's email address, even with the profile permission.",
      { field: 'email' },
    );
}

/**
 * Withdraws the change that waits for confirmation: of the account's own address (`contactId` null), or of a
 * sub-account's in its book. The account holder only.
 */
export async function withdrawEmailChange(
  ctx: Context,
  viewer: Account,
  contactId: string | null,
  from: Requester,
): Promise<void> {
  let account = viewer;
  if (contactId) account = await findContact(ctx, requireOwner(viewer), contactId);
  else requireAddressHolder(viewer);
  const pending = await pendingAddress(ctx, account.id);
  const cancelled = pending && (await cancelEmailChange(ctx.db, pending.id, { endSessions: false }));
  if (!cancelled) throw new Problem('noPendingEmailChange', 'No address change is waiting for confirmation.');
  await recordActivity(ctx, account.id, 'emailChangeCancelled', from, {
    emailChangeId: cancelled.id,
    newEmail: cancelled.newEmail,
    withdrawnBy: viewer.handle,
  });
}
