/**
 * Per-passage term frequencies in flat typed arrays: for passage p, its
 * distinct term ids (sorted) are terms[offsets[p] … offsets[p+1]) and their
 * counts sit at the same places in counts. A few bytes per posting, so 30k
 * news articles fit in tens of megabytes; the arrays are what a snapshot saves.
 */
export class ForwardIndex {
  readonly size: number;
  /** Mean number of indexed terms per passage. */
  readonly averageLength: number;

  constructor(
    readonly offsets: Int32Array,
    readonly termIds: Int32Array,
    readonly counts: Uint16Array,
    readonly lengths: Float32Array,
  ) {
    this.size = lengths.length;
    let total = 0;
    for (let p = 0; p < lengths.length; p++) total += lengths[p]!;
    this.averageLength = lengths.length ? total / lengths.length : 0;
  }

  /** How many times a term occurs in a passage (0 when absent). */
  frequency(passage: number, term: number): number {
    const terms = this.termIds;
    let lo = this.offsets[passage]!;
    let hi = this.offsets[passage + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const found = terms[mid]!;
      if (found === term) return this.counts[mid]!;
      if (found < term) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /** Number of indexed terms in the passage. */
  length(passage: number): number {
    return this.lengths[passage] ?? 0;
  }

  /** The passage's distinct term ids, ascending. */
  terms(passage: number): Int32Array {
    return this.termIds.subarray(this.offsets[passage], this.offsets[passage + 1]);
  }
}

export class ForwardIndexBuilder {
  private readonly offsets: number[] = [0];
  private terms: Int32Array = new Int32Array(1 << 16);
  private counts: Uint16Array = new Uint16Array(1 << 16);
  private readonly lengths: number[] = [];
  private used = 0;

  /**
   * Adds the next passage from its term ids in text order; returns its number.
   * `extra` terms (the title) count `extraWeight` times each (rounded to whole
   * occurrences) but not toward the passage's length.
   */
  add(termIds: ArrayLike<number>, extra: ArrayLike<number> = [], extraWeight = 0): number {
    // sorted copies in scratch arrays reused from passage to passage: no garbage per passage
    const body = this.sortedCopy(0, termIds);
    const added = extraWeight > 0 ? this.sortedCopy(1, extra) : this.scratch[1].subarray(0, 0);
    this.reserve(body.length + added.length);
    // merge the two sorted lists, counting runs
    let i = 0;
    let j = 0;
    while (i < body.length || j < added.length) {
      const id = j >= added.length || (i < body.length && body[i]! <= added[j]!) ? body[i]! : added[j]!;
      let count = 0;
      while (i < body.length && body[i] === id) {
        count++;
        i++;
      }
      while (j < added.length && added[j] === id) {
        count += extraWeight;
        j++;
      }
      this.terms[this.used] = id;
      this.counts[this.used] = Math.min(Math.round(count), 0xffff);
      this.used++;
    }
    this.offsets.push(this.used);
    this.lengths.push(termIds.length);
    return this.lengths.length - 1;
  }

  private readonly scratch: [Int32Array, Int32Array] = [new Int32Array(256), new Int32Array(256)];

  private sortedCopy(which: 0 | 1, ids: ArrayLike<number>): Int32Array {
    if (this.scratch[which].length < ids.length) this.scratch[which] = new Int32Array(2 * ids.length);
    const out = this.scratch[which].subarray(0, ids.length);
    if (ids instanceof Int32Array) out.set(ids);
    else for (let i = 0; i < ids.length; i++) out[i] = ids[i]!;
    return out.sort();
  }

  private reserve(extra: number): void {
    if (this.used + extra <= this.terms.length) return;
    let capacity = this.terms.length * 2;
    while (capacity < this.used + extra) capacity *= 2;
    const terms = new Int32Array(capacity);
    terms.set(this.terms.subarray(0, this.used));
    const counts = new Uint16Array(capacity);
    counts.set(this.counts.subarray(0, this.used));
    this.terms = terms;
    this.counts = counts;
  }

  build(): ForwardIndex {
    return new ForwardIndex(
      Int32Array.from(this.offsets),
      this.terms.slice(0, this.used),
      this.counts.slice(0, this.used),
      Float32Array.from(this.lengths),
    );
  }
}
