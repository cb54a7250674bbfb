import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/core/rate-limiter.js';

describe('RateLimiter', () => {
  it('allows a burst, then one request per refill period, per key', () => {
    let now = 0;
    const limiter = new RateLimiter(2, 1000, () => now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a'), limiter.take('b')]).toEqual([true, true, false, true]);
    now = 999;
    expect(limiter.take('a')).toBe(false);
    now = 2000;
    expect(limiter.take('a')).toBe(true);
  });

  it('is off with a capacity of 0', () => {
    const limiter = new RateLimiter(0, 1000);
    expect(Array.from({ length: 50 }, () => limiter.take('a')).every(Boolean)).toBe(true);
  });
});
