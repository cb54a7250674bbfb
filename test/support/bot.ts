import { join } from 'node:path';
import { COMMANDS } from '../../commands/index.js';
import { BotService } from '../../src/core/bot-service.js';
import { createDispatcher, type Dispatcher } from '../../src/core/dispatch.js';
import type { Invocation } from '../../src/core/invocation.js';
import { type Logger, silentLogger } from '../../src/core/logger.js';
import { memoryRateLimiter } from '../../src/core/rate-limiter.js';
import { projectRoot } from '../../src/project-root.js';
import { openSqliteStore, type Store } from '../../src/store/index.js';

export const BUNDLED_CORPUS = join(projectRoot(), 'corpus');

export interface TestBot {
  bot: BotService;
  dispatcher: Dispatcher;
  store: Store;
}

/**
 * A bot over the bundled corpus with an in-memory store: what adapters and
 * command tests run against.
 */
export async function createTestBot(
  options: { corpusDir?: string; logger?: Logger; rateLimit?: number; buildInWorker?: boolean } = {},
): Promise<TestBot> {
  const store = openSqliteStore(':memory:');
  const logger = options.logger ?? silentLogger;
  // builds on the test's thread unless the test is about the worker: starting one per test would only slow the suite
  const bot = new BotService({
    corpusDir: options.corpusDir ?? BUNDLED_CORPUS,
    store,
    logger,
    buildInWorker: options.buildInWorker ?? false,
  });
  await bot.reload({ initial: true });
  const limit = options.rateLimit ?? 1000;
  const dispatcher = createDispatcher({
    commands: COMMANDS,
    bot,
    logger,
    userLimiter: memoryRateLimiter(limit, 60_000),
    channelLimiter: memoryRateLimiter(limit, 60_000),
  });
  return { bot, dispatcher, store };
}

/** An invocation with sensible defaults; override what the test is about. */
export function invocation(overrides: Partial<Invocation> & Pick<Invocation, 'command'>): Invocation {
  return {
    args: {},
    platform: 'console',
    user: { id: 'u1', isModerator: false },
    chat: { id: 'c1', kind: 'private' },
    ...overrides,
  };
}
