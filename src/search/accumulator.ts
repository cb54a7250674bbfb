const STRIDE = 4;
const SCORE = 0;
const MASS = 1;
const WORDS = 2;
const TF = 3;
const CANDIDATE = 1;
const REMOVED = 2;

/**
 * Per-passage running totals of one search, reset after each search by
 * walking only the passages touched: no allocation per candidate, however
 * many there are. A passage's totals sit side by side in one array, so adding
 * to them touches one cache line, not four arrays spread over the index.
 */
export class Accumulator {
  private readonly cells: Float64Array;
  private readonly mark: Uint8Array;
  readonly candidates: number[] = [];

  /**
   * `removed`: passages (of a base segment, see segments.ts) never made
   * candidates; `order`: per passage, its place in the corpus, which breaks
   * ties (by default its number)
   */
  constructor(
    size: number,
    removed?: Uint8Array,
    private readonly order?: Int32Array,
  ) {
    this.cells = new Float64Array(size * STRIDE);
    this.mark = new Uint8Array(size);
    if (removed) for (let p = 0; p < removed.length; p++) if (removed[p]) this.mark[p] = REMOVED;
  }

  /** Which of two passages of equal score comes first: the one earlier in the corpus. */
  private before(a: number, b: number): number {
    return this.order ? this.order[a]! - this.order[b]! : a - b;
  }

  has(passage: number): boolean {
    return this.mark[passage] === CANDIDATE;
  }

  /** Whether a passage was removed (it is never a candidate). */
  removed(passage: number): boolean {
    return this.mark[passage] === REMOVED;
  }

  /** Makes a passage a candidate; false if it already was, or was removed. */
  add(passage: number): boolean {
    if (this.mark[passage]) return false;
    this.mark[passage] = CANDIDATE;
    this.candidates.push(passage);
    return true;
  }

  score(passage: number): number {
    return this.cells[passage * STRIDE + SCORE]!;
  }

  /** matched share of the question's weight, before dividing by the total */
  mass(passage: number): number {
    return this.cells[passage * STRIDE + MASS]!;
  }

  /** matched words of the question */
  words(passage: number): number {
    return this.cells[passage * STRIDE + WORDS]!;
  }

  addScore(passage: number, value: number): void {
    this.cells[passage * STRIDE + SCORE]! += value;
  }

  scaleScore(passage: number, factor: number): void {
    this.cells[passage * STRIDE + SCORE]! *= factor;
  }

  /** Adds a concept's contribution: its score, its weight toward coverage, the question words it stands for. */
  addMatch(passage: number, score: number, mass: number, words: number): void {
    const at = passage * STRIDE;
    this.cells[at + SCORE]! += score;
    this.cells[at + MASS]! += mass;
    this.cells[at + WORDS]! += words;
  }

  /** Scratch for one concept's merged term frequency, term at a time; returns the value before. */
  addTf(passage: number, tf: number): number {
    const at = passage * STRIDE + TF;
    const before = this.cells[at]!;
    this.cells[at] = before + tf;
    return before;
  }

  /** Reads and clears the scratch term frequency. */
  takeTf(passage: number): number {
    const at = passage * STRIDE + TF;
    const tf = this.cells[at]!;
    this.cells[at] = 0;
    return tf;
  }

  reset(): void {
    const { cells, mark, candidates } = this;
    // four stores, not fill(): a call per candidate cost more than the stores (thousands of candidates a question)
    for (let k = 0; k < candidates.length; k++) {
      const passage = candidates[k]!;
      const at = passage * STRIDE;
      cells[at + SCORE] = 0;
      cells[at + MASS] = 0;
      cells[at + WORDS] = 0;
      cells[at + TF] = 0;
      mark[passage] = 0;
    }
    this.candidates.length = 0;
  }

  /** Orders passages best first (ties by place in the corpus, for stable results). */
  sortByScore(passages: number[]): number[] {
    return passages.sort((a, b) => this.score(b) - this.score(a) || this.before(a, b));
  }

  /** The `k` candidates with the highest scores, best first (a bounded min-heap, O(n log k)). */
  top(k: number): number[] {
    const heap: number[] = [];
    const less = (a: number, b: number) => this.score(a) < this.score(b) || (this.score(a) === this.score(b) && this.before(a, b) > 0);
    const siftDown = (i: number) => {
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let smallest = i;
        if (l < heap.length && less(heap[l]!, heap[smallest]!)) smallest = l;
        if (r < heap.length && less(heap[r]!, heap[smallest]!)) smallest = r;
        if (smallest === i) return;
        [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
        i = smallest;
      }
    };
    for (const passage of this.candidates) {
      if (heap.length < k) {
        heap.push(passage);
        for (let i = heap.length - 1; i > 0; ) {
          const parent = (i - 1) >> 1;
          if (!less(heap[i]!, heap[parent]!)) break;
          [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
          i = parent;
        }
      } else if (less(heap[0]!, passage)) {
        heap[0] = passage;
        siftDown(0);
      }
    }
    return this.sortByScore(heap);
  }
}
