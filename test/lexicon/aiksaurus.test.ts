import { describe, expect, it } from 'vitest';
import { parseThesaurus, thesaurusSynonyms } from '../../src/lexicon/aiksaurus.js';

/** words.dat as Aiksaurus writes it: the word, NUL, its meanings' numbers (16-bit big-endian), 0xFFFF. */
function wordsDat(words: [string, number[]][]): Uint8Array {
  const bytes: number[] = [];
  for (const [word, meanings] of words) {
    for (const ch of word) bytes.push(ch.charCodeAt(0));
    bytes.push(0);
    for (const m of meanings) bytes.push(m >> 8, m & 0xff);
    bytes.push(0xff, 0xff);
  }
  return Uint8Array.from(bytes);
}

/** meanings.dat: per meaning, the two words that name it, then every word under it, then 0xFFFF. */
function meaningsDat(meanings: number[][]): Uint8Array {
  const bytes: number[] = [];
  for (const ids of meanings) {
    for (const id of ids) bytes.push(id >> 8, id & 0xff);
    bytes.push(0xff, 0xff);
  }
  return Uint8Array.from(bytes);
}

// word numbers: 0 assure, 1 bond, 2 covenant, 3 drink, 4 Pact, 5 pledge, 6 promise, 7 take:a:vow, 8 toast
const WORDS: [string, number[]][] = [
  ['assure', [0]],
  ['bond', [0]],
  ['covenant', [0, 2]],
  ['drink', [1]],
  ['Pact', [0, 2]],
  ['pledge', [0, 1, 2]],
  ['promise', [0, 2, 300]],
  ['take:a:vow', [2]],
  ['toast', [1]],
];
const MEANINGS = [
  // 0 "bond assurance": the two naming words, then its list
  [1, 0, 0, 1, 2, 4, 5, 6],
  // 1 "drink toast"
  [3, 8, 3, 5, 8],
  // 2 "promise covenant"
  [6, 2, 2, 4, 5, 6, 7],
];
const thesaurus = parseThesaurus(wordsDat(WORDS), meaningsDat(MEANINGS));

describe('parseThesaurus', () => {
  it('reads the words in order, lower case, with their meanings', () => {
    expect(thesaurus.words).toEqual(['assure', 'bond', 'covenant', 'drink', 'pact', 'pledge', 'promise', 'take:a:vow', 'toast']);
    expect(thesaurus.meaningsOf.get('pledge')).toEqual([0, 1, 2]);
    expect(thesaurus.meaningsOf.get('pact')).toEqual([0, 2]);
  });

  it('reads each meaning without the two words that name it', () => {
    expect(thesaurus.meanings).toEqual([
      [0, 1, 2, 4, 5, 6],
      [3, 5, 8],
      [2, 4, 5, 6, 7],
    ]);
  });

  it('reads nothing from empty files', () => {
    const empty = parseThesaurus(new Uint8Array(), new Uint8Array());
    expect(empty.words).toEqual([]);
    expect(empty.meanings).toEqual([]);
  });
});

describe('thesaurusSynonyms', () => {
  it.each([
    // two shared meanings first (the one of fewer meanings of its own, "covenant" and "pact", before "promise",
    // which also names a meaning past the file's end), then one; "take:a:vow" is not one word
    ['pledge', ['covenant', 'pact', 'promise', 'assure', 'bond', 'drink', 'toast']],
    ['toast', ['drink', 'pledge']],
    ['bond', ['assure', 'covenant', 'pact', 'pledge', 'promise']],
    ['unknown', []],
  ])('%s → %j', (word, expected) => {
    expect(thesaurusSynonyms(thesaurus, word)).toEqual(expected);
  });
});
