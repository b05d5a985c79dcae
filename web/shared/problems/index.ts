import type { Catalogue } from '../../../i18n/catalogue.js';
import type { Problem, ProblemCode } from '../../../core/problems.js';
import type { Language } from '../../../domain/contact-change.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';

/** Every refusal the use-cases can give, in words a person reads: a new code without its words fails the build. */
export type ProblemWords = Record<ProblemCode, string>;

export const PROBLEM_WORDS: Catalogue<ProblemWords> = { en, fr, nl };

/**
 * A refusal in the reader's language, for a page that has no more particular words for it; words from outside (the
 * provider's reason for refusing) follow as they are, in quotes.
 */
export const problemWords = (problem: Problem, lang: Language): string => {
  const words = PROBLEM_WORDS[lang][problem.code];
  const { quote } = problem.extra;
  return quote ? `${words} ${lang === 'fr' ? `«\u00a0${quote}\u00a0»` : `“${quote}”`}` : words;
};
