import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryRateLimiter } from '../../src/core/rate-limiter.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('memoryRateLimiter', () => {
  it('allows `points` per window per key, and a new window starts afresh', async () => {
    vi.useFakeTimers({ now: 0 });
    const limiter = memoryRateLimiter(2, 60_000);
    const takes = [];
    for (const key of ['a', 'a', 'a', 'b']) takes.push(await limiter.take(key));
    expect(takes).toEqual([true, true, false, true]);
    vi.setSystemTime(59_000);
    expect(await limiter.take('a')).toBe(false);
    vi.advanceTimersByTime(1_001);
    expect(await limiter.take('a')).toBe(true);
  });

  it('is off with 0 points', async () => {
    const limiter = memoryRateLimiter(0, 60_000);
    const takes = await Promise.all(Array.from({ length: 50 }, () => limiter.take('a')));
    expect(takes.every(Boolean)).toBe(true);
  });
});
