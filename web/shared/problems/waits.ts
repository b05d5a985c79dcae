import type { Catalogue } from '../../../i18n/catalogue.js';
import type { ProblemCode } from '../../../core/problems.js';
import type { Language } from '../../../domain/contact-change.js';
import { PROBLEM_WORDS } from './index.js';

type WaitWords = Partial<Record<ProblemCode, (seconds: number) => string>>;

/** Refusals that say how long to wait, once the refusal gave the seconds; the others keep their general words. */
export const WAIT_WORDS: Catalogue<WaitWords> = {
  en: { resendTooSoon: (s) => `The emails were sent moments ago; try again in ${String(s)} s.` },
  fr: { resendTooSoon: (s) => `Les e-mails viennent d’être envoyés\u00a0; réessayez dans ${String(s)}\u00a0s.` },
  nl: { resendTooSoon: (s) => `De e-mails zijn net verstuurd; probeer het over ${String(s)} s opnieuw.` },
};

/** A refusal said on the next page (flash.ts): its code's words, with the seconds to wait when it has them. */
export function refusalWords(code: ProblemCode, count: number | null, lang: Language): string {
  const waiting = WAIT_WORDS[lang][code];
  return waiting && count !== null ? waiting(count) : PROBLEM_WORDS[lang][code];
}
