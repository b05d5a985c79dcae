import { describe, expect, it } from 'vitest';
import { countryName, elide, formatDate, formatList } from '../i18n/format.js';

describe('formats by language', () => {
  it('join a list as a sentence would, without a comma before the last item', () => {
    const roles = ['admin', 'tech', 'billing'];
    expect(formatList(roles, 'en')).toBe('admin, tech and billing');
    expect(formatList(roles, 'fr')).toBe('admin, tech et billing');
    expect(formatList(roles, 'nl')).toBe('admin, tech en billing');
    expect(formatList(['alone'], 'fr')).toBe('alone');
    expect(formatList([], 'en')).toBe('');
  });

  it('write the day before the month in every language, and the first of the month as French does', () => {
    const first = new Date('2027-03-01T09:30:00Z');
    expect(formatDate(first, 'en')).toBe('1 March 2027 at 09:30 UTC');
    expect(formatDate(first, 'nl')).toBe('1 maart 2027 om 09:30 UTC');
    expect(formatDate(new Date('2027-03-11T09:30:00Z'), 'fr')).toBe('11 mars 2027 à 09:30 UTC');
    expect(() => formatDate(new Date('nonsense'), 'en')).toThrow(RangeError);
  });

  it("write a date in the reader's zone, naming it, and in UTC for no zone or one that does not exist", () => {
    const at = new Date('2026-12-02T02:13:00Z');
    expect(formatDate(at, 'fr', 'Europe/Paris')).toBe('2 décembre 2026 à 03:13 UTC+1');
    expect(formatDate(at, 'en', 'Europe/Paris')).toBe('2 December 2026 at 03:13 CET');
    expect(formatDate(at, 'en', 'Asia/Kolkata')).toBe('2 December 2026 at 07:43 GMT+5:30');
    expect(formatDate(at, 'nl', null)).toBe('2 december 2026 om 02:13 UTC');
    expect(formatDate(at, 'en', 'Mars/Olympus')).toBe('2 December 2026 at 02:13 UTC');
  });

  it('elide French "de" and "que" before a vowel, and only then', () => {
    expect(elide('de', 'Alice Martin')).toBe('d’Alice Martin');
    expect(elide('de', 'Éric')).toBe('d’Éric');
    expect(elide('que', 'alice@example.fr')).toBe('qu’alice@example.fr');
    expect(elide('de', 'Bob Smith')).toBe('de Bob Smith');
  });

  it('name a country from its code, and give back a code that names none', () => {
    expect(countryName('BE', 'en')).toBe('Belgium');
    expect(countryName('be', 'fr')).toBe('Belgique');
    expect(countryName('BE', 'nl')).toBe('België');
    expect(countryName('NL', 'fr')).toBe('Pays-Bas');
    expect(countryName('12', 'en')).toBe('12');
  });
});
