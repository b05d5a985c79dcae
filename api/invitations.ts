import { and, desc, eq, gt, isNull, ne } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { INVITATION_DAYS, type Permission } from '../domain/contact.js';
import { newId } from '../domain/ids.js';
import { hashPassword } from '../domain/passwords.js';
import { isInvitationToken } from '../domain/tokens.js';
import { accounts, invitations, type Account, type Invitation } from '../db/schema.js';
import type { invitationEmail } from '../workflows/invitation.js';
import { findContact, requireOwner } from './book.js';
import { Problem } from './problems.js';

/** Sub-accounts: a contact invited by email, with a single-use link to choose its password. */

const withdrawOpen = (accountId: string) =>
  and(eq(invitations.accountId, accountId), isNull(invitations.usedAt), isNull(invitations.withdrawnAt));

/**
 * Invites a contact to become a sub-account with these permissions, or sends a new link to one already invited
 * (the older link stops working). The email goes out through Temporal, retried while the provider is down.
 */
export async function invite(
  app: FastifyInstance,
  account: Account,
  id: string,
  permissions: Permission[],
): Promise<{ contact: Account; invitation: Invitation }> {
  const actor = requireOwner(account);
  const contact = await findContact(app, actor, id);
  if (contact.access === 'active' || contact.access === 'deactivated') {
    throw new Problem(
      409,
      'Already a sub-account',
      `${contact.name} is already a sub-account; change its permissions instead.`,
    );
  }
  const now = new Date();
  const invitation = {
    id: newId(),
    accountId: contact.id,
    invitedById: actor.id,
    createdAt: now,
    expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
  };
  const updated = await app.db.transaction(async (tx) => {
    await tx.insert(invitations).values(invitation);
    const [row] = await tx
      .update(accounts)
      .set({ access: 'invited', permissions, updatedAt: now })
      .where(eq(accounts.id, contact.id))
      .returning();
    return row!;
  });
  try {
    await app.temporal.workflow.start<typeof invitationEmail>('invitationEmail', {
      workflowId: `invitation-${invitation.id}`,
      taskQueue: app.config.temporal.taskQueue,
      args: [{ invitationId: invitation.id }],
    });
  } catch (err) {
    // Nothing half-done: without its email the invitation is taken back, and the contact is as it was.
    await app.db.transaction(async (tx) => {
      await tx.update(invitations).set({ withdrawnAt: new Date() }).where(eq(invitations.id, invitation.id));
      await tx
        .update(accounts)
        .set({ access: contact.access, permissions: contact.permissions })
        .where(eq(accounts.id, contact.id));
    });
    app.log.error({ err, invitationId: invitation.id }, 'could not start the invitation email');
    throw new Problem(
      503,
      'Temporarily unavailable',
      'The invitation could not be sent; nothing was changed. Try again in a moment.',
    );
  }
  // Only once the new link is on its way does the older one stop working.
  await app.db
    .update(invitations)
    .set({ withdrawnAt: new Date() })
    .where(and(withdrawOpen(contact.id), ne(invitations.id, invitation.id)));
  return { contact: updated, invitation: { ...invitation, usedAt: null, withdrawnAt: null } };
}

/** Takes an invitation back before it is accepted: its link stops working and the contact is a contact again. */
export async function withdraw(app: FastifyInstance, account: Account, id: string): Promise<Account> {
  const actor = requireOwner(account);
  const contact = await findContact(app, actor, id);
  if (contact.access !== 'invited')
    throw new Problem(409, 'No pending invitation', `${contact.name} has no invitation waiting to be accepted.`);
  return app.db.transaction(async (tx) => {
    await tx.update(invitations).set({ withdrawnAt: new Date() }).where(withdrawOpen(contact.id));
    const [row] = await tx
      .update(accounts)
      .set({ access: 'none', permissions: [], updatedAt: new Date() })
      .where(eq(accounts.id, contact.id))
      .returning();
    return row!;
  });
}

/** The invitation of a contact that is neither used nor withdrawn, expired or not: the pages say until when, or since
 * when. */
export async function openInvitation(app: FastifyInstance, accountId: string): Promise<Invitation | null> {
  const [row] = await app.db
    .select()
    .from(invitations)
    .where(withdrawOpen(accountId))
    .orderBy(desc(invitations.createdAt))
    .limit(1);
  return row ?? null;
}

const unusable = () =>
  new Problem(
    410,
    'Invitation not valid',
    'This invitation link is not valid: it was already used, withdrawn, replaced by a newer one, or it expired. Ask the person who invited you to send a new one.',
  );

/** Who an invitation is for, while its link is usable; the page greets them by name. */
export async function invitationFor(app: FastifyInstance, invitationId: string, token: string): Promise<Account> {
  if (!isInvitationToken(app.config.tokenSecret, invitationId, token)) throw unusable();
  const [row] = await app.db
    .select({ account: accounts })
    .from(invitations)
    .innerJoin(accounts, eq(accounts.id, invitations.accountId))
    .where(
      and(
        eq(invitations.id, invitationId),
        isNull(invitations.usedAt),
        isNull(invitations.withdrawnAt),
        gt(invitations.expiresAt, new Date()),
      ),
    );
  if (!row || row.account.access !== 'invited' || row.account.deletedAt) throw unusable();
  return row.account;
}

/** Accepts an invitation: the link works once, and the contact becomes an active sub-account with this password. */
export async function acceptInvitation(
  app: FastifyInstance,
  invitationId: string,
  token: string,
  password: string,
): Promise<Account> {
  await invitationFor(app, invitationId, token);
  const passwordHash = await hashPassword(password);
  return app.db.transaction(async (tx) => {
    // The condition makes the link single-use even when it is posted twice at the same moment.
    const [used] = await tx
      .update(invitations)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(invitations.id, invitationId),
          isNull(invitations.usedAt),
          isNull(invitations.withdrawnAt),
          gt(invitations.expiresAt, new Date()),
        ),
      )
      .returning();
    if (!used) throw unusable();
    const [row] = await tx
      .update(accounts)
      .set({ passwordHash, access: 'active', updatedAt: new Date() })
      .where(and(eq(accounts.id, used.accountId), eq(accounts.access, 'invited')))
      .returning();
    if (!row) throw unusable();
    return row;
  });
}
