import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { accounts, invitations, type Account, type Invitation } from './schema.js';

// Who the emails of the contact book go to: an invitation's invitee and inviter, the contacts subscribed to copies.

export async function loadAccount(db: Db, id: string): Promise<Account | null> {
  const [account] = await db.select().from(accounts).where(eq(accounts.id, id));
  return account ?? null;
}

/** An invitation with the account it invites, or null. */
export async function loadInvitation(
  db: Db,
  invitationId: string,
): Promise<{ invitation: Invitation; account: Account } | null> {
  const [found] = await db
    .select({ invitation: invitations, account: accounts })
    .from(invitations)
    .innerJoin(accounts, eq(accounts.id, invitations.accountId))
    .where(eq(invitations.id, invitationId));
  return found ?? null;
}

/** The contacts a holder keeps (not deleted) subscribed to any of `categories`, by last name. */
export async function loadSubscribers(db: Db, holderId: string, categories: string[]): Promise<Account[]> {
  return db
    .select()
    .from(accounts)
    .where(
      and(
        eq(accounts.keptById, holderId),
        isNull(accounts.deletedAt),
        sql`${accounts.emailCategories} && ${sql.param(categories)}::text[]`,
      ),
    )
    .orderBy(asc(accounts.lastName), asc(accounts.id));
}
