import { LANGUAGES, type Language } from '../domain/contact-change.js';
import { COUNTRIES } from '../domain/countries.js';

// The copy is written in British English: day before month, no comma before "and".
const LOCALES: Record<Language, string> = { en: 'en-GB', fr: 'fr', nl: 'nl' };

interface Formats {
  date: Intl.DateTimeFormat;
  list: Intl.ListFormat;
  regions: Intl.DisplayNames;
}

// Built once: a formatter costs far more to build than to use, and emails are rendered by the thousand.
const FORMATS = Object.fromEntries(
  LANGUAGES.map((lang): [Language, Formats] => {
    const locale = LOCALES[lang];
    const date = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'UTC',
      timeZoneName: 'short',
    });
    const list = new Intl.ListFormat(locale, { type: 'conjunction', style: 'long' });
    return [lang, { date, list, regions: new Intl.DisplayNames(locale, { type: 'region' }) }];
  }),
) as Record<Language, Formats>;

function formatsOf(lang: Language): Formats {
  const formats = FORMATS[lang];
  if (!formats) throw new RangeError(`Unsupported language: ${String(lang)}`);
  return formats;
}

/** "28 November 2026 at 14:05 UTC", "1er mars 2027 à 09:30 UTC": in UTC, and saying so. */
export function formatDate(date: Date, lang: Language): string {
  const { date: format } = formatsOf(lang);
  if (Number.isNaN(date.getTime())) throw new RangeError('formatDate: invalid date');
  // French writes the first of the month as an ordinal, which Intl does not.
  return format
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
