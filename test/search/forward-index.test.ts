import { describe, expect, it } from 'vitest';
import { ForwardIndexBuilder } from '../../src/search/forward-index.js';

describe('ForwardIndex', () => {
  it('counts term frequencies per passage and passage lengths', () => {
    const builder = new ForwardIndexBuilder();
    builder.add([3, 1, 3, 7]);
    builder.add([]);
    builder.add([2]);
    const index = builder.build();
    expect([index.frequency(0, 3), index.frequency(0, 1), index.frequency(0, 2), index.frequency(2, 2), index.frequency(1, 3)]).toEqual([
      2, 1, 0, 1, 0,
    ]);
    expect([index.length(0), index.length(1), index.length(2)]).toEqual([4, 0, 1]);
    expect(index.averageLength).toBeCloseTo(5 / 3);
  });

  it('grows past its first allocation', () => {
    const builder = new ForwardIndexBuilder();
    const big = Array.from({ length: 70_000 }, (_, i) => i);
    builder.add(big);
    builder.add([5, 5]);
    const index = builder.build();
    expect(index.frequency(0, 69_999)).toBe(1);
    expect(index.frequency(1, 5)).toBe(2);
  });
});
