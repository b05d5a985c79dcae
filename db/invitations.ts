import { TransactionRollbackError, and, desc, eq, gt, isNull, ne } from 'drizzle-orm';
import type { Db } from './client.js';
import { accounts, invitations, type Account, type Invitation } from './schema.js';

// A sub-account's invitations, and the access of the contact that goes with them: each function that changes both
// changes them in one transaction.

/** The database or a transaction. */
type Executor = Pick<Db, 'update'>;

const openOf = (accountId: string) =>
  and(eq(invitations.accountId, accountId), isNull(invitations.usedAt), isNull(invitations.withdrawnAt));

/** Usable: neither used nor withdrawn, and not expired. */
const usable = (id: string) =>
  and(
    eq(invitations.id, id),
    isNull(invitations.usedAt),
    isNull(invitations.withdrawnAt),
    gt(invitations.expiresAt, new Date()),
  );

/** The open invitations of a contact stop working, all or all but `exceptId`. */
export async function withdrawOpenInvitations(db: Executor, accountId: string, exceptId?: string) {
  await db
    .update(invitations)
    .set({ withdrawnAt: new Date() })
    .where(and(openOf(accountId), exceptId ? ne(invitations.id, exceptId) : undefined));
}

/** Records the invitation and makes its contact invited with these permissions, together. */
export async function recordInvitation(
  db: Db,
  invitation: Omit<Invitation, 'usedAt' | 'withdrawnAt'>,
  permissions: string[],
): Promise<Account> {
  return db.transaction(async (tx) => {
    await tx.insert(invitations).values(invitation);
    const [row] = await tx
      .update(accounts)
      .set({ access: 'invited', permissions, updatedAt: invitation.createdAt })
      .where(eq(accounts.id, invitation.accountId))
      .returning();
    return row!;
  });
}

/** Undoes `recordInvitation`: the invitation is withdrawn, and the contact's access and permissions are as given. */
export async function takeBackInvitation(
  db: Db,
  invitationId: string,
  contact: Pick<Account, 'id' | 'access' | 'permissions'>,
) {
  await db.transaction(async (tx) => {
    await tx.update(invitations).set({ withdrawnAt: new Date() }).where(eq(invitations.id, invitationId));
    await tx
      .update(accounts)
      .set({ access: contact.access, permissions: contact.permissions })
      .where(eq(accounts.id, contact.id));
  });
}

/** Withdraws the open invitations of a contact and makes it a contact without access again, together. */
export async function uninviteContact(db: Db, accountId: string): Promise<Account> {
  return db.transaction(async (tx) => {
    await withdrawOpenInvitations(tx, accountId);
    const [row] = await tx
      .update(accounts)
      .set({ access: 'none', permissions: [], updatedAt: new Date() })
      .where(eq(accounts.id, accountId))
      .returning();
    return row!;
  });
}

/** The latest invitation of a contact that is neither used nor withdrawn, expired or not. */
export async function findOpenInvitation(db: Db, accountId: string): Promise<Invitation | null> {
  const [row] = await db
    .select()
    .from(invitations)
    .where(openOf(accountId))
    .orderBy(desc(invitations.createdAt))
    .limit(1);
  return row ?? null;
}

/** The account a usable invitation is for, whatever its access now; null when the invitation is not usable. */
export async function accountOfUsableInvitation(db: Db, invitationId: string): Promise<Account | null> {
  const [row] = await db
    .select({ account: accounts })
    .from(invitations)
    .innerJoin(accounts, eq(accounts.id, invitations.accountId))
    .where(usable(invitationId));
  return row?.account ?? null;
}

/**
 * Uses the invitation and makes its contact an active sub-account with this password, together; null, with nothing
 * written, when the invitation is no longer usable or its contact no longer invited.
 */
export async function redeemInvitation(db: Db, invitationId: string, passwordHash: string): Promise<Account | null> {
  try {
    return await db.transaction(async (tx) => {
      // The condition makes the link single-use even when it is posted twice at the same moment.
      const [used] = await tx.update(invitations).set({ usedAt: new Date() }).where(usable(invitationId)).returning();
      if (!used) return null;
      const [row] = await tx
        .update(accounts)
        .set({ passwordHash, access: 'active', updatedAt: new Date() })
        .where(and(eq(accounts.id, used.accountId), eq(accounts.access, 'invited')))
        .returning();
      // The contact is no longer invited: the invitation stays unused.
      if (!row) tx.rollback();
      return row!;
    });
  } catch (err) {
    if (err instanceof TransactionRollbackError) return null;
    throw err;
  }
}
