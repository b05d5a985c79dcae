import { describe, expect, it } from 'vitest';
import { countryName, formatDate, formatList } from '../i18n/format.js';

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

  it('name a country from its code, and give back a code that names none', () => {
    expect(countryName('BE', 'en')).toBe('Belgium');
    expect(countryName('be', 'fr')).toBe('Belgique');
    expect(countryName('BE', 'nl')).toBe('België');
    expect(countryName('NL', 'fr')).toBe('Pays-Bas');
    expect(countryName('12', 'en')).toBe('12');
  });
});
