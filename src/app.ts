import type { Readable, Writable } from 'node:stream';
import { COMMANDS } from '../commands/index.js';
import type { Adapter, AdapterDeps } from './adapters/adapter.js';
import { createConsoleAdapter } from './adapters/console/console-adapter.js';
import type { Config } from './config.js';
import { BotService, type BotObserver } from './core/bot-service.js';
import { createDispatcher, type Dispatcher } from './core/dispatch.js';
import type { Logger } from './core/logger.js';
import { RateLimiter } from './core/rate-limiter.js';
import { formatProblem } from './corpus/index.js';
import { watchCorpus } from './ops/corpus-watch.js';
import { openSqliteStore, type Store } from './store/index.js';

/** A start-up failure with a one-line explanation for the operator. */
export class StartupError extends Error {
  override name = 'StartupError';
}

export interface AppOptions {
  config: Config;
  logger: Logger;
  /** for the console chat */
  input: Readable;
  output: Writable;
  interactive: boolean;
  /** extra hooks (metrics) */
  observer?: BotObserver;
  /** called when the console user leaves */
  onConsoleExit?: () => void;
}

export interface App {
  readonly bot: BotService;
  readonly dispatcher: Dispatcher;
  readonly adapters: readonly Adapter[];
  start(): Promise<void>;
  /** Stops taking questions, finishes those in flight (bounded), closes connections and the store. */
  stop(): Promise<void>;
  reload(): Promise<void>;
  /** index loaded and every adapter connected */
  readiness(): { ready: boolean; checks: Record<string, boolean> };
}

const MINUTE_MS = 60_000;

/** Whether this configuration runs the console chat. */
export function wantsConsole(config: Config, interactive: boolean): boolean {
  if (config.console === 'on') return true;
  if (config.console === 'off') return false;
  return interactive && !config.discord && !config.telegram;
}

export function createApp(options: AppOptions): App {
  const { config, logger } = options;
  let store: Store | undefined;
  let bot: BotService | undefined;
  let dispatcher: Dispatcher | undefined;
  const adapters: Adapter[] = [];
  let watcher: { close(): void } | undefined;

  const needBot = () => {
    if (!bot || !dispatcher) throw new Error('The app is not started: call `await app.start()` first.');
    return { bot, dispatcher };
  };

  async function createAdapters(deps: AdapterDeps): Promise<Adapter[]> {
    const list: Adapter[] = [];
    if (config.discord) {
      const { createDiscordAdapter } = await import('./adapters/discord/index.js');
      list.push(createDiscordAdapter({ ...deps, config: config.discord }));
    }
    if (config.telegram) {
      const { createTelegramAdapter } = await import('./adapters/telegram/index.js');
      list.push(createTelegramAdapter({ ...deps, config: config.telegram }));
    }
    if (wantsConsole(config, options.interactive)) {
      list.push(createConsoleAdapter({ ...deps, input: options.input, output: options.output, color: options.interactive, onExit: options.onConsoleExit }));
    }
    return list;
  }

  async function reload(): Promise<void> {
    const report = await needBot().bot.reload();
    for (const problem of report.problems) logger.warn({ file: problem.file }, formatProblem(problem));
  }

  return {
    get bot() {
      return needBot().bot;
    },
    get dispatcher() {
      return needBot().dispatcher;
    },
    adapters,

    async start() {
      if (!config.discord && !config.telegram && !wantsConsole(config, options.interactive)) {
        throw new StartupError(
          'nothing to serve: no platform token is set and there is no terminal for the console chat — set DISCORD_TOKEN and/or TELEGRAM_BOT_TOKEN (see .env.example), or run with a terminal (docker run -it) for the console',
        );
      }
      store = openSqliteStore(config.dataDir);
      bot = new BotService({
        corpusDir: config.corpusDir,
        store,
        logger: logger.child({ component: 'core' }),
        answer: { maxPassages: config.answerPassages, maxQuestionLength: config.maxQuestionLength },
        observer: options.observer,
      });
      const report = await bot.reload({ initial: true });
      for (const problem of report.problems) {
        if (problem.severity === 'error') logger.error({ file: problem.file }, formatProblem(problem));
        else logger.warn({ file: problem.file }, formatProblem(problem));
      }
      if (!bot.ready) {
        const first = report.problems.find((p) => p.severity === 'error');
        throw new StartupError(`no usable article in ${config.corpusDir}${first ? ` (${first.message})` : ''} — ${first?.fix ?? 'add <id>.txt articles (see corpus/README.md) or set CORPUS_DIR'}`);
      }

      dispatcher = createDispatcher({
        commands: COMMANDS,
        bot,
        logger,
        userLimiter: new RateLimiter(config.rateLimitUser, MINUTE_MS / Math.max(1, config.rateLimitUser)),
        channelLimiter: new RateLimiter(config.rateLimitChannel, MINUTE_MS / Math.max(1, config.rateLimitChannel)),
      });

      adapters.push(...(await createAdapters({ dispatcher, bot, logger, hashUserIds: config.log.hashUserIds })));
      try {
        for (const adapter of adapters) await adapter.start();
      } catch (error) {
        await Promise.allSettled(adapters.map((a) => a.stop()));
        throw error;
      }
      if (config.corpusWatch) watcher = watchCorpus(config.corpusDir, () => void reload(), logger);
      logger.info({ adapters: adapters.map((a) => a.name) }, 'started');
    },

    async stop() {
      watcher?.close();
      if (dispatcher) {
        dispatcher.close();
        const drained = await dispatcher.drain(config.shutdownTimeoutMs);
        if (!drained) logger.warn({ inFlight: dispatcher.inFlight }, 'shutdown: gave up waiting for questions in flight');
      }
      await Promise.allSettled(adapters.map((a) => a.stop()));
      store?.close();
      logger.info('stopped');
    },

    reload,

    readiness() {
      const checks: Record<string, boolean> = { index: bot?.ready ?? false };
      for (const adapter of adapters) checks[adapter.name] = adapter.isReady();
      return { ready: Object.values(checks).every(Boolean), checks };
    },
  };
}
