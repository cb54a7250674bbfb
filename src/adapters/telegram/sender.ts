import { TelegramError } from 'telegraf';
import { InFlight } from '../../core/in-flight.js';
import type { Logger } from '../../core/logger.js';

/**
 * The send queue between the adapter and the Bot API. Telegram asks for about
 * one message a second per chat (20 a minute in groups) and 30 a second
 * overall, and answers 429 with `retry_after` when a bot goes faster: then we
 * wait as long as asked and send the same call again — a reply is never dropped.
 */

/** `burst` calls at once, then one every `intervalMs`. */
export interface Pace {
  burst: number;
  intervalMs: number;
}

export const TELEGRAM_PACE = {
  global: { burst: 30, intervalMs: 1000 / 30 },
  private: { burst: 3, intervalMs: 1000 },
  group: { burst: 3, intervalMs: 3000 },
} as const satisfies Record<string, Pace>;

export interface SenderOptions {
  logger: Logger;
  pace?: { global: Pace; private: Pace; group: Pace };
  /** network errors and 5xx are retried this many times, with backoff; 429 always */
  transientRetries?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** The chat a call sends to: calls for one chat go out in order and paced. */
export interface ChatLane {
  key: string;
  kind: 'private' | 'group';
}

export interface Sender {
  /**
   * Runs one Bot API call in its chat's turn (or at once when `lane` is
   * absent: callback and inline answers), retrying after 429 for as long as
   * Telegram asks.
   *
   * @example sender.call('sendMessage', () => telegram.callApi('sendMessage', payload), { key: '42', kind: 'private' })
   */
  call<T>(method: string, run: () => Promise<T>, lane?: ChatLane): Promise<T>;
  /** Resolves true when no call is queued or running, false after `timeoutMs`. */
  idle(timeoutMs: number): Promise<boolean>;
  readonly pending: number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Seconds Telegram asked us to wait, when the error is a 429. */
export function retryAfterSeconds(error: unknown): number | undefined {
  if (!(error instanceof TelegramError) || error.code !== 429) return undefined;
  const seconds = error.parameters?.retry_after;
  return typeof seconds === 'number' && seconds >= 0 ? seconds : 1;
}

function isTransient(error: unknown): boolean {
  if (error instanceof TelegramError) return error.code >= 500;
  // node-fetch's network failures (refused, reset, DNS); an abort is deliberate and not retried
  return error instanceof Error && error.name === 'FetchError';
}

/** Generic cell rate: reserves the next slot for a key and says how long to wait for it. */
function createPacer(now: () => number) {
  const theoretical = new Map<string, number>();
  return (key: string, pace: Pace): number => {
    const at = now();
    if (theoretical.size > 10_000) for (const [k, t] of theoretical) if (t < at) theoretical.delete(k);
    const tat = Math.max(theoretical.get(key) ?? at, at);
    theoretical.set(key, tat + pace.intervalMs);
    return Math.max(0, tat - (pace.burst - 1) * pace.intervalMs - at);
  };
}

export function createSender(options: SenderOptions): Sender {
  const pace = options.pace ?? TELEGRAM_PACE;
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;
  const transientRetries = options.transientRetries ?? 2;
  const reserve = createPacer(now);
  const lanes = new Map<string, Promise<unknown>>();
  const inFlight = new InFlight();

  async function withRetries<T>(method: string, run: () => Promise<T>): Promise<T> {
    let transientFailures = 0;
    for (let attempt = 1; ; attempt++) {
      try {
        return await run();
      } catch (error) {
        const retryAfter = retryAfterSeconds(error);
        if (retryAfter !== undefined) {
          options.logger.warn({ method, retryAfter, attempt }, 'Telegram answered 429; waiting as asked, then sending again');
          await sleep(retryAfter * 1000);
          continue;
        }
        if (isTransient(error) && transientFailures < transientRetries) {
          transientFailures++;
          options.logger.warn({ method, attempt, err: error }, 'Bot API call failed; retrying');
          await sleep(500 * 2 ** (transientFailures - 1));
          continue;
        }
        throw error;
      }
    }
  }

  async function paced<T>(method: string, run: () => Promise<T>, lane: ChatLane): Promise<T> {
    const chatWait = reserve(`chat:${lane.key}`, pace[lane.kind]);
    if (chatWait > 0) await sleep(chatWait);
    const globalWait = reserve('global', pace.global);
    if (globalWait > 0) await sleep(globalWait);
    return withRetries(method, run);
  }

  return {
    call<T>(method: string, run: () => Promise<T>, lane?: ChatLane): Promise<T> {
      let result: Promise<T>;
      if (!lane) {
        result = withRetries(method, run);
      } else {
        const previous = lanes.get(lane.key) ?? Promise.resolve();
        result = previous.then(() => paced(method, run, lane));
        const tail = result.then(
          () => undefined,
          () => undefined,
        );
        lanes.set(lane.key, tail);
        void tail.then(() => {
          if (lanes.get(lane.key) === tail) lanes.delete(lane.key);
        });
      }
      return inFlight.track(result);
    },
    idle: (timeoutMs) => inFlight.idle(timeoutMs),
    get pending() {
      return inFlight.size;
    },
  };
}
