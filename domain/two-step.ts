import { createHmac } from 'node:crypto';
import { customAlphabet } from 'nanoid';
import { Secret, TOTP } from 'otpauth';

/**
 * Two-step sign-in with an authenticator app (RFC 6238 TOTP: SHA-1, 6 digits, 30-second steps, as every app reads
 * them), and single-use recovery codes for the day the app is lost.
 */

const PERIOD = 30;
const DIGITS = 6;
const ALGORITHM = 'SHA1';
/** Codes of the step before and after are accepted too: a phone's clock may be a little off. */
const WINDOW = 1;

export const RECOVERY_CODE_COUNT = 10;

/** A new authenticator secret: 160 random bits, in base32 as apps take it. */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

/** The secret in groups of four, for typing into an app by hand. */
export const groupedSecret = (secret: string): string => secret.match(/.{1,4}/g)!.join(' ');

/** The otpauth:// URL an app reads from the QR code: the site (issuer) and the account's handle (label). */
export function otpauthUrl(secret: string, publicBaseUrl: string, handle: string): string {
  const issuer = `Countersign (${new URL(publicBaseUrl).hostname})`;
  const totp = new TOTP({
    issuer,
    label: handle,
    secret: Secret.fromBase32(secret),
    algorithm: ALGORITHM,
    digits: DIGITS,
    period: PERIOD,
  });
  return totp.toString();
}

/** A code as typed: spaces taken out. */
const typedCode = (code: string) => code.replace(/\s+/g, '');

/** Whether what was typed has the shape of an app's code (six digits), rather than of a recovery code. */
export const looksLikeAppCode = (code: string): boolean => /^\d{6}$/.test(typedCode(code));

/**
 * The time step of this app code when it is the code of the current step or of the one before or after; null
 * otherwise. A code is accepted once: the caller keeps the step and refuses any step up to it afterwards.
 */
export function stepOfCode(secret: string, code: string, now: Date): number | null {
  const token = typedCode(code);
  if (!looksLikeAppCode(token)) return null;
  const timestamp = now.getTime();
  const delta = TOTP.validate({
    token,
    secret: Secret.fromBase32(secret),
    algorithm: ALGORITHM,
    digits: DIGITS,
    period: PERIOD,
    timestamp,
    window: WINDOW,
  });
  return delta === null ? null : TOTP.counter({ period: PERIOD, timestamp }) + delta;
}

// No 0/o, 1/l/i: a recovery code is read from paper.
const recoveryChars = customAlphabet('abcdefghjkmnpqrstuvwxyz23456789', 10);

/** Ten new recovery codes, "xxxxx-xxxxx" (about 49 random bits each). */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => recoveryChars().replace(/^(.{5})/, '$1-'));
}

/** A recovery code as typed, in the one form it is digested in: lower case, without spaces or dashes. */
const typedRecoveryCode = (code: string) => code.toLowerCase().replace(/[\s-]+/g, '');

/**
 * What is stored of a recovery code: an HMAC-SHA256 under TOKEN_SECRET, bound to its account. Null for what cannot be
 * a recovery code.
 */
export function recoveryCodeDigest(tokenSecret: string, accountId: string, code: string): string | null {
  const typed = typedRecoveryCode(code);
  if (!/^[a-z0-9]{10}$/.test(typed)) return null;
  return createHmac('sha256', tokenSecret).update(`recovery-code\0${accountId}\0${typed}`).digest('hex');
}
