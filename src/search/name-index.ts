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
  private readonly words: string[] = [];
  private readonly terms: number[] = [];
  private readonly wordsBySkeleton = new Map<string, number[]>();

  /** Files a normalized word of the corpus under its skeletons, pointing at its index term. */
  add(word: string, term: number): void {
    const skeletons = hasArabicLetter(word) ? [arabicSkeleton(word)] : /^[a-z]+$/.test(word) ? latinSkeletons(word) : [];
    let id = -1;
    for (const skeleton of skeletons) {
      if (!skeleton) continue;
      if (id < 0) {
        id = this.words.push(word) - 1;
        this.terms.push(term);
      }
      const words = this.wordsBySkeleton.get(skeleton);
      if (!words) this.wordsBySkeleton.set(skeleton, [id]);
      else if (words.at(-1) !== id) words.push(id);
    }
  }

  /** Words of the corpus that share one of the skeletons a normalized word may have. */
  of(word: string): NamedWord[] {
    const skeletons = hasArabicLetter(word) ? [arabicSkeleton(word)] : latinSkeletons(word);
    const found = new Set<number>();
    for (const skeleton of skeletons) for (const id of this.wordsBySkeleton.get(skeleton) ?? []) found.add(id);
    return [...found].map((id) => ({ word: this.words[id]!, term: this.terms[id]! }));
  }
}
