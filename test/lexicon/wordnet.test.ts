import { describe, expect, it } from 'vitest';
import {
  parseWordNetData,
  parseWordNetIndex,
  type SynonymSenseOptions,
  synonymSenses,
  synonymsOf,
  type WordNetPart,
} from '../../src/lexicon/wordnet.js';

// A few lines in WordNet 3.0's own format (index.<pos>, data.<pos>), license header included.
const HEADER = '  1 This software and database is being provided to you, the LICENSEE, by\n  2 Princeton University\n';
const INDEX_VERB = `${HEADER}chair v 1 1 @ 1 0 00000010  
lead v 2 2 @ ~ 2 2 00000020 00000040  
pledge v 1 1 @ 1 1 00000030  
`;
const DATA_VERB = `${HEADER}00000010 41 v 02 chair 0 chairman 0 001 @ 00000020 v 0000 01 + 08 00 | act or preside as chair
00000020 41 v 02 head 0 lead 0 000 01 + 08 00 | be in charge of
00000030 32 v 03 pledge 0 plight 0 take_a_vow 0 001 @ 00000050 v 0000 01 + 08 00 | promise solemnly
00000040 38 v 02 lead 1 Guide 0 000 01 + 08 00 | take somebody somewhere
00000050 32 v 02 promise 0 assure 0 000 01 + 08 00 | make a promise
`;
const INDEX_NOUN = `${HEADER}chair n 2 1 @ 2 1 00000100 00000110  
pledge n 1 1 @ 1 0 00000120  
`;
const DATA_NOUN = `${HEADER}00000100 06 n 01 chair 0 000 | a seat for one person
00000110 18 n 03 president 0 chairman 0 chair 0 000 | the officer who presides
00000120 21 n 02 pledge 0 security_deposit 0 000 | a deposit
`;

const parts: WordNetPart[] = [
  { pos: 'noun', index: parseWordNetIndex(INDEX_NOUN), data: parseWordNetData(DATA_NOUN) },
  { pos: 'verb', index: parseWordNetIndex(INDEX_VERB), data: parseWordNetData(DATA_VERB) },
];

describe('parseWordNetIndex', () => {
  it.each([
    ['chair', ['00000010']],
    ['lead', ['00000020', '00000040']],
    ['pledge', ['00000030']],
  ])('%s → its synsets, most frequent first', (word, offsets) => {
    expect(parseWordNetIndex(INDEX_VERB).get(word)).toEqual(offsets);
  });

  it('skips the license header and multiword lemmas', () => {
    const index = parseWordNetIndex(`${HEADER}take_a_vow v 1 0 1 0 00000030  \n`);
    expect([...index.keys()]).toEqual([]);
  });
});

describe('parseWordNetData', () => {
  it.each([
    ['00000010', ['chair', 'chairman'], ['00000020']],
    ['00000030', ['pledge', 'plight'], ['00000050']], // "take_a_vow" is not one word
    ['00000040', ['lead', 'guide'], []], // lower case
  ])('synset %s: words %j, hypernyms %j', (offset, words, hypernyms) => {
    expect(parseWordNetData(DATA_VERB).get(offset)).toEqual({ words, hypernyms });
  });

  it('reads no synset from the license header', () => {
    expect(parseWordNetData(HEADER).size).toBe(0);
  });
});

describe('synonymsOf', () => {
  it.each([
    // the first sense of each part of speech: the noun "chair" is a seat (no synonym), the verb has "chairman"
    ['chair', 1, false, ['chairman']],
    // a verb's hypernyms' words too
    ['chair', 1, true, ['chairman', 'head', 'lead']],
    // the second sense of each part of speech adds the noun's "president"
    ['chair', 2, false, ['chairman', 'president']],
    ['pledge', 1, true, ['plight', 'promise', 'assure']],
    ['lead', 1, false, ['head']],
    ['lead', 2, false, ['head', 'guide']],
    ['unknown', 2, true, []],
  ])('%s, %i sense(s), hypernyms %s → %j', (word, maxSynsets, verbHypernyms, expected) => {
    expect(synonymsOf(parts, word, { maxSynsets, verbHypernyms })).toEqual(expected);
  });
});

describe('synonymSenses', () => {
  const options: SynonymSenseOptions = { maxSynsets: 1, verbHypernyms: true, maxTranslations: 6 };
  const termsOf = (t: string) => t.split(' ').map((w) => w.replace(/^ال/, ''));
  const entries = new Map<string, string[][]>([
    ['chair', [['الكرسي']]],
    ['chairman', [['الرئيس']]],
    ['head', [['الرأس'], ['الرئيس']]],
    ['lead', [['التقدم']]],
    ['pledge', [['الوعد']]],
    ['plight', [['المحنة']]],
    ['promise', [['الوعد']]],
    ['assure', [['أكد', 'طمأن']]],
    ['until', []],
  ]);

  it.each([
    // one group per synonym, in order; «الرئيس» of "head" is already lent by "chairman"
    ['chair', [['الرئيس'], ['الرأس'], ['التقدم']]],
    // «الوعد» of "promise" is the word's own translation
    ['pledge', [['المحنة'], ['أكد', 'طمأن']]],
    ['lead', [['الرأس', 'الرئيس']]],
  ])('%s → %j', (word, groups) => {
    expect(synonymSenses(entries, parts, termsOf, options).get(word)).toEqual(groups);
  });

  it('lends nothing to a function word, nor to a word whose synonyms say nothing new', () => {
    const senses = synonymSenses(entries, parts, termsOf, options);
    expect(senses.has('until')).toBe(false);
    expect(senses.has('promise')).toBe(false);
  });

  it('lends at most maxTranslations translations, the first synonyms first', () => {
    expect(synonymSenses(entries, parts, termsOf, { ...options, maxTranslations: 2 }).get('chair')).toEqual([['الرئيس'], ['الرأس']]);
    expect(synonymSenses(entries, parts, termsOf, { ...options, maxTranslations: 2 }).get('pledge')).toEqual([['المحنة'], ['أكد']]);
  });

  it('gives nothing without WordNet', () => {
    expect(synonymSenses(entries, [], termsOf, options).size).toBe(0);
  });
});
