import { and, asc, eq, inArray } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { accountEvents } from '../../db/schema.js';
import type { Harness, TestAccount } from './harness.js';

/** Shared by the two-step tests: an authenticator app's codes, and enrolling through the API. */

/** The code an authenticator app shows for this key at `at` (now, unless told). */
export const appCode = (secret: string, at = Date.now()) =>
  TOTP.generate({ secret: Secret.fromBase32(secret.replace(/\s+/g, '')), timestamp: at });

/**
 * The code of the next 30-second step: still accepted now (one step of drift is), and newer than a code just used, so
 * that a test need not wait for the app to show a new one.
 */
export const nextAppCode = (secret: string) => appCode(secret, Date.now() + 30_000);

/** Turns on two-step for the account through the API: its key and recovery codes. */
export async function enrol(h: Harness, who: TestAccount): Promise<{ secret: string; codes: string[] }> {
  const started = await h.request('POST', '/api/v1/profile/two-step', { token: who.token });
  if (started.statusCode !== 200) throw new Error(`start: ${started.body}`);
  const { secret } = started.json() as { secret: string };
  const confirmed = await h.request('POST', '/api/v1/profile/two-step/confirm', {
    token: who.token,
    body: { code: appCode(secret) },
  });
  if (confirmed.statusCode !== 200) throw new Error(`confirm: ${confirmed.body}`);
  return { secret, codes: (confirmed.json() as { recoveryCodes: string[] }).recoveryCodes };
}

const TWO_STEP_ACTIVITY = [
  'twoStepEnabled',
  'twoStepDisabled',
  'recoveryCodesRenewed',
  'recoveryCodeUsed',
  'signInFailed',
];

/** The account's two-step activity (and failed sign-ins), oldest first: type and detail. */
export async function activityOf(h: Harness, who: TestAccount) {
  const rows = await h.db
    .select()
    .from(accountEvents)
    .where(and(eq(accountEvents.accountId, who.id), inArray(accountEvents.type, TWO_STEP_ACTIVITY)))
    .orderBy(asc(accountEvents.id));
  return rows.map(({ type, detail }) => ({ type, detail }));
}
