import { and, eq, sql, type SQL } from 'drizzle-orm';
import { FAILURES_FORGOTTEN_AFTER_MS, FIRST_WAIT_MS, FREE_FAILURES, MAX_WAIT_MS } from '../domain/sign-in.js';
import type { Db } from './client.js';
import { accounts, rateLimits } from './schema.js';

/**
 * The count of wrong passwords in a row (domain/sign-in.ts). An attempt is counted as wrong before its password is
 * checked, in one statement that also sets the wait, under the row's lock: attempts at the same moment are counted
 * one after the other, and none of them gets its password checked once the account waits. The right password then
 * clears the count.
 *
 * An account keeps its count in `failed_sign_ins` and, in `sign_in_blocked_until`, the end of its wait (or the time
 * of its last wrong password when it need not wait). A handle no account has keeps the same in `rate_limits`, as
 * `count` and `reset_at` = that time plus FAILURES_FORGOTTEN_AFTER_MS, so that the store's sweep forgets it only
 * once it is forgotten anyway, and both answer alike.
 */
export interface Attempt {
  /** False: the wait is not over; nothing was counted and the password is not to be checked. */
  allowed: boolean;
  /** Wrong passwords in a row, this attempt included when it is allowed. */
  failures: number;
  /** Seconds left to wait (should this attempt fail, when it is allowed); 0 for none. */
  waitSeconds: number;
}

const ms = (value: number | SQL) => sql`(${value}) * interval '1 millisecond'`;
const FORGET = ms(FAILURES_FORGOTTEN_AFTER_MS);

/** The wait after `failures` wrong passwords, as domain/sign-in.ts's waitAfter computes it. */
const waitAfter = (failures: SQL) =>
  ms(sql`case when ${failures} > ${FREE_FAILURES}
    then least(${FIRST_WAIT_MS} * power(2, least(${failures} - ${FREE_FAILURES + 1}, 20)), ${MAX_WAIT_MS})
    else 0 end`);

const secondsUntil = (until: SQL | typeof accounts.signInBlockedUntil) =>
  sql<number>`greatest(0, ceil(extract(epoch from ${until} - now())))::int`;

/** The failures of this streak, the one being counted included; a forgotten streak starts again. */
const nextForAccount = sql`case when ${accounts.signInBlockedUntil} is null
  or ${accounts.signInBlockedUntil} < now() - ${FORGET} then 1 else ${accounts.failedSignIns} + 1 end`;
const accountWaits = sql`coalesce(${accounts.failedSignIns} > ${FREE_FAILURES}
  and ${accounts.signInBlockedUntil} > now(), false)`;

/** Counts an attempt to sign in to an account, unless the account is waiting. */
export async function countAccountAttempt(db: Db, accountId: string): Promise<Attempt> {
  const [counted] = await db
    .update(accounts)
    .set({ failedSignIns: nextForAccount, signInBlockedUntil: sql`now() + ${waitAfter(nextForAccount)}` })
    .where(and(eq(accounts.id, accountId), sql`not ${accountWaits}`))
    .returning({ failures: accounts.failedSignIns, waitSeconds: secondsUntil(accounts.signInBlockedUntil) });
  if (counted) return { allowed: true, ...counted };
  const [waiting] = await db
    .select({ failures: accounts.failedSignIns, waitSeconds: secondsUntil(accounts.signInBlockedUntil) })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  return { allowed: false, failures: waiting?.failures ?? 0, waitSeconds: waiting?.waitSeconds ?? 0 };
}

/** The right password: the streak is over. */
export async function clearAccountAttempts(db: Db, accountId: string): Promise<void> {
  await db.update(accounts).set({ failedSignIns: 0, signInBlockedUntil: null }).where(eq(accounts.id, accountId));
}

const nextForKey = sql`case when ${rateLimits.resetAt} < now() then 1 else ${rateLimits.count} + 1 end`;
const keyWaitsUntil = sql`${rateLimits.resetAt} - ${FORGET}`;

/** Counts an attempt with a handle no account has (`key`: domain/sign-in.ts's unknownHandleKey), alike. */
export async function countUnknownHandleAttempt(db: Db, key: string): Promise<Attempt> {
  const [counted] = await db
    .insert(rateLimits)
    .values({ key, count: 1, resetAt: sql`now() + ${FORGET}` })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: { count: nextForKey, resetAt: sql`now() + ${waitAfter(nextForKey)} + ${FORGET}` },
      setWhere: sql`not (${rateLimits.count} > ${FREE_FAILURES} and ${keyWaitsUntil} > now())`,
    })
    .returning({ failures: rateLimits.count, waitSeconds: secondsUntil(keyWaitsUntil) });
  if (counted) return { allowed: true, ...counted };
  const [waiting] = await db
    .select({ failures: rateLimits.count, waitSeconds: secondsUntil(keyWaitsUntil) })
    .from(rateLimits)
    .where(eq(rateLimits.key, key));
  return { allowed: false, failures: waiting?.failures ?? 0, waitSeconds: waiting?.waitSeconds ?? 0 };
}
