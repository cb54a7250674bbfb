/**
 * A fixed-size open-addressing map from 32-bit integers to small
 * non-negative integers, for the few terms of one question: looked up once
 * per word of every reranked passage, where a Map's hashing dominates.
 */
export class SmallIntMap {
  private readonly keys: Int32Array;
  private readonly values: Int32Array;
  private readonly used: Uint8Array;
  private readonly mask: number;

  constructor(entries: Iterable<readonly [number, number]>) {
    const list = [...entries];
    let capacity = 16;
    while (capacity < list.length * 4) capacity *= 2;
    this.keys = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
    this.used = new Uint8Array(capacity);
    this.mask = capacity - 1;
    for (const [key, value] of list) {
      let slot = this.slot(key);
      while (this.used[slot] && this.keys[slot] !== key) slot = (slot + 1) & this.mask;
      if (this.used[slot]) continue; // first value wins
      this.used[slot] = 1;
      this.keys[slot] = key;
      this.values[slot] = value;
    }
  }

  private slot(key: number): number {
    return (Math.imul(key, 0x9e3779b1) >>> 16) & this.mask;
  }

  /** The value for a key, or -1. */
  get(key: number): number {
    let slot = this.slot(key);
    while (this.used[slot]) {
      if (this.keys[slot] === key) return this.values[slot]!;
      slot = (slot + 1) & this.mask;
    }
    return -1;
  }
}
