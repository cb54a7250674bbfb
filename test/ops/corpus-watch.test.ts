import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../src/core/logger.js';
import { watchCorpus } from '../../src/ops/corpus-watch.js';

const SETTLE_MS = 1000;
const closers: (() => void)[] = [];
// only the settle timer is faked: file events still come from the kernel, through the real event loop
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  for (const close of closers.splice(0)) close();
  vi.restoreAllMocks();
  vi.useRealTimers();
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

/**
 * Lets the event loop run until the watcher has (re)started its settle timer
 * `times` more times, i.e. has seen the file events of the writes so far.
 * Bounded by turns of the loop, not by time.
 */
async function watcherSaw(scheduled: { mock: { calls: unknown[] } }, times: number): Promise<void> {
  const target = scheduled.mock.calls.length + times;
  for (let turn = 0; turn < 10_000 && scheduled.mock.calls.length < target; turn++) await new Promise((resolve) => setImmediate(resolve));
  expect(scheduled.mock.calls.length).toBeGreaterThanOrEqual(target);
}

describe('watching the corpus directory', () => {
  it('calls back once when a burst of writes has settled, counting from the last write', async () => {
    const dir = tempDir();
    let calls = 0;
    const scheduled = vi.spyOn(globalThis, 'setTimeout');
    const watcher = watchCorpus(dir, () => calls++, recordingLogger(), SETTLE_MS);
    closers.unshift(() => watcher.close());
    writeFileSync(join(dir, '005_new.txt'), 'عقد وزراء خارجية التحالف الدولي اجتماعا في الكويت.\n');
    await watcherSaw(scheduled, 1);
    await vi.advanceTimersByTimeAsync(SETTLE_MS - 100);
    writeFileSync(join(dir, '005_new.json'), '{"lang": "ar"}');
    await watcherSaw(scheduled, 1);
    await vi.advanceTimersByTimeAsync(SETTLE_MS - 100);
    expect(calls).toBe(0); // 1.8 s after the first write, but the burst went on
    await vi.advanceTimersByTimeAsync(100);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(SETTLE_MS * 5);
    expect(calls).toBe(1);
  });

  it('stops calling back once closed', async () => {
    const dir = tempDir();
    let calls = 0;
    const scheduled = vi.spyOn(globalThis, 'setTimeout');
    const watcher = watchCorpus(dir, () => calls++, recordingLogger(), SETTLE_MS);
    writeFileSync(join(dir, '005_new.txt'), 'نص\n');
    await watcherSaw(scheduled, 1);
    watcher.close();
    await vi.advanceTimersByTimeAsync(SETTLE_MS * 3);
    expect(calls).toBe(0);
  });

  it('warns, and does not throw, when the directory cannot be watched', () => {
    const logger = recordingLogger();
    const watcher = watchCorpus(join(tempDir(), 'missing'), () => {}, logger, SETTLE_MS);
    watcher.close();
    expect(logger.warnings).toEqual([expect.stringMatching(/cannot watch the corpus directory; use \/reload or SIGHUP/)]);
  });
});
