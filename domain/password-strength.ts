import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import type { Language } from './contact-change.js';

/**
 * How hard a new password is to guess, by zxcvbn (@zxcvbn-ts) with the common, English, French and Dutch
 * dictionaries, and the account's own handle, names and address counted against it.
 *
 * The minimum score is 3 of 4: zxcvbn's estimate of at least 10^8 guesses. Online, the sign-in throttle makes that
 * out of reach; offline, against a stolen hash, each guess costs scrypt at N=2^17 (128 MiB), so 10^8 guesses is a
 * costly attack for one account. Score 4 (10^10) would also refuse many memorable passphrases of three or four
 * common words, and NIST SP 800-63B asks to refuse the common, expected and context-specific passwords rather
 * than to demand more: 2 and below are exactly those (dictionary words, names, dates, keyboard rows, the handle).
 */
export const MIN_SCORE = 3;

/** zxcvbn's feedback, by its keys (`topHundred`, `anotherWord`…): what makes it guessable, and what would help. */
export interface StrengthFeedback {
  warning: string | null;
  suggestions: string[];
}

export interface PasswordStrength extends StrengthFeedback {
  /** 0 (guessed at once) to 4 (very hard). */
  score: number;
  /** At least MIN_SCORE. */
  ok: boolean;
}

interface Words {
  warnings: Record<string, string>;
  suggestions: Record<string, string>;
}

interface Estimator {
  zxcvbn: ZxcvbnFactory;
  words: Record<Language, Words>;
}

/** Past this many l33t substitutions (@ for a, 0 for o…) a password is long and odd enough; checking more is slow. */
const L33T_MAX_SUBSTITUTIONS = 6;

const withSuffix = (dictionary: Record<string, string[]>, suffix: string) =>
  Object.fromEntries(Object.entries(dictionary).map(([name, words]) => [`${name}${suffix}`, words]));

/** The dictionaries are large (megabytes): loaded on the first estimate, once, and never by who sets no password. */
async function load(): Promise<Estimator> {
  const [{ ZxcvbnFactory }, common, en, fr, nl] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
    import('@zxcvbn-ts/language-fr'),
    import('@zxcvbn-ts/language-nl-be'),
  ]);
  // Without translations zxcvbn gives its feedback as keys; each reader gets them in their language below.
  const zxcvbn = new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary, ...fr.dictionary, ...withSuffix(nl.dictionary, '-nl') },
    graphs: common.adjacencyGraphs,
    l33tMaxSubstitutions: L33T_MAX_SUBSTITUTIONS,
  });
  return { zxcvbn, words: { en: en.translations, fr: fr.translations, nl: nl.translations } };
}

let estimator: Promise<Estimator> | null = null;
const loaded = () =>
  (estimator ??= load().catch((err: unknown) => {
    estimator = null;
    throw err;
  }));

/** The words of an account that a password should not be made of: its handle, names and address. */
export function userInputsOf(account: { handle: string; email: string; firstName: string; lastName: string }) {
  const local = account.email.toLowerCase().split('@')[0] ?? '';
  const words = [
    account.handle,
    ...account.handle.split('-'),
    account.email,
    local,
    ...local.split(/[._+-]/),
    account.firstName,
    account.lastName,
    ...`${account.firstName} ${account.lastName}`.split(/\s+/),
    'countersign',
  ];
  return [...new Set(words.map((w) => w.trim().toLowerCase()).filter((w) => w.length >= 3))];
}

export async function passwordStrength(password: string, userInputs: string[] = []): Promise<PasswordStrength> {
  const { zxcvbn } = await loaded();
  const { score, feedback } = zxcvbn.check(password, userInputs);
  return { score, ok: score >= MIN_SCORE, warning: feedback.warning || null, suggestions: feedback.suggestions };
}

const sentence = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

/**
 * Why a password is refused, in the reader's language (zxcvbn's own translations): what makes it guessable, then
 * what would help. Unknown keys are left out; with nothing left, the advice to add less common words.
 */
export async function strengthReason(feedback: StrengthFeedback, lang: Language): Promise<string> {
  const { words } = await loaded();
  const w = words[lang];
  const said = [
    feedback.warning ? w.warnings[feedback.warning] : undefined,
    ...feedback.suggestions.map((key) => w.suggestions[key]),
  ].filter((text): text is string => !!text);
  return (said.length ? said : [w.suggestions.anotherWord!]).map(sentence).join(' ');
}
