import { describe, expect, it } from 'vitest';
import { copyStrings } from './support/copy-strings.js';

/**
 * French typography: a non-breaking space (U+00A0, or the narrow U+202F) before : ; ? ! and inside « », never a
 * plain space or none. URLs and paths ("https://…", "/requests?state=…"), times ("10:30") and HTML tags are not text.
 */
const NBSP = /[\u00a0\u202f]/;

function typographyFaults(text: string): string[] {
  const prose = text.replace(/<[^>]*>/g, ' ');
  const faults: string[] = [];
  for (const match of prose.matchAll(/[:;?!«»]/g)) {
    const i = match.index;
    const mark = match[0];
    const before = prose[i - 1] ?? '';
    const after = prose[i + 1] ?? '';
    const token = /\S*$/.exec(prose.slice(0, i))![0] + /^\S*/.exec(prose.slice(i))![0];
    if (/^(https?:\/\/|\/|[a-z]+:\/\/|mailto:)/.test(token)) continue;
    if (mark === ':' && /\d/.test(before) && /\d/.test(after)) continue;
    const context = prose.slice(Math.max(0, i - 12), i + 2);
    if (mark === '«') {
      if (!NBSP.test(after)) faults.push(`no non-breaking space after « in "${context}"`);
    } else if (!NBSP.test(before)) {
      faults.push(`${before === ' ' ? 'a plain space' : 'no space'} before ${mark} in "${context}"`);
    }
  }
  return faults;
}

describe('French copy', () => {
  it('the checker tells a plain space and a missing one from a non-breaking one, and leaves URLs and times alone', () => {
    expect(typographyFaults('Référence : 12')).toEqual(['a plain space before : in "Référence : "']);
    expect(typographyFaults('Vraiment?')).toEqual(['no space before ? in "Vraiment?"']);
    expect(typographyFaults('Référence\u00a0: 12 à 10:30, voir https://example.fr/a?b=1 ou /requests?x')).toEqual([]);
    expect(typographyFaults('«\u00a0oui\u00a0»')).toEqual([]);
    expect(typographyFaults('« oui »')).toHaveLength(2);
  });

  it('puts a non-breaking space before : ; ? ! and inside « » in every string of the pages and emails', () => {
    const strings = copyStrings('fr');
    expect(strings.length).toBeGreaterThan(500);
    const faults = strings.flatMap(({ key, text }) => typographyFaults(text).map((fault) => `${key}: ${fault}`));
    expect([...new Set(faults)]).toEqual([]);
  });
});
