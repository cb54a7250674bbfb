/** Per-passage integer sequences in one flat array (term ids, or surface hashes, in text order). */
export class SequenceStore {
  private offsetList: number[] = [0];
  private data: Int32Array = new Int32Array(1 << 16);
  private offsets: Int32Array | undefined;

  /** A finished store over saved arrays (see index-data-codec.ts). */
  static of(offsets: Int32Array, data: Int32Array): SequenceStore {
    const store = new SequenceStore();
    store.offsetList = [];
    store.offsets = offsets;
    store.data = data;
    return store;
  }

  add(values: ArrayLike<number>): void {
    const used = this.offsetList.at(-1)!;
    if (used + values.length > this.data.length) {
      let capacity = this.data.length * 2;
      while (capacity < used + values.length) capacity *= 2;
      const grown = new Int32Array(capacity);
      grown.set(this.data.subarray(0, used));
      this.data = grown;
    }
    this.data.set(values, used);
    this.offsetList.push(used + values.length);
  }

  /** Ends adding: trims the spare capacity and freezes the offsets into a typed array. */
  compact(): void {
    this.offsets = Int32Array.from(this.offsetList);
    this.offsetList = [];
    this.data = this.data.slice(0, this.offsets.at(-1));
  }

  /** The arrays a snapshot saves: per-passage offsets and the values. */
  arrays(): { offsets: Int32Array; data: Int32Array } {
    if (!this.offsets) this.compact();
    return { offsets: this.offsets!, data: this.data };
  }

  of(passage: number): Int32Array {
    if (!this.offsets) this.compact();
    return this.data.subarray(this.offsets![passage], this.offsets![passage + 1]);
  }
}
