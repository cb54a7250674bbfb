/**
 * The entry point: reads the environment, joins the pieces, handles signals.
 * With no platform token and a terminal, it opens the console chat on the
 * bundled corpus.
 */
import { join } from 'node:path';
import { createApp, StartupError, wantsConsole, type App } from './app.js';
import { AdapterStartError } from './adapters/adapter.js';
import { createConfig } from './config.js';
import { createLogger } from './logger.js';
import { projectRoot } from './project-root.js';
import { StoreError } from './store/index.js';

const result = createConfig(process.env, { cwd: process.cwd(), bundledCorpusDir: join(projectRoot(), 'corpus') });
if (!result.ok) {
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

let app: App | undefined;
let stopping = false;

async function shutdown(signal: string, code = 0): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  const hardStop = setTimeout(() => process.exit(code || 1), config.shutdownTimeoutMs + 5000);
  hardStop.unref();
  await app?.stop();
  process.exit(code);
}

process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGHUP', () => {
  logger.info('SIGHUP: reloading the corpus');
  void app?.reload().catch((error: unknown) => logger.error({ err: error }, 'reload failed; the previous index keeps serving'));
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
  if (error instanceof StartupError || error instanceof AdapterStartError || error instanceof StoreError) {
    logger.error({ err: error }, 'cannot start');
    console.error(`cannot start: ${error.message}`);
  } else {
    logger.fatal({ err: error }, 'cannot start');
    console.error(`cannot start: ${error instanceof Error ? error.message : String(error)}`);
  }
  await app?.stop().catch(() => {});
  process.exit(1);
}
