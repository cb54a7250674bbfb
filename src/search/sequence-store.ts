/** Per-passage integer sequences in one flat array (term ids, or surface hashes, in text order). */
export class SequenceStore {
  private readonly offsets: number[] = [0];
  private data = new Int32Array(1 << 16);

  add(values: ArrayLike<number>): void {
    const used = this.offsets.at(-1)!;
    if (used + values.length > this.data.length) {
      let capacity = this.data.length * 2;
      while (capacity < used + values.length) capacity *= 2;
      const grown = new Int32Array(capacity);
      grown.set(this.data.subarray(0, used));
      this.data = grown;
    }
    this.data.set(values, used);
    this.offsets.push(used + values.length);
  }

  compact(): void {
    this.data = this.data.slice(0, this.offsets.at(-1));
  }

  of(passage: number): Int32Array {
    return this.data.subarray(this.offsets[passage], this.offsets[passage + 1]);
  }
}
