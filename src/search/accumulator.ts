/**
 * Per-passage running totals of one search, in typed arrays sized to the
 * index and reset after each search by walking only the passages touched:
 * no allocation per candidate, however many there are.
 */
export class Accumulator {
  readonly score: Float64Array;
  /** matched share of the question's weight, before dividing by the total */
  readonly mass: Float32Array;
  /** matched words of the question */
  readonly words: Uint16Array;
  /** scratch: one concept's merged term frequency, term at a time */
  readonly conceptTf: Float32Array;
  private readonly mark: Uint8Array;
  readonly candidates: number[] = [];

  constructor(size: number) {
    this.score = new Float64Array(size);
    this.mass = new Float32Array(size);
    this.words = new Uint16Array(size);
    this.conceptTf = new Float32Array(size);
    this.mark = new Uint8Array(size);
  }

  has(passage: number): boolean {
    return this.mark[passage] === 1;
  }

  /** Makes a passage a candidate; false if it already was. */
  add(passage: number): boolean {
    if (this.mark[passage]) return false;
    this.mark[passage] = 1;
    this.candidates.push(passage);
    return true;
  }

  reset(): void {
    for (const passage of this.candidates) {
      this.score[passage] = 0;
      this.mass[passage] = 0;
      this.words[passage] = 0;
      this.mark[passage] = 0;
    }
    this.candidates.length = 0;
  }

  /** The `k` candidates with the highest scores, best first (a bounded min-heap, O(n log k)). */
  top(k: number): number[] {
    const heap: number[] = [];
    const score = this.score;
    const less = (a: number, b: number) => score[a]! < score[b]! || (score[a] === score[b] && a > b);
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
    return heap.sort((a, b) => score[b]! - score[a]! || a - b);
  }
}
