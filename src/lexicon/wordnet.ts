/**
 * Reads Princeton WordNet's database files (Debian package wordnet-base:
 * index.noun … and data.noun …) for what the lexicon build needs: the words
 * that share a word's usual sense, whose translations the word may borrow.
 * See lexicon/README.md.
 */

import { borrowedSenses } from './borrowed-senses.js';

export type WordNetPos = 'noun' | 'verb' | 'adj' | 'adv';

export const WORDNET_POS: readonly WordNetPos[] = ['noun', 'verb', 'adj', 'adv'];

/** One synset of a data.<pos> file: its one-word lemmas (lower case) and its direct hypernyms' offsets. */
export interface Synset {
  words: string[];
  hypernyms: string[];
}

/** One part of speech of WordNet, read. */
export interface WordNetPart {
  pos: WordNetPos;
  /** lemma → the offsets of its synsets, most frequent sense first */
  index: Map<string, string[]>;
  data: Map<string, Synset>;
}

/** The lines of a WordNet file that hold entries: the license header's lines begin with spaces. */
function entryLines(text: string): string[] {
  return text.split('\n').filter((line) => line.length > 0 && line[0] !== ' ');
}

/** A lemma as written in a synset ("Take", "able(a)", "take_care"): one plain word lower case, or undefined. */
function plainWord(lemma: string): string | undefined {
  const word = lemma.replace(/\([a-z]+\)$/, '').toLowerCase();
  return /^[a-z]+$/.test(word) ? word : undefined;
}

/**
 * index.<pos>: lemma → the offsets of its synsets, most frequent sense first
 * (`lemma pos synset_cnt p_cnt [ptr…] sense_cnt tagsense_cnt offset…`).
 */
export function parseWordNetIndex(text: string): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const line of entryLines(text)) {
    const fields = line.trim().split(' ');
    const word = plainWord(fields[0]!);
    const synsets = Number(fields[2]);
    if (!word || !(synsets > 0) || fields.length < 4 + synsets) continue;
    index.set(word, fields.slice(fields.length - synsets));
  }
  return index;
}

/**
 * data.<pos>: offset → synset
 * (`offset lex_filenum ss_type w_cnt(hex) [word lex_id]… p_cnt [symbol offset pos source/target]… | gloss`).
 */
export function parseWordNetData(text: string): Map<string, Synset> {
  const data = new Map<string, Synset>();
  for (const line of entryLines(text)) {
    const fields = line.split(' | ')[0]!.trim().split(' ');
    const count = Number.parseInt(fields[3] ?? '', 16);
    if (!(count > 0)) continue;
    const words: string[] = [];
    for (let i = 0; i < count; i++) {
      const word = plainWord(fields[4 + 2 * i] ?? '');
      if (word && !words.includes(word)) words.push(word);
    }
    const pointersAt = 4 + 2 * count;
    const pointers = Number(fields[pointersAt]);
    const hypernyms: string[] = [];
    for (let p = 0; p < pointers; p++) {
      const at = pointersAt + 1 + 4 * p;
      if (fields[at] === '@' && fields[at + 1]) hypernyms.push(fields[at + 1]!);
    }
    data.set(fields[0]!, { words, hypernyms });
  }
  return data;
}

export interface SynonymOptions {
  /** senses of a word looked at, per part of speech, most frequent first: rarer senses ("lead" as "a jumper cable") are noise */
  maxSynsets: number;
  /** whether a verb's direct hypernyms' words count too ("chair" → "head", "lead"): news words a verb more generally */
  verbHypernyms: boolean;
}

/**
 * The one-word lemmas that share one of a word's first `maxSynsets` senses of
 * each part of speech (and, for a verb, its hypernyms'), the most frequent
 * sense of each part first, the word itself left out.
 *
 * @example synonymsOf(parts, 'pledge', { maxSynsets: 1, verbHypernyms: true }) // ['plight', 'promise', 'assure']
 */
export function synonymsOf(parts: readonly WordNetPart[], word: string, options: SynonymOptions): string[] {
  const out: string[] = [];
  const add = (w: string) => {
    if (w !== word && !out.includes(w)) out.push(w);
  };
  for (let rank = 0; rank < options.maxSynsets; rank++) {
    for (const part of parts) {
      const offset = part.index.get(word)?.[rank];
      const synset = offset === undefined ? undefined : part.data.get(offset);
      if (!synset) continue;
      for (const w of synset.words) add(w);
      if (part.pos === 'verb' && options.verbHypernyms) {
        for (const h of synset.hypernyms) for (const w of part.data.get(h)?.words ?? []) add(w);
      }
    }
  }
  return out;
}

export interface SynonymSenseOptions extends SynonymOptions {
  /** Arabic translations added to one word at most, those of its most frequent senses' synonyms first */
  maxTranslations: number;
}

/**
 * The further, weaker senses WordNet gives a dictionary's headwords: for each
 * headword with translations, the translations of its synonyms (synonymsOf),
 * one group per synonym, in the synonyms' order, leaving out those whose
 * index terms (`termsOf`) the headword's own senses or an earlier group
 * already have; at most `maxTranslations` in all.
 *
 * @example "pledge" (own «الوعد») → [['المحنه'] (by "plight"), ['اكد'] (by "assure")]
 */
export function synonymSenses(
  entries: ReadonlyMap<string, readonly (readonly string[])[]>,
  parts: readonly WordNetPart[],
  termsOf: (translation: string) => string[],
  options: SynonymSenseOptions,
): Map<string, string[][]> {
  return borrowedSenses(
    entries,
    [{ synonymsOf: (word) => synonymsOf(parts, word, options), maxTranslations: options.maxTranslations }],
    termsOf,
  );
}
