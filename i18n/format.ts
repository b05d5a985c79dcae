import { LANGUAGES, type Language } from '../domain/contact-change.js';
import { COUNTRIES } from '../domain/countries.js';
import { knownTimeZone } from '../domain/time-zones.js';

// The copy is written in British English: day before month, no comma before "and".
const LOCALES: Record<Language, string> = { en: 'en-GB', fr: 'fr', nl: 'nl' };

interface Formats {
  list: Intl.ListFormat;
  regions: Intl.DisplayNames;
}

// Built once: a formatter costs far more to build than to use, and emails are rendered by the thousand.
const FORMATS = Object.fromEntries(
  LANGUAGES.map((lang): [Language, Formats] => {
    const locale = LOCALES[lang];
    const list = new Intl.ListFormat(locale, { type: 'conjunction', style: 'long' });
    return [lang, { list, regions: new Intl.DisplayNames(locale, { type: 'region' }) }];
  }),
) as Record<Language, Formats>;

function formatsOf(lang: Language): Formats {
  const formats = FORMATS[lang];
  if (!formats) throw new RangeError(`Unsupported language: ${String(lang)}`);
  return formats;
}

// One date formatter per language and zone, made on first use.
const DATES = new Map<string, Intl.DateTimeFormat>();

function dateFormat(lang: Language, timeZone: string): Intl.DateTimeFormat {
  const key = `${lang} ${timeZone}`;
  let format = DATES.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[lang], {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
      timeZoneName: 'short',
    });
    DATES.set(key, format);
  }
  return format;
}

/**
 * "28 November 2026 at 14:05 UTC", "1er mars 2027 à 10:30 UTC+1", "2 december 2026 om 03:13 CET": in the reader's
 * time zone when it is known (an IANA name), else in UTC, and always naming the zone.
 */
export function formatDate(date: Date, lang: Language, timeZone?: string | null): string {
  formatsOf(lang);
  if (Number.isNaN(date.getTime())) throw new RangeError('formatDate: invalid date');
  const zone = knownTimeZone(timeZone) ?? 'UTC';
  // French writes the first of the month as an ordinal, which Intl does not.
  return dateFormat(lang, zone)
    .formatToParts(date)
    .map(({ type, value }) => (lang === 'fr' && type === 'day' && value === '1' ? '1er' : value))
    .join('');
}

/** "a, b and c", "a, b et c", "a, b en c". */
export const formatList = (items: readonly string[], lang: Language): string => formatsOf(lang).list.format(items);

/** "Belgium", "Belgique", "België" for BE; the code as given when it is not a region code. */
export function countryName(code: string, lang: Language): string {
  const { regions } = formatsOf(lang);
  try {
    return regions.of(code.trim().toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

const SORTED = new Map<Language, readonly { code: string; name: string }[]>();

/** Every ISO 3166 country, named and sorted in the language ("Allemagne", "Duitsland" for DE); built once each. */
export function countryChoices(lang: Language): readonly { code: string; name: string }[] {
  const known = SORTED.get(lang);
  if (known) return known;
  const collator = new Intl.Collator(LOCALES[lang]);
  const choices = COUNTRIES.map((code) => ({ code, name: countryName(code, lang) })).sort((a, b) =>
    collator.compare(a.name, b.name),
  );
  SORTED.set(lang, choices);
  return choices;
}
const VOWEL = /^[aeiouyàâäéèêëîïôöûüœæ]/i;

/** French elision before a vowel: "de" + "Alice" is "d’Alice", "que" + "alice@…" is "qu’alice@…". */
export const elide = (word: 'de' | 'que', next: string): string =>
  VOWEL.test(next) ? `${word.slice(0, -1)}’${next}` : `${word} ${next}`;
