import { weakPasswordFeedback } from '../../accounts/passwords.js';
import type { Problem } from '../../core/problems.js';
import type { Language } from '../../domain/contact-change.js';
import { strengthReason } from '../../domain/password-strength.js';
import { PASSWORD } from './copy/index.js';

/**
 * A `weakPassword` refusal as a form shows it, next to its field: why, in the reader's language (the API's `reason`
 * is English). Null for any other error.
 */
export async function weakPasswordErrors(err: unknown, lang: Language): Promise<Record<string, string> | null> {
  const feedback = weakPasswordFeedback(err);
  if (!feedback) return null;
  const field = String((err as Problem).extra.field ?? 'password');
  return { [field]: `${PASSWORD[lang].weak} ${await strengthReason(feedback, lang)}` };
}
