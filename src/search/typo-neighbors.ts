import type { Vocabulary } from './vocabulary.js';

/**
 * Whether two words are one edit apart: one letter inserted, deleted or
 * replaced, or two adjacent letters swapped ("تيلرسون" / "تليرسون").
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return false;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // replaced
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swapped
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1); // deleted / inserted
}

/**
 * Terms of the index one edit away from a word it does not know: typos
 * ("الكمياء" for "الكيمياء") and names spelled one letter differently.
 *
 * One edit to a word of four letters or more leaves its first two letters
 * or its last two in place, so terms are bucketed by length and first pair,
 * and by length and last pair; a lookup compares only within six buckets.
 * Built on first use.
 */
const bucketsOf = (term: string) => (term.length < 3 ? [] : [`${term.length}<${term.slice(0, 2)}`, `${term.length}>${term.slice(-2)}`]);

export class TypoNeighbors {
  private buckets: Map<string, number[]> | undefined;

  /**
   * Over `vocabulary`; given the neighbours of the base vocabulary it extends
   * (see Vocabulary.extending), only the terms added since are bucketed here
   * and the base's buckets are shared, not rebuilt.
   */
  constructor(
    private readonly vocabulary: Vocabulary,
    private readonly base?: TypoNeighbors,
  ) {}

  private index(): Map<string, number[]> {
    this.buckets ??= this.vocabulary.groupIds(bucketsOf, this.vocabulary.baseSize);
    return this.buckets;
  }

  /** Builds the buckets now, a piece at a time (a reload, before the index serves). */
  async prepare(pause: () => Promise<unknown>): Promise<void> {
    await this.base?.prepare(pause);
    if (this.base) this.index();
    else this.buckets ??= await this.vocabulary.groupIdsInPieces(bucketsOf, pause);
  }

  /** Up to `limit` terms one edit from `term`, the most common first; only for words of four letters or more. */
  of(term: string, limit = 3): string[] {
    if (term.length < 4) return [];
    const indexes = this.base ? [this.base.index(), this.index()] : [this.index()];
    const found = new Set<number>();
    for (const length of [term.length - 1, term.length, term.length + 1]) {
      for (const key of [`${length}<${term.slice(0, 2)}`, `${length}>${term.slice(-2)}`]) {
        for (const index of indexes)
          for (const id of index.get(key) ?? []) if (withinOneEdit(term, this.vocabulary.term(id))) found.add(id);
      }
    }
    return (
      [...found]
        // over a base, a term every passage of which was removed is gone
        .filter((id) => !this.base || this.vocabulary.df(id) > 0)
        .sort((a, b) => this.vocabulary.df(b) - this.vocabulary.df(a))
        .slice(0, limit)
        .map((id) => this.vocabulary.term(id))
    );
  }
}
