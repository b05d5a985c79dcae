import { and, count, eq, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { Db } from './client.js';
import { accounts, recoveryCodes } from './schema.js';
import { deleteSessionsOf } from './sessions.js';

/**
 * Two-step sign-in: the account's sealed authenticator secret, the last time step accepted, and its recovery codes
 * (digests only). Every write that consumes something is one conditional statement, so that two requests racing with
 * the same code cannot both succeed.
 */

type Executor = Pick<Db, 'insert' | 'delete'>;

/** Keeps a new secret while two-step is not on (a new enrolment, or a fresh start of one); false when it is on. */
export async function setPendingTotpSecret(db: Db, accountId: string, sealed: string): Promise<boolean> {
  const rows = await db
    .update(accounts)
    .set({ totpSecret: sealed, totpLastStep: null, updatedAt: new Date() })
    .where(and(eq(accounts.id, accountId), isNull(accounts.totpEnabledAt)))
    .returning({ id: accounts.id });
  return rows.length > 0;
}

async function replaceCodes(db: Executor, accountId: string, codeHashes: string[]) {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.accountId, accountId));
  if (codeHashes.length) await db.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ accountId, codeHash })));
}

/**
 * Turns two-step on with the secret whose code was just confirmed (`step`, so that this code does not sign in again),
 * gives the recovery codes, and ends the account's other web sessions but `keepSessionId`. False when the enrolment
 * changed meanwhile (turned on, or started again with another secret).
 */
export async function enableTwoStep(
  db: Db,
  change: { accountId: string; sealed: string; step: number; codeHashes: string[]; keepSessionId: string | null },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(accounts)
      .set({ totpEnabledAt: new Date(), totpLastStep: change.step, updatedAt: new Date() })
      .where(
        and(eq(accounts.id, change.accountId), isNull(accounts.totpEnabledAt), eq(accounts.totpSecret, change.sealed)),
      )
      .returning({ id: accounts.id });
    if (rows.length === 0) return false;
    await replaceCodes(tx, change.accountId, change.codeHashes);
    await deleteSessionsOf(tx, change.accountId, change.keepSessionId);
    return true;
  });
}

/** Turns two-step off: the secret, the last step and the recovery codes go. False when it was not on. */
export async function disableTwoStep(db: Db, accountId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(accounts)
      .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, updatedAt: new Date() })
      .where(and(eq(accounts.id, accountId), isNotNull(accounts.totpEnabledAt)))
      .returning({ id: accounts.id });
    if (rows.length === 0) return false;
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.accountId, accountId));
    return true;
  });
}

/** New recovery codes instead of the old ones, used or not. */
export async function renewRecoveryCodes(db: Db, accountId: string, codeHashes: string[]): Promise<void> {
  await db.transaction((tx) => replaceCodes(tx, accountId, codeHashes));
}

/** Accepts an app code's time step once: false when this step, or a later one, was accepted already. */
export async function useTotpStep(db: Db, accountId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(accounts)
    .set({ totpLastStep: step })
    .where(
      and(
        eq(accounts.id, accountId),
        isNotNull(accounts.totpEnabledAt),
        or(isNull(accounts.totpLastStep), lt(accounts.totpLastStep, step)),
      ),
    )
    .returning({ id: accounts.id });
  return rows.length > 0;
}

/** Uses up a recovery code: false when the account has no such code, or it was used already. */
export async function useRecoveryCode(db: Db, accountId: string, codeHash: string): Promise<boolean> {
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(
      and(eq(recoveryCodes.accountId, accountId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)),
    )
    .returning({ accountId: recoveryCodes.accountId });
  return rows.length > 0;
}

export async function recoveryCodesLeft(db: Db, accountId: string): Promise<number> {
  const [row] = await db
    .select({ left: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.accountId, accountId), isNull(recoveryCodes.usedAt)));
  return row?.left ?? 0;
}
