import { and, count, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { accounts, passwordResets, type Account, type PasswordReset } from './schema.js';
import { deleteSessionsOf } from './sessions.js';

// Password resets: a row per link sent, its secret derived from the id (domain/tokens.ts), never stored.

/** Usable: not used and not expired. */
const usable = (id: string, now: Date) =>
  and(eq(passwordResets.id, id), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now));

/** The accounts a handle names (one at most), or an address names (any number), deleted ones left out. */
export function accountsByLogin(db: Db, login: { handle: string } | { email: string }): Promise<Account[]> {
  const which = 'handle' in login ? eq(accounts.handle, login.handle) : sql`lower(${accounts.email}) = ${login.email}`;
  return db
    .select()
    .from(accounts)
    .where(and(which, isNull(accounts.deletedAt)))
    .limit(20);
}

/**
 * A new reset link for the account, unless `max` were made since `since`: false then, and nothing written. The
 * account's row is locked meanwhile, so that requests at the same moment count one after the other.
 */
export async function insertPasswordReset(
  db: Db,
  values: Pick<PasswordReset, 'id' | 'accountId' | 'expiresAt' | 'createdAt'>,
  limit: { max: number; since: Date },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, values.accountId)).for('update');
    const [made] = await tx
      .select({ n: count() })
      .from(passwordResets)
      .where(and(eq(passwordResets.accountId, values.accountId), gt(passwordResets.createdAt, limit.since)));
    if ((made?.n ?? 0) >= limit.max) return false;
    await tx.insert(passwordResets).values(values);
    return true;
  });
}

/** A reset with its account, usable or not; null when there is no such reset. */
export async function findPasswordReset(
  db: Db,
  id: string,
): Promise<{ reset: PasswordReset; account: Account } | null> {
  const [row] = await db
    .select({ reset: passwordResets, account: accounts })
    .from(passwordResets)
    .innerJoin(accounts, eq(accounts.id, passwordResets.accountId))
    .where(eq(passwordResets.id, id));
  return row ?? null;
}

/**
 * Uses the reset link and gives its account this password, together: every other link of the account stops working
 * and every session of the account ends. False, with nothing written, when the link was no longer usable (used by a
 * request at the same moment, or expired).
 */
export async function redeemPasswordReset(db: Db, id: string, passwordHash: string, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    // The condition makes the link single-use even when it is posted twice at the same moment.
    const [used] = await tx.update(passwordResets).set({ usedAt: now }).where(usable(id, now)).returning();
    if (!used) return false;
    await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(
        and(eq(passwordResets.accountId, used.accountId), ne(passwordResets.id, id), isNull(passwordResets.usedAt)),
      );
    await tx.update(accounts).set({ passwordHash, updatedAt: now }).where(eq(accounts.id, used.accountId));
    await deleteSessionsOf(tx, used.accountId);
    return true;
  });
}
