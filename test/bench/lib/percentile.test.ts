import { describe, expect, it } from 'vitest';
import { percentile } from '../../../bench/lib/percentile.js';

describe('percentile (nearest rank)', () => {
  it('takes the middle value of an odd sample as its median, whatever the input order', () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
  });

  it('takes the lower of the two middle values of an even sample, never an average of them', () => {
    expect(percentile([40, 10, 30, 20], 50)).toBe(20);
  });

  it('puts p99 of 446 timings on the 442nd fastest, so the four slowest are above it', () => {
    const timings = Array.from({ length: 446 }, (_, i) => i + 1);
    expect(percentile(timings, 99)).toBe(442);
  });

  it('returns the largest value at p100 and the smallest for a tiny p', () => {
    expect(percentile([3, 9, 1], 100)).toBe(9);
    expect(percentile([3, 9, 1], 0.1)).toBe(1);
  });

  it('leaves the caller’s array in its order', () => {
    const timings = [3, 1, 2];
    percentile(timings, 50);
    expect(timings).toEqual([3, 1, 2]);
  });

  it('has no value for an empty sample and refuses a p outside (0, 100]', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1, 2], 0)).toThrow(RangeError);
    expect(() => percentile([1, 2], 101)).toThrow(RangeError);
  });
});
