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

/**
 * One question a platform handed over, from receipt until its last reply call
 * has returned. If shutdown cannot wait for it, the asker is told to ask again
 * (the adapter registers how) and the answer, should it come later, is not sent.
 */
export interface Turn {
  /** true once shutdown stopped waiting: send nothing more for this question */
  readonly interrupted: boolean;
  /**
   * Registers how to tell this asker "restarting, ask again"; the latest
   * registration wins. `tell` resolves 'answered' when it found the answer
   * already on its way and let it arrive instead.
   */
  onInterrupt(tell: () => Promise<'told' | 'answered' | undefined>): void;
}

/** How a shutdown ended for the questions it found in flight and the ones that came after. */
export interface DrainReport {
  /** taken before shutdown and answered during it */
  finished: number;
  /** still in flight when the wait ran out, then told to ask again */
  told: number;
  /** still in flight, and telling them failed too (or they had no way to be told) */
  unreached: number;
  /** arrived during shutdown: answered "restarting" at once */
  refused: number;
}

class OpenTurn implements Turn {
  interrupted = false;
  tell: (() => Promise<'told' | 'answered' | undefined>) | undefined;
  constructor(readonly beforeClose: boolean) {}
  onInterrupt(tell: () => Promise<'told' | 'answered' | undefined>): void {
    this.tell = tell;
  }
}

/**
 * The questions in flight across every adapter: shutdown closes it, waits
 * (bounded) for them, then tells those still open to ask again.
 *
 * @example const turns = new Turns(); await turns.track((turn) => answer(event, turn)); turns.close(); await turns.drain(10_000, 2_000);
 */
export class Turns {
  private readonly open = new Set<OpenTurn>();
  private readonly work = new InFlight();
  private closed = false;
  private finished = 0;
  private refused = 0;

  get size(): number {
    return this.open.size;
  }

  get accepting(): boolean {
    return !this.closed;
  }

  /** Counts `handle` as a question in flight until it settles; returns its promise. */
  track<T>(handle: (turn: Turn) => Promise<T>): Promise<T> {
    const turn = new OpenTurn(!this.closed);
    this.open.add(turn);
    const settle = () => {
      if (!this.open.delete(turn)) return;
      if (turn.beforeClose) this.finished++;
      else this.refused++;
    };
    const promise = (async () => handle(turn))();
    promise.then(settle, settle);
    return this.work.track(promise);
  }

  /** From here, new questions are still tracked but count as refused (the dispatcher answers them "restarting"). */
  close(): void {
    this.closed = true;
    this.finished = 0;
    this.refused = 0;
  }

  /**
   * Waits up to `waitMs` for every question in flight; then tells those still
   * open to ask again, giving the telling up to `tellMs`.
   */
  async drain(waitMs: number, tellMs: number): Promise<DrainReport> {
    await this.work.idle(waitMs);
    const left = [...this.open];
    let told = 0;
    let answered = 0;
    const telling = left.map(async (turn) => {
      this.open.delete(turn);
      turn.interrupted = true;
      // nothing to tell it with: counted as unreached by the caller
      if (!turn.tell) return;
      try {
        if ((await turn.tell()) === 'answered') answered++;
        else told++;
      } catch {
        // could not be told: unreached
      }
    });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(telling), new Promise<void>((resolve) => (timer = setTimeout(resolve, tellMs)))]);
    clearTimeout(timer);
    const settled = { finished: this.finished + answered, told, refused: this.refused };
    // whatever did not settle in time counts as unreached
    return { ...settled, unreached: left.length - answered - told };
  }
}
