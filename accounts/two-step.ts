import type { Config } from '../config.js';
import type { Context, Requester } from '../core/context.js';
import { Problem } from '../core/problems.js';
import { findAccount } from '../db/accounts.js';
import type { Account } from '../db/schema.js';
import {
  disableTwoStep,
  enableTwoStep,
  recoveryCodesLeft,
  renewRecoveryCodes,
  setPendingTotpSecret,
  useRecoveryCode,
  useTotpStep,
} from '../db/two-step.js';
import { open, seal } from '../domain/secret-box.js';
import { verifyPassword } from '../domain/passwords.js';
import {
  looksLikeAppCode,
  newRecoveryCodes,
  newTotpSecret,
  otpauthUrl,
  recoveryCodeDigest,
  stepOfCode,
} from '../domain/two-step.js';
import { recordActivity } from './activity.js';

/**
 * Two-step sign-in, for one's own account: turning it on with an authenticator app (a new secret, confirmed with a
 * code it shows), recovery codes, turning it off. The secret is stored sealed (domain/secret-box.ts), the recovery
 * codes as digests; both are shown once, when made. Signing in with it: ./two-step-sign-in.ts.
 */

export const hasTwoStep = (account: Pick<Account, 'totpEnabledAt'>): boolean => account.totpEnabledAt !== null;

/** Support staff under TWO_STEP_FOR_SUPPORT=required: without two-step, they may only turn it on. */
export const mustHaveTwoStep = (config: Config, account: Pick<Account, 'role'>): boolean =>
  config.twoStepForSupport === 'required' && account.role === 'support';

export const mustEnrol = (config: Config, account: Pick<Account, 'role' | 'totpEnabledAt'>): boolean =>
  mustHaveTwoStep(config, account) && !hasTwoStep(account);

export interface TwoStepStatus {
  enabled: boolean;
  enabledAt: Date | null;
  /** A secret was made and waits for its first code. */
  pending: boolean;
  recoveryCodesLeft: number;
  /** This account may not turn it off (support staff, when required). */
  required: boolean;
}

/** A secret to give the authenticator app: as text, and as the otpauth:// URL its QR code holds. */
export interface Enrolment {
  secret: string;
  otpauthUrl: string;
}

const unopenable = () =>
  new Problem('internalError', 'The authenticator secret cannot be read: was TOKEN_SECRET changed?');

/** The account as it is now: the one loaded for the request may be stale. */
const current = async (ctx: Context, viewer: Account) => (await findAccount(ctx.db, viewer.id))!;

const secretOf = (ctx: Context, account: Account): string | null =>
  account.totpSecret ? open(ctx.config.tokenSecret, 'totp', account.id, account.totpSecret) : null;

const enrolmentOf = (ctx: Context, account: Account, secret: string): Enrolment => ({
  secret,
  otpauthUrl: otpauthUrl(secret, ctx.config.publicBaseUrl, account.handle),
});

export async function twoStepStatus(ctx: Context, viewer: Account): Promise<TwoStepStatus> {
  const account = await current(ctx, viewer);
  const enabled = hasTwoStep(account);
  return {
    enabled,
    enabledAt: account.totpEnabledAt,
    pending: !enabled && account.totpSecret !== null,
    recoveryCodesLeft: enabled ? await recoveryCodesLeft(ctx.db, account.id) : 0,
    required: mustHaveTwoStep(ctx.config, account),
  };
}

/** A new secret, waiting for its first code; starting again replaces it. Refused while two-step is on. */
export async function startTwoStep(ctx: Context, viewer: Account): Promise<Enrolment> {
  const secret = newTotpSecret();
  const sealed = seal(ctx.config.tokenSecret, 'totp', viewer.id, secret);
  if (!(await setPendingTotpSecret(ctx.db, viewer.id, sealed)))
    throw new Problem('twoStepOn', 'Two-step sign-in is already on: turn it off first to use another app.');
  return enrolmentOf(ctx, viewer, secret);
}

/** The secret waiting for its first code, to show it again; null when none waits. */
export async function pendingEnrolment(ctx: Context, viewer: Account): Promise<Enrolment | null> {
  const account = await current(ctx, viewer);
  const secret = hasTwoStep(account) ? null : secretOf(ctx, account);
  return secret ? enrolmentOf(ctx, account, secret) : null;
}

const hashesOf = (ctx: Context, accountId: string, codes: string[]) =>
  codes.map((code) => recoveryCodeDigest(ctx.config.tokenSecret, accountId, code)!);

const wrongCode = () =>
  new Problem('wrongCode', 'This code is not right, or was used already: send the code the app shows now.', {
    field: 'code',
  });

/**
 * Turns two-step on with a code of the waiting secret; the recovery codes, shown this once. The account's other web
 * sessions end (`keepSessionId`, the one asking, stays).
 */
export async function confirmTwoStep(
  ctx: Context,
  viewer: Account,
  code: string,
  from: Requester,
  keepSessionId: string | null,
): Promise<string[]> {
  const account = await current(ctx, viewer);
  if (hasTwoStep(account)) throw new Problem('twoStepOn', 'Two-step sign-in is already on.');
  const secret = secretOf(ctx, account);
  if (!secret || !account.totpSecret)
    throw new Problem('twoStepNotStarted', 'Start first (POST /api/v1/profile/two-step), then send a code.');
  const step = stepOfCode(secret, code, ctx.now());
  if (step === null) throw wrongCode();
  const codes = newRecoveryCodes();
  const enabled = await enableTwoStep(ctx.db, {
    accountId: account.id,
    sealed: account.totpSecret,
    step,
    codeHashes: hashesOf(ctx, account.id, codes),
    keepSessionId,
  });
  if (!enabled) {
    if (hasTwoStep(await current(ctx, viewer))) throw new Problem('twoStepOn', 'Two-step sign-in is already on.');
    throw new Problem('twoStepNotStarted', 'A newer secret was made meanwhile: send a code of that one.');
  }
  await recordActivity(ctx, account.id, 'twoStepEnabled', from);
  return codes;
}

async function checkPassword(account: Account, password: string) {
  if (!(await verifyPassword(password, account.passwordHash)))
    throw new Problem('wrongPassword', 'The password is not right.', { field: 'password' });
}

const notOn = () => new Problem('twoStepOff', 'Two-step sign-in is off.');

/** New recovery codes, shown this once; the old ones stop working. The password is asked again. */
export async function renewCodes(ctx: Context, viewer: Account, password: string, from: Requester) {
  const account = await current(ctx, viewer);
  await checkPassword(account, password);
  if (!hasTwoStep(account)) throw notOn();
  const codes = newRecoveryCodes();
  await renewRecoveryCodes(ctx.db, account.id, hashesOf(ctx, account.id, codes));
  await recordActivity(ctx, account.id, 'recoveryCodesRenewed', from);
  return codes;
}

/**
 * Takes a second-step code of the account, once: the app's code (a step after the last one accepted), or an unused
 * recovery code. What it was, or null when neither.
 */
export async function useSecondStepCode(
  ctx: Context,
  account: Account,
  code: string,
  from: Requester,
): Promise<'app' | 'recoveryCode' | null> {
  if (looksLikeAppCode(code)) {
    const secret = secretOf(ctx, account);
    if (!secret) throw unopenable();
    const step = stepOfCode(secret, code, ctx.now());
    return step !== null && (await useTotpStep(ctx.db, account.id, step)) ? 'app' : null;
  }
  const digest = recoveryCodeDigest(ctx.config.tokenSecret, account.id, code);
  if (!digest || !(await useRecoveryCode(ctx.db, account.id, digest))) return null;
  await recordActivity(ctx, account.id, 'recoveryCodeUsed', from, {
    left: await recoveryCodesLeft(ctx.db, account.id),
  });
  return 'recoveryCode';
}

/**
 * Turns two-step off, with the password and a code (the app's, or a recovery code when the app is lost). Support
 * staff may not when it is required.
 */
export async function turnOffTwoStep(ctx: Context, viewer: Account, password: string, code: string, from: Requester) {
  const account = await current(ctx, viewer);
  if (mustHaveTwoStep(ctx.config, account))
    throw new Problem('twoStepRequired', 'Support staff must keep two-step sign-in on (TWO_STEP_FOR_SUPPORT).');
  await checkPassword(account, password);
  if (!hasTwoStep(account)) throw notOn();
  const used = await useSecondStepCode(ctx, account, code, from);
  if (!used) throw wrongCode();
  await disableTwoStep(ctx.db, account.id);
  await recordActivity(ctx, account.id, 'twoStepDisabled', from, { with: used });
}
