/** Bits of a posting entry that hold the term's frequency in the passage; the passage number is above them. */
const TF_BITS = 8;
const TF_MASK = (1 << TF_BITS) - 1;
/** Passage numbers must fit above the frequency in a positive 32-bit entry. */
export const MAX_POSTING_PASSAGES = 2 ** (31 - TF_BITS);

/** The passage of a posting entry. */
export function passageOf(entry: number): number {
  return entry >>> TF_BITS;
}

/**
 * The term's frequency in the passage, as the forward index has it, when it
 * is below TF_MASK; TF_MASK means "that or more: ask the forward index" (one
 * posting in tens of thousands).
 */
export function cappedTfOf(entry: number): number {
  return entry & TF_MASK;
}

/** TF_MASK: the frequency an entry does not hold (see cappedTfOf). */
export const TF_UNKNOWN = TF_MASK;

/** An entry for a passage number and a term frequency. */
export function postingEntry(passage: number, tf: number): number {
  return (passage << TF_BITS) | Math.min(tf, TF_MASK);
}

/**
 * The inverted index in two typed arrays: the passages holding term t are
 * entries[offsets[t] … offsets[t+1]), ascending. Each entry is a passage
 * number with the term's frequency there in its low byte (see passageOf,
 * cappedTfOf): a walk over a posting list reads the frequencies in order,
 * with no lookup in the forward index per posting, for no extra byte. Four
 * bytes per posting and nothing to rebuild when a snapshot is loaded.
 */
export class Postings {
  constructor(
    readonly offsets: Int32Array,
    readonly entries: Int32Array,
  ) {}

  /**
   * From each passage's distinct term ids, in passage order; `df[t]` must be
   * the number of passages holding term t (the vocabulary's count). The
   * frequencies are 0 until setFrequencies.
   */
  static build(distinctIds: (passage: number) => ArrayLike<number>, passages: number, df: ArrayLike<number>): Postings {
    if (passages > MAX_POSTING_PASSAGES) throw new Error(`Postings: ${passages} passages, more than ${MAX_POSTING_PASSAGES}`);
    const offsets = new Int32Array(df.length + 1);
    for (let t = 0; t < df.length; t++) offsets[t + 1] = offsets[t]! + df[t]!;
    const cursor = offsets.slice(0, df.length);
    const list = new Int32Array(offsets[df.length]!);
    for (let p = 0; p < passages; p++) {
      const ids = distinctIds(p);
      for (let k = 0; k < ids.length; k++) list[cursor[ids[k]!]!++] = postingEntry(p, 0);
    }
    return new Postings(offsets, list);
  }

  /** Writes each entry's frequency, `tf(p, t)` being what the forward index gives (part of building). */
  setFrequencies(tf: (passage: number, term: number) => number): void {
    const { offsets, entries } = this;
    for (let t = 0; t + 1 < offsets.length; t++) {
      for (let k = offsets[t]!; k < offsets[t + 1]!; k++) {
        const passage = passageOf(entries[k]!);
        entries[k] = postingEntry(passage, tf(passage, t));
      }
    }
  }

  /** The entries of the passages holding the term, ascending (see passageOf, cappedTfOf). */
  of(term: number): Int32Array {
    return this.entries.subarray(this.offsets[term], this.offsets[term + 1]);
  }

  /** The passages holding the term, ascending (a copy: for callers off the search's hot path). */
  passagesOf(term: number): Int32Array {
    return this.of(term).map(passageOf);
  }

  /** Passages holding every one of the terms, ascending. */
  withAll(terms: readonly number[]): number[] {
    if (terms.length === 0) return [];
    const lists = terms.map((t) => this.of(t)).sort((a, b) => a.length - b.length);
    const out: number[] = [];
    const at = new Int32Array(lists.length);
    outer: for (const entry of lists[0]!) {
      const passage = passageOf(entry);
      for (let k = 1; k < lists.length; k++) {
        const list = lists[k]!;
        let i = at[k]!;
        while (i < list.length && passageOf(list[i]!) < passage) i++;
        at[k] = i;
        if (i === list.length) break outer;
        if (passageOf(list[i]!) !== passage) continue outer;
      }
      out.push(passage);
    }
    return out;
  }
}
