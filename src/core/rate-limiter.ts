import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * A fixed window of requests per key (user or channel), kept by
 * rate-limiter-flexible: in this process's memory, or in the shared store so
 * every replica counts against the same window.
 */
export class RateLimiter {
  constructor(private readonly limiter: RateLimiterAbstract | undefined) {}

  /** Takes one request for the key; false when the key is over its rate. Store failures reject. */
  async take(key: string): Promise<boolean> {
    if (!this.limiter) return true;
    try {
      await this.limiter.consume(key);
      return true;
    } catch (outcome) {
      // rate-limiter-flexible rejects with a RateLimiterRes when over the limit, with an Error when the store fails
      if (outcome instanceof RateLimiterRes) return false;
      throw outcome;
    }
  }
}

/** `points` per `durationMs` per key in this process; 0 points means unlimited. */
export function memoryRateLimiter(points: number, durationMs: number): RateLimiter {
  if (points <= 0) return new RateLimiter(undefined);
  return new RateLimiter(new RateLimiterMemory({ points, duration: durationMs / 1000 }));
}
