import { and, desc, eq, gt, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { withdrawOpenInvitations } from './invitations.js';
import {
  accountEvents,
  accounts,
  contactChanges,
  emailChanges,
  type Account,
  type EmailChange,
  type NewAccount,
} from './schema.js';
import { deleteSessionsOf } from './sessions.js';

// Address changes: a change waiting for its confirmation, and the switch of the address itself, which never happens
// while a request still waits for a decision from the account (its codes went to the address in use).

const open = and(isNull(emailChanges.confirmedAt), isNull(emailChanges.cancelledAt));
/** The requests whose codes may still be used: a request that is `doing` has both decisions already. */
const CANCELLABLE = ['todo', 'checkValidity', 'validatingByCustomers'];

export async function insertEmailChange(
  db: Db,
  row: Omit<EmailChange, 'confirmedAt' | 'cancelledAt'> & { confirmedAt?: Date },
): Promise<void> {
  await db.insert(emailChanges).values(row);
}

export async function findEmailChange(db: Db, id: string): Promise<EmailChange | null> {
  const [row] = await db.select().from(emailChanges).where(eq(emailChanges.id, id));
  return row ?? null;
}

/** The change of each account waiting for its confirmation: neither confirmed, cancelled nor expired. */
export async function pendingEmailChanges(db: Db, accountIds: string[]): Promise<Map<string, EmailChange>> {
  if (accountIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(emailChanges)
    .where(and(inArray(emailChanges.accountId, accountIds), open, gt(emailChanges.expiresAt, sql`now()`)))
    .orderBy(desc(emailChanges.createdAt));
  const found = new Map<string, EmailChange>();
  for (const row of rows) if (!found.has(row.accountId)) found.set(row.accountId, row);
  return found;
}

/** Cancels the open changes of an account, all or all but `exceptId` (the newer one that replaces them). */
export async function cancelOpenEmailChanges(db: Db, accountId: string, exceptId?: string): Promise<void> {
  await db
    .update(emailChanges)
    .set({ cancelledAt: new Date() })
    .where(and(eq(emailChanges.accountId, accountId), open, exceptId ? ne(emailChanges.id, exceptId) : undefined));
}

/**
 * Cancels one open change; with `endSessions`, every web session of its account ends in the same transaction. Null,
 * with nothing written, when the change is no longer open (confirmed or cancelled already).
 */
export async function cancelEmailChange(
  db: Db,
  id: string,
  options: { endSessions: boolean },
): Promise<EmailChange | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(emailChanges)
      .set({ cancelledAt: new Date() })
      .where(and(eq(emailChanges.id, id), open))
      .returning();
    if (!row) return null;
    if (options.endSessions) await deleteSessionsOf(tx, row.accountId);
    return row;
  });
}

/** Whether someone else in the book of `keeperId` (the account itself or a contact it keeps) has this address. */
export async function addressInBook(db: Db, keeperId: string, email: string, exceptId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(
      and(
        or(eq(accounts.id, keeperId), eq(accounts.keptById, keeperId)),
        sql`lower(${accounts.email}) = lower(${email.trim()})`,
        isNull(accounts.deletedAt),
        ne(accounts.id, exceptId),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export type Switch = { account: Account } | { pending: string[] } | { stale: true };

/**
 * Gives the account its new address (with the other `changes`), marking the confirmed change used when there is one;
 * in one transaction that locks the account's row. A request being made that names the account holds a lock on that
 * row (its foreign key) until it is written, so that no request can be made, with its codes going to the former
 * address, while the address changes. Answers, with nothing written:
 * - `pending`: the requests that still wait for a decision from the account; end them first, then call again;
 * - `stale`: the confirmed change is no longer usable (used, cancelled or expired).
 * Raises a unique violation when the address is already in the book.
 */
export async function switchAddress(
  db: Db,
  input: { accountId: string; changes: Partial<NewAccount> & { email: string }; emailChangeId?: string },
): Promise<Switch> {
  const { accountId, changes, emailChangeId } = input;
  return db.transaction(async (tx): Promise<Switch> => {
    await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, accountId)).for('update');
    const pending = await tx
      .select({ id: contactChanges.id })
      .from(contactChanges)
      .where(
        and(
          or(eq(contactChanges.fromId, accountId), eq(contactChanges.toId, accountId)),
          inArray(contactChanges.state, CANCELLABLE),
        ),
      );
    if (pending.length) return { pending: pending.map((p) => p.id) };
    if (emailChangeId) {
      // Single use even when the link is followed twice at the same moment.
      const [used] = await tx
        .update(emailChanges)
        .set({ confirmedAt: new Date() })
        .where(and(eq(emailChanges.id, emailChangeId), open, gt(emailChanges.expiresAt, sql`now()`)))
        .returning({ id: emailChanges.id });
      if (!used) return { stale: true };
    }
    // An invitation's link went to the former address: it stops working with it.
    await withdrawOpenInvitations(tx, accountId);
    // Any other change waiting for this account is over: the address it would replace is no longer in use.
    await tx
      .update(emailChanges)
      .set({ cancelledAt: new Date() })
      .where(
        and(
          eq(emailChanges.accountId, accountId),
          open,
          emailChangeId ? ne(emailChanges.id, emailChangeId) : undefined,
        ),
      );
    const [account] = await tx
      .update(accounts)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(accounts.id, accountId))
      .returning();
    return { account: account! };
  });
}

/** What the account's activity says an address change ended: the requests, by id. */
export async function requestsEndedBy(db: Db, accountId: string, emailChangeId: string): Promise<string[]> {
  const [row] = await db
    .select({ detail: accountEvents.detail })
    .from(accountEvents)
    .where(
      and(
        eq(accountEvents.accountId, accountId),
        eq(accountEvents.type, 'emailChanged'),
        sql`${accountEvents.detail}->>'emailChangeId' = ${emailChangeId}`,
      ),
    )
    .limit(1);
  const ended = row?.detail?.endedRequests;
  return Array.isArray(ended) ? ended.filter((id): id is string => typeof id === 'string') : [];
}
