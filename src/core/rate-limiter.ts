/**
 * Token buckets keyed by user or channel: `capacity` requests at once, then
 * one more every `refillMs`. Idle buckets are forgotten.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; updated: number }>();

  constructor(
    private readonly capacity: number,
    private readonly refillMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes a token for the key; false when the key is over its rate. */
  take(key: string): boolean {
    if (this.capacity <= 0) return true;
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, updated: now };
    const refilled = Math.min(this.capacity, bucket.tokens + (now - bucket.updated) / this.refillMs);
    if (this.buckets.size > 10_000) this.forgetIdle(now);
    if (refilled < 1) {
      this.buckets.set(key, { tokens: refilled, updated: now });
      return false;
    }
    this.buckets.set(key, { tokens: refilled - 1, updated: now });
    return true;
  }

  private forgetIdle(now: number): void {
    const idleAfter = this.capacity * this.refillMs;
    for (const [key, bucket] of this.buckets) if (now - bucket.updated > idleAfter) this.buckets.delete(key);
  }
}
