/**
 * Counts work in progress and lets shutdown wait, bounded, for it to finish.
 *
 * @example const work = new InFlight(); await work.track(send()); await work.idle(10_000);
 */
export class InFlight {
  private count = 0;
  private waiters: (() => void)[] = [];

  get size(): number {
    return this.count;
  }

  /** Counts a promise until it settles; returns it unchanged. */
  track<T>(promise: Promise<T>): Promise<T> {
    this.count++;
    const settle = () => {
      this.count--;
      if (this.count === 0) {
        for (const wake of this.waiters) wake();
        this.waiters = [];
      }
    };
    promise.then(settle, settle);
    return promise;
  }

  /** Resolves true when nothing is in progress, or false after `timeoutMs`. */
  idle(timeoutMs: number): Promise<boolean> {
    if (this.count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
