import { arabicSkeleton, hasArabicLetter, latinSkeletons } from '../text/index.js';

/** A word of the corpus filed under a skeleton, and its index term. */
export interface NamedWord {
  word: string;
  term: number;
}

/**
 * The index's words by consonant skeleton (see text/skeleton.ts), so a name
 * typed in one script finds its spellings in the other: "Tillerson" →
 * "تيلرسون" (whose index term is "تيلرس"). Filled at build time, one entry
 * per distinct word of the corpus; a lookup is a few map reads.
 */
export class NameIndex {
  private readonly words: string[];
  private readonly terms: number[] | Int32Array;
  /** skeleton → ids of words, while building (a restored index is extended, not added to: see extending) */
  private readonly wordsBySkeleton = new Map<string, number[]>();
  /**
   * Restored from a snapshot: skeleton → its number k, the ids of its words
   * being saved.ids[offsets[k] … offsets[k+1]) — no array object per
   * skeleton (tens of thousands at archive scale).
   */
  private readonly saved: { skeletons: Map<string, number>; offsets: Int32Array; ids: Int32Array } | undefined;

  constructor(saved?: NameIndexArrays) {
    this.words = saved ? saved.words : [];
    this.terms = saved ? saved.terms : [];
    if (saved) {
      const skeletons = new Map<string, number>();
      for (let k = 0; k < saved.skeletons.length; k++) skeletons.set(saved.skeletons[k]!, k);
      this.saved = { skeletons, offsets: saved.offsets, ids: saved.ids };
    }
  }

  /** The ids of the words filed under a skeleton. */
  private wordIds(skeleton: string): readonly number[] | Int32Array {
    if (!this.saved) return this.wordsBySkeleton.get(skeleton) ?? [];
    const k = this.saved.skeletons.get(skeleton);
    return k === undefined ? [] : this.saved.ids.subarray(this.saved.offsets[k], this.saved.offsets[k + 1]);
  }

  /** The skeletons a corpus word is filed under (given to add() when known from before). */
  static skeletonsOf(word: string): string[] {
    return hasArabicLetter(word) ? [arabicSkeleton(word)] : /^[a-z]+$/.test(word) ? latinSkeletons(word) : [];
  }

  /** Files a normalized word of the corpus under its skeletons, pointing at its index term. */
  add(word: string, term: number, skeletons: readonly string[] = NameIndex.skeletonsOf(word)): void {
    let id = -1;
    for (const skeleton of skeletons) {
      if (!skeleton) continue;
      if (id < 0) {
        id = this.words.push(word) - 1;
        (this.terms as number[]).push(term);
      }
      const words = this.wordsBySkeleton.get(skeleton);
      if (!words) this.wordsBySkeleton.set(skeleton, [id]);
      else if (words.at(-1) !== id) words.push(id);
    }
  }

  /**
   * Over a base segment's names (see segments.ts): this one holds the added
   * passages' words; the base's still count unless `stillNamed` says their
   * word left the corpus or now has another term.
   */
  private base: { names: NameIndex; stillNamed: (named: NamedWord) => boolean } | undefined;

  static extending(base: NameIndex, stillNamed: (named: NamedWord) => boolean): NameIndex {
    const names = new NameIndex();
    names.base = { names: base, stillNamed };
    return names;
  }

  /** Words of the corpus that share one of the skeletons a normalized word may have. */
  of(word: string): NamedWord[] {
    const skeletons = hasArabicLetter(word) ? [arabicSkeleton(word)] : latinSkeletons(word);
    const found = new Set<number>();
    for (const skeleton of skeletons) for (const id of this.wordIds(skeleton)) found.add(id);
    const own = [...found].map((id) => ({ word: this.words[id]!, term: this.terms[id]! }));
    if (!this.base) return own;
    const ownWords = new Set(own.map((named) => named.word));
    const { names, stillNamed } = this.base;
    return [...names.of(word).filter((named) => !ownWords.has(named.word) && stillNamed(named)), ...own];
  }

  /** Everything it holds, as arrays, for a snapshot (see index-data-codec.ts). */
  arrays(): NameIndexArrays {
    const skeletons = [...(this.saved?.skeletons.keys() ?? this.wordsBySkeleton.keys())];
    const offsets = new Int32Array(skeletons.length + 1);
    skeletons.forEach((skeleton, k) => (offsets[k + 1] = offsets[k]! + this.wordIds(skeleton).length));
    const ids = new Int32Array(offsets[skeletons.length]!);
    skeletons.forEach((skeleton, k) => ids.set(this.wordIds(skeleton), offsets[k]));
    return { words: this.words, terms: Int32Array.from(this.terms), skeletons, offsets, ids };
  }
}

/** A NameIndex as arrays: its words and their terms, and per skeleton the ids of its words (`ids[offsets[k]…offsets[k+1]]`). */
export interface NameIndexArrays {
  words: string[];
  terms: Int32Array;
  skeletons: string[];
  offsets: Int32Array;
  ids: Int32Array;
}
