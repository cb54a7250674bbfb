import type { Telegraf } from 'telegraf';
import type { Logger } from '../../core/logger.js';
import type { HeldLock } from '../../store/index.js';
import type { StartCall } from './start-error.js';
import { startPolling, type UpdateSource } from './update-source.js';

export interface PollingLeaderDeps {
  logger: Logger;
  apiRoot: string;
  startCall: StartCall;
  /** the shared store's lock: with PostgreSQL one replica holds it; with SQLite this process always does */
  tryLock: (name: string) => Promise<HeldLock | undefined>;
  /** one lock per bot, so two bots sharing a database do not wait for each other */
  lockName: string;
  /** how often a replica standing by tries to take over */
  retryMs: number;
}

/**
 * Long polling when several replicas share one token: Telegram allows one
 * getUpdates consumer (a second gets 409 Conflict), so only the replica
 * holding the lock polls. The others stand by and try again every
 * `retryMs`; when the poller stops (or its database session ends, which frees
 * the lock) one of them takes over.
 */
export async function startPollingAsLeader(bot: Telegraf, deps: PollingLeaderDeps): Promise<UpdateSource> {
  const log = deps.logger;
  let stopped = false;
  let polling: UpdateSource | undefined;
  let held: HeldLock | undefined;
  let timer: NodeJS.Timeout | undefined;

  const standBy = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      attempt()
        .then((leading) => {
          if (leading) log.info('took over long polling');
          else standBy();
        })
        .catch((error: unknown) => {
          log.warn({ err: error }, 'could not take over long polling; trying again');
          standBy();
        });
    }, deps.retryMs);
  };

  /** Polls if the lock is free; false when another replica polls. */
  async function attempt(): Promise<boolean> {
    const lock = await deps.tryLock(deps.lockName);
    if (!lock) return false;
    if (stopped) {
      await lock.release();
      return false;
    }
    let source: UpdateSource;
    try {
      source = await startPolling(bot, deps);
    } catch (error) {
      await lock.release();
      throw error;
    }
    if (stopped) {
      await source.stop();
      await lock.release();
      return false;
    }
    held = lock;
    polling = source;
    const giveUp = async (why: string) => {
      if (stopped || polling !== source) return;
      polling = undefined;
      held = undefined;
      log.warn(why);
      await source.stop();
      await lock.release();
      standBy();
    };
    // another replica may take the lock from here on: stop polling before it starts
    void lock.lost.then(() => giveUp('lost the long-polling lock; standing by'));
    void source.ended?.then(() => giveUp('long polling ended; releasing the lock for another replica'));
    return true;
  }

  if (!(await attempt())) {
    log.info('another replica polls Telegram; standing by to take over');
    standBy();
  }

  return {
    mode: 'polling',
    // standing by is this replica's job too: ready either way
    isRunning: () => !stopped && (polling?.isRunning() ?? true),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      const [source, lock] = [polling, held];
      polling = undefined;
      held = undefined;
      await source?.stop();
      await lock?.release();
    },
  };
}
