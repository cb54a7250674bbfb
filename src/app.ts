import type { Readable, Writable } from 'node:stream';
import { COMMANDS } from '../commands/index.js';
import type { Adapter, AdapterDeps } from './adapters/adapter.js';
import { createConsoleAdapter } from './adapters/console/console-adapter.js';
import type { Config } from './config.js';
import { BotService, type BotObserver } from './core/bot-service.js';
import { createDispatcher, type Dispatcher } from './core/dispatch.js';
import type { Logger } from './core/logger.js';
import { RateLimiter } from './core/rate-limiter.js';
import type { Platform } from './core/invocation.js';
import { describeReload } from './core/reload-report.js';
import { formatProblem } from './corpus/index.js';
import { watchCorpus } from './ops/corpus-watch.js';
import { createHealthServer, type HealthServer, type Readiness } from './ops/health-server.js';
import { createMetrics, type Metrics } from './ops/metrics.js';
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
  readonly metrics: Metrics;
  start(): Promise<void>;
  /** Stops taking questions, finishes those in flight (bounded), closes connections, the health server and the store. */
  stop(): Promise<void>;
  /** Rebuilds the index beside the serving one and swaps on success; never rejects (the outcome is logged and counted). */
  reload(): Promise<void>;
  /** index loaded, every adapter connected, and taking questions (false from the start of shutdown) */
  readiness(): Readiness;
  /** where /healthz, /readyz and /metrics are served; undefined when HEALTH_PORT is 0 */
  healthAddress(): { host: string; port: number } | undefined;
}

const MINUTE_MS = 60_000;

/** Whether this configuration runs the console chat. */
export function wantsConsole(config: Config, interactive: boolean): boolean {
  if (config.console === 'on') return true;
  if (config.console === 'off') return false;
  return interactive && !config.discord && !config.telegram;
}

/** The platforms this configuration serves, for metrics labels. */
function servedPlatforms(config: Config, interactive: boolean): Platform[] {
  const platforms: Platform[] = [];
  if (config.discord) platforms.push('discord');
  if (config.telegram) platforms.push('telegram');
  if (wantsConsole(config, interactive)) platforms.push('console');
  return platforms;
}

export function createApp(options: AppOptions): App {
  const { config, logger } = options;
  let store: Store | undefined;
  let bot: BotService | undefined;
  let dispatcher: Dispatcher | undefined;
  const adapters: Adapter[] = [];
  let watcher: { close(): void } | undefined;
  let health: HealthServer | undefined;
  let healthAddress: { host: string; port: number } | undefined;
  let started = false;
  let stopping: Promise<void> | undefined;

  function readiness(): Readiness {
    const checks: Record<string, boolean> = { index: bot?.ready ?? false };
    for (const adapter of adapters) checks[adapter.name] = adapter.isReady();
    // false until every adapter has started, and again from the first moment of shutdown
    checks.accepting = started && !stopping;
    return { ready: Object.values(checks).every(Boolean), checks };
  }

  const metrics = createMetrics({
    platforms: servedPlatforms(config, options.interactive),
    ready: () => readiness().ready,
    indexSize: () => {
      if (!bot?.ready) return undefined;
      const kb = bot.knowledgeBase;
      return { articles: kb.articles.length, passages: kb.passages.length, terms: kb.index.vocabularySize };
    },
  });
  const observer: BotObserver = {
    question(event) {
      metrics.question(event);
      options.observer?.question?.(event);
    },
    reload(report) {
      metrics.reload(report);
      options.observer?.reload?.(report);
    },
  };

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
    if (!bot?.ready) {
      logger.warn('reload ignored: the first index is still being built');
      return;
    }
    try {
      const report = await bot.reload();
      for (const problem of report.problems) logger.warn({ file: problem.file }, formatProblem(problem));
      const { before, after, swapped } = report;
      const log = swapped ? logger.info.bind(logger) : logger.error.bind(logger);
      log({ swapped, before, after, problems: report.problems.length, ms: Math.round(report.ms) }, describeReload(report).split('\n')[0]!);
    } catch (error) {
      metrics.reloadFailed();
      logger.error({ err: error }, 'reload failed; the previous index keeps serving');
    }
  }

  async function startHealthServer(): Promise<void> {
    if (config.health.port === 0) return;
    health = createHealthServer({
      port: config.health.port,
      host: config.health.host,
      readiness,
      metrics: () => metrics.render(),
      logger: logger.child({ component: 'health' }),
    });
    try {
      healthAddress = await health.listen();
    } catch (error) {
      throw new StartupError((error as Error).message);
    }
    logger.info(healthAddress, 'health server listening: /healthz /readyz /metrics');
  }

  /** A signal during start: stop there rather than finish connecting. */
  function checkNotStopping(): void {
    if (stopping) throw new StartupError('shutdown requested while starting');
  }

  async function startServing(): Promise<void> {
    if (!config.discord && !config.telegram && !wantsConsole(config, options.interactive)) {
      throw new StartupError(
        'nothing to serve: no platform token is set and there is no terminal for the console chat — set DISCORD_TOKEN and/or TELEGRAM_BOT_TOKEN (see .env.example), or run with a terminal (docker run -it) for the console',
      );
    }
    // first, so the orchestrator sees the process alive (and not ready) while the index builds
    await startHealthServer();
    store = openSqliteStore(config.dataDir);
    logger.info({ dataDir: config.dataDir }, 'store opened');
    bot = new BotService({
      corpusDir: config.corpusDir,
      snapshotDir: config.dataDir,
      store,
      logger: logger.child({ component: 'core' }),
      answer: { maxPassages: config.answerPassages, maxQuestionLength: config.maxQuestionLength },
      observer,
    });
    const report = await bot.reload({ initial: true });
    checkNotStopping();
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
    for (const adapter of adapters) {
      await adapter.start();
      checkNotStopping();
    }
    if (config.corpusWatch) watcher = watchCorpus(config.corpusDir, () => void reload(), logger);
    started = true;
    logger.info({ adapters: adapters.map((a) => a.name), ...bot.size() }, 'started');
  }

  function stop(): Promise<void> {
    stopping ??= (async () => {
      watcher?.close();
      if (dispatcher) {
        // from here new questions are answered `unavailable`; those in flight go on
        dispatcher.close();
        const drained = await dispatcher.drain(config.shutdownTimeoutMs);
        if (!drained) logger.warn({ inFlight: dispatcher.inFlight, waitedMs: config.shutdownTimeoutMs }, 'shutdown: gave up waiting for questions in flight');
      }
      const closed = await Promise.allSettled(adapters.map((a) => a.stop()));
      closed.forEach((outcome, i) => {
        if (outcome.status === 'rejected') logger.warn({ err: outcome.reason, adapter: adapters[i]?.name }, 'shutdown: adapter did not close cleanly');
      });
      await health?.close();
      store?.close();
      if (health || store) logger.info('stopped');
    })();
    return stopping;
  }

  return {
    get bot() {
      return needBot().bot;
    },
    get dispatcher() {
      return needBot().dispatcher;
    },
    adapters,
    metrics,

    async start() {
      try {
        await startServing();
      } catch (error) {
        // release what was opened (health port, store, connections) before reporting
        await stop();
        throw error;
      }
    },

    stop,
    reload,
    readiness,
    healthAddress: () => healthAddress,
  };
}
