/**
 * Reads Aiksaurus's English thesaurus (Debian package libaiksaurus-1.2-data:
 * words.dat and meanings.dat, a Moby-based thesaurus) for what the lexicon
 * build needs: the words listed under a meaning with a word, whose
 * translations the word may borrow. See lexicon/README.md.
 *
 * words.dat: per word, its text (multiword entries joined by ":"), a NUL, the
 * numbers of its meanings as big-endian 16-bit integers, then 0xFFFF;
 * meanings.dat: per meaning, the numbers of its words (the first two name the
 * meaning, the rest list every word under it), then 0xFFFF.
 */

const END = 0xffff;

export interface Thesaurus {
  /** the words in file order (their number is their position), lower case */
  words: string[];
  /** word → the numbers of its meanings */
  meaningsOf: Map<string, number[]>;
  /** meaning number → the numbers of the words it lists (without the two that name it) */
  meanings: number[][];
}

/** Big-endian 16-bit numbers from `at` up to the next 0xFFFF; `next` is the offset after it. */
function numbersFrom(data: Uint8Array, at: number): { numbers: number[]; next: number } {
  const numbers: number[] = [];
  let i = at;
  while (i + 1 < data.length) {
    const value = (data[i]! << 8) | data[i + 1]!;
    i += 2;
    if (value === END) break;
    numbers.push(value);
  }
  return { numbers, next: i };
}

export function parseThesaurus(wordsDat: Uint8Array, meaningsDat: Uint8Array): Thesaurus {
  const words: string[] = [];
  const meaningsOf = new Map<string, number[]>();
  const decoder = new TextDecoder('latin1');
  let i = 0;
  while (i < wordsDat.length) {
    const nul = wordsDat.indexOf(0, i);
    if (nul < 0) break;
    const word = decoder.decode(wordsDat.subarray(i, nul)).toLowerCase();
    const { numbers, next } = numbersFrom(wordsDat, nul + 1);
    words.push(word);
    meaningsOf.set(word, [...(meaningsOf.get(word) ?? []), ...numbers]);
    i = next;
  }
  const meanings: number[][] = [];
  for (let at = 0; at < meaningsDat.length; ) {
    const { numbers, next } = numbersFrom(meaningsDat, at);
    meanings.push(numbers.slice(2));
    at = next;
  }
  return { words, meaningsOf, meanings };
}

/**
 * The one-word synonyms of a word: the other words its meanings list, those
 * that share more of its meanings first (then those of fewer meanings of their
 * own, more specific, then alphabetically); multiword entries left out.
 *
 * @example thesaurusSynonyms(t, 'pledge') // ['affiliate', …, 'covenant', 'pact', 'promise', …]
 */
export function thesaurusSynonyms(thesaurus: Thesaurus, word: string): string[] {
  const shared = new Map<string, number>();
  for (const meaning of new Set(thesaurus.meaningsOf.get(word) ?? [])) {
    for (const id of new Set(thesaurus.meanings[meaning] ?? [])) {
      const other = thesaurus.words[id];
      if (!other || other === word || !/^[a-z]+$/.test(other)) continue;
      shared.set(other, (shared.get(other) ?? 0) + 1);
    }
  }
  const own = (w: string) => new Set(thesaurus.meaningsOf.get(w) ?? []).size;
  return [...shared.entries()].sort(([a, x], [b, y]) => y - x || own(a) - own(b) || (a < b ? -1 : a > b ? 1 : 0)).map(([w]) => w);
}
