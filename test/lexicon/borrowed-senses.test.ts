import { describe, expect, it } from 'vitest';
import { borrowedSenses, type SynonymSource } from '../../src/lexicon/borrowed-senses.js';

const termsOf = (t: string) => t.split(' ').map((w) => w.replace(/^ال/, ''));
const entries = new Map<string, string[][]>([
  ['pledge', [['الوعد']]],
  ['plight', [['المحنة']]],
  ['promise', [['الوعد']]],
  ['assure', [['أكد', 'طمأن']]],
  ['covenant', [['العهد', 'الميثاق']]],
  ['pact', [['الميثاق'], ['المعاهدة']]],
  ['until', []],
]);
const list =
  (synonyms: Record<string, string[]>) =>
  (word: string): string[] =>
    synonyms[word] ?? [];
const wordnet: SynonymSource = { synonymsOf: list({ pledge: ['plight', 'promise', 'assure'], until: ['plight'] }), maxTranslations: 6 };
const thesaurus: SynonymSource = { synonymsOf: list({ pledge: ['covenant', 'assure', 'pact'] }), maxTranslations: 6 };

describe('borrowedSenses', () => {
  it.each([
    // one source: one group per synonym that adds something («الوعد» of "promise" is the word's own)
    [[wordnet], [['المحنة'], ['أكد', 'طمأن']]],
    // a second source after it: what the first lent is known ("assure"), «الميثاق» of "pact" lent by "covenant"
    [
      [wordnet, thesaurus],
      [['المحنة'], ['أكد', 'طمأن'], ['العهد', 'الميثاق'], ['المعاهدة']],
    ],
    // each source has its own limit: the first's does not starve the second
    [
      [
        { ...wordnet, maxTranslations: 1 },
        { ...thesaurus, maxTranslations: 2 },
      ],
      [['المحنة'], ['العهد', 'الميثاق']],
    ],
    [[], undefined],
  ])('sources %#', (sources, expected) => {
    expect(borrowedSenses(entries, sources, termsOf).get('pledge')).toEqual(expected);
  });

  it('lends nothing to a function word', () => {
    expect(borrowedSenses(entries, [wordnet], termsOf).has('until')).toBe(false);
  });
});
