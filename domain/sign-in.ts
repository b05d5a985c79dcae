import { createHash } from 'node:crypto';

/**
 * Throttling wrong passwords per account (and per handle, for handles no account has): the first FREE_FAILURES
 * wrong passwords in a row cost nothing; each further one makes the next attempt wait, FIRST_WAIT_MS and then twice
 * as long each time, up to MAX_WAIT_MS. While it waits, no password is checked. The right password ends the streak;
 * so does a day without a wrong password.
 */
export const FREE_FAILURES = 5;
export const FIRST_WAIT_MS = 30_000;
export const MAX_WAIT_MS = 15 * 60_000;
export const FAILURES_FORGOTTEN_AFTER_MS = 86_400_000;

/** How long the account waits after this many wrong passwords in a row. */
export function waitAfter(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(FIRST_WAIT_MS * 2 ** Math.min(failures - FREE_FAILURES - 1, 20), MAX_WAIT_MS);
}

/** The shape of every handle (see the admin API): anything else names no account, and is not looked up. */
export const HANDLE = /^[a-z0-9][a-z0-9-]{2,31}$/;

/** The key that counts the wrong passwords given for a handle no account has: its digest, not the text typed. */
export const unknownHandleKey = (handle: string) =>
  `sign-in:${createHash('sha256').update(handle).digest('base64url')}`;
