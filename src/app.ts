import { readdir } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { COMMANDS } from '../commands/index.js';
import type { Adapter, AdapterDeps } from './adapters/adapter.js';
import { createConsoleAdapter } from './adapters/console/console-adapter.js';
import type { Config } from './config.js';
import { type BotObserver, BotService } from './core/bot-service.js';
import { createDispatcher, type Dispatcher } from './core/dispatch.js';
import type { Platform } from './core/invocation.js';
import type { Logger } from './core/logger.js';
import { describeReload } from './core/reload-report.js';
import { formatProblem } from './corpus/index.js';
import { watchCorpus } from './ops/corpus-watch.js';
import { createHealthServer, type HealthServer, type Readiness } from './ops/health-server.js';
import { createMetrics, type Metrics } from './ops/metrics.js';
import { describeDatabase, openStore, type Store } from './store/index.js';

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
    const failing = Object.keys(checks).filter((name) => !checks[name]);
    return { ready: failing.length === 0, checks, ...(failing.length ? { failing } : {}) };
  }

  const metrics = createMetrics({
    platforms: servedPlatforms(config, options.interactive),
    // replicas sharing a database, scraped into one Prometheus, stay apart
    ...(config.databaseUrl ? { labels: { replica: config.replicaId } } : {}),
    ready: () => readiness().ready,
    indexSize: () => {
      if (!bot?.ready) return undefined;
      const kb = bot.knowledgeBase;
      return { articles: kb.articles.length, passages: kb.index.size, terms: kb.index.vocabularySize };
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
      // one replica long-polls at a time (a lock in the shared store)
      const shared = store!;
      list.push(createTelegramAdapter({ ...deps, config: config.telegram, tryLock: (name) => shared.tryLock(name) }));
    }
    if (wantsConsole(config, options.interactive)) {
      list.push(
        createConsoleAdapter({
          ...deps,
          input: options.input,
          output: options.output,
          color: options.interactive,
          onExit: options.onConsoleExit,
          locale: config.consoleLocale,
        }),
      );
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

  /** The corpus directory must exist and be readable; its articles are checked when the index loads. */
  async function checkCorpusDir(): Promise<void> {
    try {
      await readdir(config.corpusDir);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const what = code === 'ENOENT' ? 'does not exist' : code === 'ENOTDIR' ? 'is not a directory' : `cannot be read (${code})`;
      throw new StartupError(
        `the corpus directory ${config.corpusDir} ${what} — set CORPUS_DIR to a directory of <id>.txt articles, or mount one there`,
      );
    }
  }

  function checkSomethingToServe(): void {
    if (config.discord || config.telegram || wantsConsole(config, options.interactive)) return;
    const why =
      config.console === 'off'
        ? 'no platform token is set and CONSOLE=off'
        : 'no platform token is set and there is no terminal for the console chat';
    throw new StartupError(
      `nothing to serve: ${why} — set DISCORD_TOKEN and/or TELEGRAM_BOT_TOKEN (see .env.example), or CONSOLE=on for the console chat (with a terminal: docker run -it)`,
    );
  }

  async function startServing(): Promise<void> {
    // the first real cause first: a missing corpus or an unwritable store says more than "nothing to serve"
    await checkCorpusDir();
    store = await openStore({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      replicaId: config.replicaId,
      logger: logger.child({ component: 'store' }),
    });
    logger.info(
      config.databaseUrl ? { database: describeDatabase(config.databaseUrl), replica: config.replicaId } : { dataDir: config.dataDir },
      'store opened',
    );
    checkSomethingToServe();
    // before the index, so the orchestrator sees the process alive (and not ready) while the index builds
    await startHealthServer();
    const service = new BotService({
      corpusDir: config.corpusDir,
      snapshotDir: config.dataDir,
      store,
      logger: logger.child({ component: 'core' }),
      answer: { maxPassages: config.answerPassages, maxQuestionLength: config.maxQuestionLength },
      observer,
    });
    bot = service;
    // another replica's /synonym, /channels or /reload: apply it here too
    store.subscribe((change) => {
      logger.info({ change: change.kind }, 'change from another replica');
      service
        .applyChange(change)
        .catch((error: unknown) => logger.error({ err: error, change: change.kind }, 'could not apply a change from another replica'));
    });
    const report = await bot.reload({ initial: true });
    checkNotStopping();
    for (const problem of report.problems) {
      if (problem.severity === 'error') logger.error({ file: problem.file }, formatProblem(problem));
      else logger.warn({ file: problem.file }, formatProblem(problem));
    }
    if (!bot.ready) {
      const first = report.problems.find((p) => p.severity === 'error');
      throw new StartupError(
        `no usable article in ${config.corpusDir}${first ? ` (${first.message})` : ''} — ${first?.fix ?? 'add <id>.txt articles (see corpus/README.md) or set CORPUS_DIR'}`,
      );
    }

    dispatcher = createDispatcher({
      commands: COMMANDS,
      bot,
      logger,
      // windows shared by every replica when the store is PostgreSQL
      userLimiter: store.rateLimiter('user', config.rateLimitUser, MINUTE_MS),
      channelLimiter: store.rateLimiter('channel', config.rateLimitChannel, MINUTE_MS),
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
        const inFlight = dispatcher.inFlight;
        // platforms that can leave new questions for the next instance stop fetching them
        await Promise.allSettled(adapters.map((a) => a.stopReceiving?.()));
        const report = await dispatcher.drain(config.shutdownTimeoutMs);
        const log = report.told || report.unreached ? logger.warn.bind(logger) : logger.info.bind(logger);
        log(
          { inFlight, ...report, waitedMs: config.shutdownTimeoutMs },
          `shutdown: ${report.finished} questions in flight answered, ${report.told} told to ask again, ${report.unreached} unreached; ${report.refused} arrived during shutdown and were told to ask again`,
        );
      }
      const closed = await Promise.allSettled(adapters.map((a) => a.stop()));
      closed.forEach((outcome, i) => {
        if (outcome.status === 'rejected')
          logger.warn({ err: outcome.reason, adapter: adapters[i]?.name }, 'shutdown: adapter did not close cleanly');
      });
      await health?.close();
      await store?.close().catch((error: unknown) => logger.warn({ err: error }, 'shutdown: store did not close cleanly'));
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
