import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/core/logger.js';
import { watchCorpus } from '../../src/ops/corpus-watch.js';

const SETTLE_MS = 150;
const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qa-watch-'));
  closers.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  const logger: Logger & { warnings: string[] } = {
    warnings,
    debug: () => {},
    info: () => {},
    error: () => {},
    warn: (a: object | string, b?: string) => void warnings.push(typeof a === 'string' ? a : (b ?? '')),
    child: () => logger,
  };
  return logger;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('watching the corpus directory', () => {
  it('calls back once when a burst of writes has settled', async () => {
    const dir = tempDir();
    let calls = 0;
    const watcher = watchCorpus(dir, () => calls++, recordingLogger(), SETTLE_MS);
    closers.unshift(() => watcher.close());
    writeFileSync(join(dir, '005_new.txt'), 'عقد وزراء خارجية التحالف الدولي اجتماعا في الكويت.\n');
    await sleep(30);
    writeFileSync(join(dir, '005_new.json'), '{"lang": "ar"}');
    await sleep(30);
    writeFileSync(join(dir, '005_new.txt'), 'عقد وزراء خارجية التحالف الدولي اجتماعا في الكويت أمس.\n');
    expect(calls).toBe(0);
    await sleep(SETTLE_MS * 3);
    expect(calls).toBe(1);
  });

  it('stops calling back once closed', async () => {
    const dir = tempDir();
    let calls = 0;
    const watcher = watchCorpus(dir, () => calls++, recordingLogger(), SETTLE_MS);
    writeFileSync(join(dir, '005_new.txt'), 'نص\n');
    watcher.close();
    await sleep(SETTLE_MS * 3);
    expect(calls).toBe(0);
  });

  it('warns, and does not throw, when the directory cannot be watched', () => {
    const logger = recordingLogger();
    const watcher = watchCorpus(join(tempDir(), 'missing'), () => {}, logger, SETTLE_MS);
    watcher.close();
    expect(logger.warnings).toEqual([expect.stringMatching(/cannot watch the corpus directory; use \/reload or SIGHUP/)]);
  });
});
