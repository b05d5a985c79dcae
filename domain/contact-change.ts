/** OVH's own state names, so that integrators recognise them. */
export const STATES = [
  'todo',
  'checkValidity',
  'validatingByCustomers',
  'doing',
  'done',
  'refused',
  'aborted',
  'expired',
  'error',
] as const;
export type State = (typeof STATES)[number];

export const PENDING_STATES: readonly State[] = ['todo', 'checkValidity', 'validatingByCustomers', 'doing'];
export const FINAL_STATES: readonly State[] = ['done', 'refused', 'aborted', 'expired', 'error'];
export const isFinal = (state: string): boolean => (FINAL_STATES as readonly string[]).includes(state);

export const ROLES = ['admin', 'tech', 'billing'] as const;
export type Role = (typeof ROLES)[number];

export const PARTIES = ['from', 'to'] as const;
export type Party = (typeof PARTIES)[number];
export type Decision = 'accepted' | 'refused';

export const LANGUAGES = ['fr', 'en', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Failures a workflow or an activity reports on purpose; the API maps each to an answer. */
export enum Errors {
  NotPending = 'NotPending',
  AlreadyDecided = 'AlreadyDecided',
  TokenSuperseded = 'TokenSuperseded',
  Expired = 'Expired',
  NothingToResend = 'NothingToResend',
  ResendTooSoon = 'ResendTooSoon',
  NotFound = 'NotFound',
  EmailRejected = 'EmailRejected',
  InvalidExpiry = 'InvalidExpiry',
  ResendLimit = 'ResendLimit',
  ExtensionLimit = 'ExtensionLimit',
}

/**
 * How many times a request's token emails can go out (the first sending and its resends), and how many times
 * support can extend it. They bound the request's workflow history, whatever happens to it (see BENCHMARKS.md).
 */
export const MAX_SENDINGS = 10;
export const MAX_EXTENSIONS = 5;

/**
 * After this many wrong tokens on one request, its tokens are locked until a resend. Anyone who knows a request's id
 * can send wrong tokens, so the lock is far out of a single guesser's reach (WRONG_CODES_PER_SOURCE) and tells the
 * asker and support when it trips; a token carries 256 bits, so no number of guesses below it finds one.
 */
export const MAX_FAILED_ATTEMPTS = 1000;

/** Wrong tokens one client address may try on one request within WRONG_CODES_WINDOW_MS; past them, 429. */
export const WRONG_CODES_PER_SOURCE = 5;
export const WRONG_CODES_WINDOW_MS = 15 * 60_000;

/** The id of the email telling the asker of a lock: the request and the sending whose codes were locked. */
export const lockedEmailId = (changeId: string, sending: number) => `${changeId}.${sending}`;
