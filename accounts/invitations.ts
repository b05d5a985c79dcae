import type { Context } from '../core/context.js';
import { INVITATION_DAYS, type Permission } from '../domain/contact.js';
import { newId } from '../domain/ids.js';
import { hashPassword } from '../domain/passwords.js';
import { isInvitationToken } from '../domain/tokens.js';
import {
  accountOfUsableInvitation,
  findOpenInvitation,
  recordInvitation,
  redeemInvitation,
  takeBackInvitation,
  uninviteContact,
  withdrawOpenInvitations,
} from '../db/invitations.js';
import type { Account, Invitation } from '../db/schema.js';
import type { invitationEmail } from '../workflows/invitation.js';
import { findContact, requireOwner } from './contacts.js';
import { requireStrongPassword } from './passwords.js';
import { Problem } from '../core/problems.js';

/** Sub-accounts: a contact invited by email, with a single-use link to choose its password. */

/**
 * Invites a contact to become a sub-account with these permissions, or sends a new link to one already invited
 * (the older link stops working). The email goes out through Temporal, retried while the provider is down.
 */
export async function invite(
  ctx: Context,
  account: Account,
  id: string,
  permissions: Permission[],
): Promise<{ contact: Account; invitation: Invitation }> {
  const actor = requireOwner(account);
  const contact = await findContact(ctx, actor, id);
  if (contact.access === 'active' || contact.access === 'deactivated') {
    throw new Problem('alreadySubAccount', `${contact.name} is already a sub-account; change its permissions instead.`);
  }
  const now = new Date();
  const invitation = {
    id: newId(),
    accountId: contact.id,
    invitedById: actor.id,
    createdAt: now,
    expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
  };
  const updated = await recordInvitation(ctx.db, invitation, permissions);
  try {
    await ctx.temporal.workflow.start<typeof invitationEmail>('invitationEmail', {
      workflowId: `invitation-${invitation.id}`,
      taskQueue: ctx.config.temporal.taskQueue,
      args: [{ invitationId: invitation.id }],
    });
  } catch (err) {
    // Nothing half-done: without its email the invitation is taken back, and the contact is as it was.
    await takeBackInvitation(ctx.db, invitation.id, contact);
    ctx.log.error({ err, invitationId: invitation.id }, 'could not start the invitation email');
    throw new Problem('unavailable', 'The invitation could not be sent; nothing was changed. Try again in a moment.');
  }
  // Only once the new link is on its way does the older one stop working.
  await withdrawOpenInvitations(ctx.db, contact.id, invitation.id);
  return { contact: updated, invitation: { ...invitation, usedAt: null, withdrawnAt: null } };
}

/** Takes an invitation back before it is accepted: its link stops working and the contact is a contact again. */
export async function withdraw(ctx: Context, account: Account, id: string): Promise<Account> {
  const actor = requireOwner(account);
  const contact = await findContact(ctx, actor, id);
  if (contact.access !== 'invited')
    throw new Problem('noPendingInvitation', `${contact.name} has no invitation waiting to be accepted.`);
  return uninviteContact(ctx.db, contact.id);
}

/** The invitation of a contact that is neither used nor withdrawn, expired or not: the pages say until when, or since
 * when. */
export async function openInvitation(ctx: Context, accountId: string): Promise<Invitation | null> {
  return findOpenInvitation(ctx.db, accountId);
}

const unusable = () =>
  new Problem(
    'invitationNotValid',
    'This invitation link is not valid: it was already used, withdrawn, replaced by a newer one, or it expired. Ask the person who invited you to send a new one.',
  );

/** Who an invitation is for, while its link is usable; the page greets them by name. */
export async function invitationFor(ctx: Context, invitationId: string, token: string): Promise<Account> {
  if (!isInvitationToken(ctx.config.tokenSecret, invitationId, token)) throw unusable();
  const account = await accountOfUsableInvitation(ctx.db, invitationId);
  if (!account || account.access !== 'invited' || account.deletedAt) throw unusable();
  return account;
}

/**
 * Accepts an invitation: the link works once, and the contact becomes an active sub-account with this password, which
 * must be strong enough (`weakPassword`).
 */
export async function acceptInvitation(
  ctx: Context,
  invitationId: string,
  token: string,
  password: string,
): Promise<Account> {
  const invitee = await invitationFor(ctx, invitationId, token);
  await requireStrongPassword(invitee, password, 'password');
  const passwordHash = await hashPassword(password);
  const account = await redeemInvitation(ctx.db, invitationId, passwordHash);
  if (!account) throw unusable();
  return account;
}
