import type { Context } from '../core/context.js';
import { Problem } from '../core/problems.js';
import { upgradePasswordHash } from '../db/accounts.js';
import type { Account } from '../db/schema.js';
import type { Language } from '../domain/contact-change.js';
import { MIN_PASSWORD } from '../domain/contact.js';
import { passwordStrength, strengthReason, userInputsOf, type StrengthFeedback } from '../domain/password-strength.js';
import { hashPassword, needsRehash } from '../domain/passwords.js';

/** What every way of setting a password shares: how strong it must be, and the cost its hash is made at. */

type PasswordOwner = Pick<Account, 'handle' | 'email' | 'firstName' | 'lastName'>;

/**
 * Refuses a new password that is too easy to guess (`weakPassword`, 422), on `field`. The refusal says why in
 * English (`reason`) and as zxcvbn's keys (`warning`, `suggestions`), which a page words in its reader's language.
 */
export async function requireStrongPassword(owner: PasswordOwner, password: string, field: string): Promise<void> {
  const strength = await passwordStrength(password, userInputsOf(owner));
  if (strength.ok) return;
  const { warning, suggestions } = strength;
  const reason = await strengthReason(strength, 'en');
  throw new Problem('weakPassword', `This password is too easy to guess. ${reason}`, {
    field,
    reason,
    warning,
    suggestions,
  });
}

/** The feedback a `weakPassword` refusal carries; null for any other problem. */
export function weakPasswordFeedback(err: unknown): StrengthFeedback | null {
  if (!(err instanceof Problem) || err.code !== 'weakPassword') return null;
  const { warning, suggestions } = err.extra;
  return {
    warning: typeof warning === 'string' ? warning : null,
    suggestions: Array.isArray(suggestions) ? suggestions.filter((s): s is string => typeof s === 'string') : [],
  };
}

export interface Meter {
  /** 0 to 4; 0 too for a password under the minimum length. */
  score: number;
  ok: boolean;
  /** Why it would be refused, in `lang`; empty when it would not. */
  reason: string;
  tooShort: boolean;
}

/** The live meter of a page: the very check a form will make on submit, for `owner` when the page knows who. */
export async function meter(password: string, owner: PasswordOwner | null, lang: Language): Promise<Meter> {
  if (password.length < MIN_PASSWORD) return { score: 0, ok: false, reason: '', tooShort: true };
  const strength = await passwordStrength(password, owner ? userInputsOf(owner) : []);
  return {
    score: strength.score,
    ok: strength.ok,
    reason: strength.ok ? '' : await strengthReason(strength, lang),
    tooShort: false,
  };
}

/** After a successful sign-in: a hash made at an older cost is made again, at today's, from the password given. */
export async function rehashIfOld(ctx: Context, account: Account, password: string): Promise<void> {
  if (!needsRehash(account.passwordHash)) return;
  await upgradePasswordHash(ctx.db, account.id, account.passwordHash!, await hashPassword(password));
}
