import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { createApp, type App } from '../../src/app.js';
import { createConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { projectRoot } from '../../src/project-root.js';
import type { RecordedRequest } from '../../test/adapters/discord/fake-discord.js';

export interface LoadApp {
  app: App;
  logs(): Record<string, any>[];
  dispose(): Promise<void>;
}

/** The app as main.ts builds it, from these variables, logging to memory (info and up); its store in a fresh directory under `storeRoot`. */
export function loadApp(env: Record<string, string>, storeRoot = tmpdir()): LoadApp {
  const dataDir = mkdtempSync(join(storeRoot, 'qa-load-'));
  const result = createConfig({ CONSOLE: 'off', DATA_DIR: dataDir, ...env }, { cwd: tmpdir(), bundledCorpusDir: join(projectRoot(), 'corpus') });
  if (!result.ok) throw new Error(result.problems.join('\n'));
  const lines: string[] = [];
  const logger = createLogger({
    level: 'info',
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

/** The request that put final content on screen for an interaction: a direct reply, or the edit of a deferral, or a follow-up. */
export function finalContentOf(requests: readonly RecordedRequest[], token: string): RecordedRequest | undefined {
  return requests.find(
    (r) => r.path.includes(token) && ((r.method === 'POST' && r.body?.type === 4) || r.method === 'PATCH' || (r.method === 'POST' && r.body?.type === undefined)),
  );
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
