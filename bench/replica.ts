/**
 * One replica of the bot for bench/replicas.ts: the whole app (createApp),
 * configured by the environment the parent gives it, reporting over IPC when
 * it is ready and, on request, its memory after a full GC.
 */

import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { createApp } from '../src/app.js';
import { createConfig } from '../src/config.js';
import { silentLogger } from '../src/core/logger.js';
import { projectRoot } from '../src/project-root.js';

const result = createConfig(process.env, { cwd: process.cwd(), bundledCorpusDir: join(projectRoot(), 'corpus') });
if (!result.ok) throw new Error(result.problems.join('\n'));
const app = createApp({
  config: result.config,
  logger: silentLogger,
  input: new PassThrough(),
  output: new PassThrough(),
  interactive: false,
});
await app.start();
process.send!({ ready: true, passages: app.bot.size().passages });

process.on('message', (message) => {
  if (message === 'memory') {
    (globalThis as { gc?: () => void }).gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    process.send!({ memory: { rss, heapUsed } });
  }
  if (message === 'cpu') process.send!({ cpu: process.cpuUsage() });
  if (message === 'stop') void app.stop().then(() => process.exit(0));
});
