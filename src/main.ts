/**
 * The entry point: reads the environment, joins the pieces, handles signals.
 * With no platform token and a terminal, it opens the console chat on the
 * bundled corpus.
 *
 * Exit codes: 0 after a clean shutdown, 1 when it cannot start (or a crash),
 * 2 when the configuration is invalid.
 */
import { join } from 'node:path';
import { AdapterStartError } from './adapters/adapter.js';
import { type App, createApp, StartupError, wantsConsole } from './app.js';
import { createConfig } from './config.js';
import { TELL_TIMEOUT_MS } from './core/dispatch.js';
import { createLogger, createScrubber } from './logger.js';
import { projectRoot } from './project-root.js';
import { StoreError } from './store/index.js';

const result = createConfig(process.env, { cwd: process.cwd(), bundledCorpusDir: join(projectRoot(), 'corpus') });
if (!result.ok) {
  // one line per problem, naming the variable; values are never echoed (they may be secrets)
  for (const problem of result.problems) console.error(`config: ${problem}`);
  console.error('config: see .env.example for every variable and what it expects');
  process.exit(2);
}
const config = result.config;
const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
const chatInTerminal = wantsConsole(config, interactive);

// The console chat owns stdout; logs go to stderr and, unless asked, only warnings.
const logger = createLogger({
  level: chatInTerminal && !process.env.LOG_LEVEL ? 'warn' : config.log.level,
  pretty: config.log.pretty,
  secrets: config.secrets,
  destination: chatInTerminal ? 2 : 1,
});
const scrubSecrets = createScrubber(config.secrets);
for (const warning of result.warnings) logger.warn(`config: ${warning}`);

let app: App | undefined;
let stopping = false;

async function shutdown(reason: string, code = 0): Promise<void> {
  if (stopping) {
    if (reason === 'SIGINT' || reason === 'SIGTERM') {
      logger.warn({ signal: reason }, 'second signal during shutdown: exiting now');
      process.exit(1);
    }
    return;
  }
  stopping = true;
  logger.info({ reason, inFlight: safeInFlight(app) }, 'shutting down');
  // a last resort if closing a connection hangs: the drain takes at most SHUTDOWN_TIMEOUT_MS, then the notices theirs
  const hardStop = setTimeout(
    () => {
      logger.error('shutdown took too long; exiting');
      process.exit(code || 1);
    },
    config.shutdownTimeoutMs + TELL_TIMEOUT_MS + 5000,
  );
  hardStop.unref();
  await app?.stop();
  // let replies already queued behind the closed dispatcher be written
  await new Promise((resolve) => setImmediate(resolve));
  process.exit(code);
}

function safeInFlight(running: App | undefined): number | undefined {
  try {
    return running?.dispatcher.inFlight;
  } catch {
    return undefined;
  }
}

process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGHUP', () => {
  logger.info('SIGHUP: reloading the corpus');
  void app?.reload();
});
process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
process.on('uncaughtException', (error) => {
  logger.fatal({ err: error }, 'uncaught exception; exiting');
  void shutdown('uncaughtException', 1);
});

try {
  app = createApp({
    config,
    logger,
    input: process.stdin,
    output: process.stdout,
    interactive,
    onConsoleExit: () => void shutdown('console closed'),
  });
  await app.start();
} catch (error) {
  // a signal during start: shutdown() owns the exit
  if (!stopping) {
    const expected = error instanceof StartupError || error instanceof AdapterStartError || error instanceof StoreError;
    const message = error instanceof Error ? error.message : String(error);
    if (!expected) logger.fatal({ err: error }, 'cannot start');
    // JSON for the log collector; in the console chat's terminal the plain line below is enough
    else if (!chatInTerminal) logger.error({ kind: (error as Error).name }, `cannot start: ${message}`);
    console.error(scrubSecrets(`cannot start: ${message}`));
    await app?.stop().catch(() => {});
    process.exit(1);
  }
}
