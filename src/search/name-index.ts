import { arabicSkeleton, hasArabicLetter, latinSkeletons } from '../text/index.js';

/**
 * The index's words by consonant skeleton (see text/skeleton.ts), so a name
 * typed in one script finds its spellings in the other: "Tillerson" →
 * "تيلرسون" (whose index term is "تيلرس"). Filled at build time, one entry
 * per distinct word of the corpus; a lookup is a few map reads.
 */
export class NameIndex {
  private readonly termsBySkeleton = new Map<string, number[]>();

  /** Files a normalized word of the corpus under its skeletons, pointing at its index term. */
  add(word: string, term: number): void {
    const skeletons = hasArabicLetter(word) ? [arabicSkeleton(word)] : /^[a-z]+$/.test(word) ? latinSkeletons(word) : [];
    for (const skeleton of skeletons) {
      if (!skeleton) continue;
      const terms = this.termsBySkeleton.get(skeleton);
      if (!terms) this.termsBySkeleton.set(skeleton, [term]);
      else if (!terms.includes(term)) terms.push(term);
    }
  }

  /** Terms of the other script whose words share one of the skeletons a normalized word may have. */
  of(word: string): number[] {
    const skeletons = hasArabicLetter(word) ? [arabicSkeleton(word)] : latinSkeletons(word);
    const found = new Set<number>();
    for (const skeleton of skeletons) for (const term of this.termsBySkeleton.get(skeleton) ?? []) found.add(term);
    return [...found];
  }
}
