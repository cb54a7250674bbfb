import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { type App, createApp } from '../../../src/app.js';
import { createConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/logger.js';
import { BUNDLED_CORPUS } from '../../support/bot.js';

export interface RecordedApp {
  app: App;
  /** every log line so far, parsed */
  logs(): Record<string, any>[];
  /** stops the app and removes its data directory */
  dispose(): Promise<void>;
}

/**
 * The whole app as main.ts builds it, from environment variables, with its
 * JSON log captured and a fresh data directory; no console unless asked.
 */
export function recordedApp(env: Record<string, string>, options: { dataRoot?: string; level?: 'debug' | 'info' } = {}): RecordedApp {
  const level = options.level ?? 'debug';
  const dataDir = mkdtempSync(join(options.dataRoot ?? tmpdir(), 'qa-app-'));
  const result = createConfig(
    { CONSOLE: 'off', DATA_DIR: dataDir, LOG_LEVEL: level, ...env },
    { cwd: tmpdir(), bundledCorpusDir: BUNDLED_CORPUS },
  );
  if (!result.ok) throw new Error(result.problems.join('\n'));
  const lines: string[] = [];
  const logger = createLogger({
    level,
    pretty: false,
    secrets: result.config.secrets,
    destination: new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  });
  const app = createApp({ config: result.config, logger, input: new PassThrough(), output: new PassThrough(), interactive: false });
  return {
    app,
    logs: () => lines.map((l) => JSON.parse(l) as Record<string, any>),
    async dispose() {
      await app.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
