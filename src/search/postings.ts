/**
 * The inverted index in two typed arrays: the passages holding term t are
 * passages[offsets[t] … offsets[t+1]), ascending. Four bytes per posting and
 * nothing to rebuild when a snapshot is loaded.
 */
export class Postings {
  constructor(
    readonly offsets: Int32Array,
    readonly passages: Int32Array,
  ) {}

  /**
   * From each passage's distinct term ids, in passage order; `df[t]` must be
   * the number of passages holding term t (the vocabulary's count).
   */
  static build(distinctIds: (passage: number) => ArrayLike<number>, passages: number, df: ArrayLike<number>): Postings {
    const offsets = new Int32Array(df.length + 1);
    for (let t = 0; t < df.length; t++) offsets[t + 1] = offsets[t]! + df[t]!;
    const cursor = offsets.slice(0, df.length);
    const list = new Int32Array(offsets[df.length]!);
    for (let p = 0; p < passages; p++) {
      const ids = distinctIds(p);
      for (let k = 0; k < ids.length; k++) list[cursor[ids[k]!]!++] = p;
    }
    return new Postings(offsets, list);
  }

  /** Passages holding the term, ascending. */
  of(term: number): Int32Array {
    return this.passages.subarray(this.offsets[term], this.offsets[term + 1]);
  }

  /** Passages holding every one of the terms, ascending. */
  withAll(terms: readonly number[]): number[] {
    if (terms.length === 0) return [];
    const lists = terms.map((t) => this.of(t)).sort((a, b) => a.length - b.length);
    const out: number[] = [];
    const at = new Int32Array(lists.length);
    outer: for (const passage of lists[0]!) {
      for (let k = 1; k < lists.length; k++) {
        const list = lists[k]!;
        let i = at[k]!;
        while (i < list.length && list[i]! < passage) i++;
        at[k] = i;
        if (i === list.length) break outer;
        if (list[i] !== passage) continue outer;
      }
      out.push(passage);
    }
    return out;
  }
}
