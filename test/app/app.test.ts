import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { type App, createApp, StartupError } from '../../src/app.js';
import { createConfig } from '../../src/config.js';
import type { Reply } from '../../src/core/reply.js';
import { createLogger } from '../../src/logger.js';
import { STORE_FILE, StoreError } from '../../src/store/index.js';
import { freePort } from '../ops/support/free-port.js';
import { parsePrometheusText, valueOf } from '../ops/support/prometheus-text.js';
import { BUNDLED_CORPUS, invocation } from '../support/bot.js';

const QUESTION = 'متى عقد اجتماع التحالف في الكويت؟';
const OTHER_QUESTION = 'كم مليون دولار تعهدت الولايات المتحدة بتقديمها لإعادة الإعمار؟';
const ARTICLES = readdirSync(BUNDLED_CORPUS).filter((f) => f.endsWith('.txt') && f !== 'synonyms.txt').length;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qa-app-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A copy of the bundled corpus the test may change. */
function corpusCopy(): string {
  const dir = join(tempDir(), 'corpus');
  cpSync(BUNDLED_CORPUS, dir, { recursive: true });
  return dir;
}

interface TestApp {
  app: App;
  input: PassThrough;
  output: () => string;
  logs: () => Record<string, any>[];
  dataDir: string;
}

function makeApp(env: Record<string, string>, options: { interactive?: boolean } = {}): TestApp {
  const dataDir = env.DATA_DIR ?? join(tempDir(), 'data');
  const result = createConfig(
    { CONSOLE: 'on', DATA_DIR: dataDir, RATE_LIMIT_USER: '0', RATE_LIMIT_CHANNEL: '0', SHUTDOWN_TIMEOUT_MS: '5000', ...env },
    { cwd: tmpdir(), bundledCorpusDir: BUNDLED_CORPUS },
  );
  if (!result.ok) throw new Error(result.problems.join('\n'));
  const lines: string[] = [];
  const logger = createLogger({
    level: 'debug',
    pretty: false,
    secrets: result.config.secrets,
    destination: new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  });
  const input = new PassThrough();
  const output = new PassThrough();
  let written = '';
  output.on('data', (chunk: Buffer) => (written += chunk.toString()));
  const app = createApp({ config: result.config, logger, input, output, interactive: options.interactive ?? false });
  cleanups.push(() => app.stop());
  return { app, input, output: () => written, logs: () => lines.map((l) => JSON.parse(l) as Record<string, any>), dataDir };
}

async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function ask(app: App, question: string, moderator = false): Promise<Reply> {
  return app.dispatcher.dispatch(invocation({ command: 'ask', args: { question }, user: { id: 'u1', isModerator: moderator } }), {
    lang: 'ar',
  });
}

function citedIds(reply: Reply): string {
  if (reply.kind !== 'answer') throw new Error(`expected an answer, got ${reply.kind}`);
  return reply.answer.passages.map((p) => p.id).join(' ');
}

async function get(port: number, path: string): Promise<{ status: number; body: string }> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: res.status, body: await res.text() };
}

describe('the app, started', () => {
  it('answers in the console chat, and serves /healthz, /readyz and /metrics on HEALTH_PORT', async () => {
    const port = await freePort();
    const { app, input, output } = makeApp({ HEALTH_PORT: String(port), HEALTH_HOST: '127.0.0.1' });
    await app.start();
    expect(app.healthAddress()).toEqual({ host: '127.0.0.1', port });

    input.write(`${QUESTION}\n`);
    await until(() => output().includes('الفقرة'), 'a cited answer');

    expect((await get(port, '/healthz')).status).toBe(200);
    const ready = await get(port, '/readyz');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body)).toEqual({ ready: true, checks: { index: true, console: true, accepting: true } });

    const metrics = parsePrometheusText((await get(port, '/metrics')).body);
    expect(valueOf(metrics, 'qabot_questions_total', { platform: 'console', status: 'answered' })).toBe(1);
    expect(valueOf(metrics, 'qabot_answer_latency_seconds_count')).toBe(1);
    expect(valueOf(metrics, 'qabot_index_articles')).toBe(ARTICLES);
    expect(valueOf(metrics, 'qabot_index_passages')).toBe(app.bot.size().passages);
    expect(valueOf(metrics, 'qabot_index_terms')).toBeGreaterThan(100);
    expect(valueOf(metrics, 'qabot_reloads_total')).toBe(1);
    expect(valueOf(metrics, 'qabot_ready')).toBe(1);

    await app.stop();
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });

  it('turns not ready from the first moment of shutdown', async () => {
    const { app } = makeApp({});
    await app.start();
    expect(app.readiness().ready).toBe(true);
    const stopping = app.stop();
    expect(app.readiness()).toMatchObject({ ready: false, checks: { accepting: false } });
    await stopping;
    expect(app.healthAddress()).toBeUndefined();
  });

  it('keeps the store across a restart on the same data directory', async () => {
    const dataDir = join(tempDir(), 'data');
    const first = makeApp({ DATA_DIR: dataDir });
    await first.app.start();
    const added = await first.app.dispatcher.dispatch(
      invocation({
        command: 'synonym',
        args: { action: 'add', expressions: 'التحالف الدولي = التحالف الدولي ضد داعش' },
        user: { id: 'm1', isModerator: true },
      }),
    );
    expect(added.kind).toBe('notice');
    await ask(first.app, QUESTION);
    await first.app.stop();

    const second = makeApp({ DATA_DIR: dataDir });
    await second.app.start();
    expect((await second.app.bot.stats()).last24h.answered).toBe(1);
    expect((await second.app.bot.listSynonyms()).map((g) => g.expressions)).toEqual([['التحالف الدولي', 'التحالف الدولي ضد داعش']]);
  });
});

describe('the app refuses to start, saying why', () => {
  it('with no platform token and no terminal, naming the variables to set, CONSOLE=on among them, and serving nothing', async () => {
    const port = await freePort();
    const { app, logs } = makeApp({ CONSOLE: 'auto', HEALTH_PORT: String(port), HEALTH_HOST: '127.0.0.1' }, { interactive: false });
    const failure = app.start();
    await expect(failure).rejects.toThrow(StartupError);
    await expect(failure).rejects.toThrow(/no terminal.*DISCORD_TOKEN.*TELEGRAM_BOT_TOKEN.*CONSOLE=on/);
    expect(logs().some((l) => l.msg === 'health server listening: /healthz /readyz /metrics')).toBe(false);
  });

  it('with CONSOLE=off and no token, saying so rather than blaming the terminal', async () => {
    const { app } = makeApp({ CONSOLE: 'off' }, { interactive: true });
    await expect(app.start()).rejects.toThrow(/no platform token is set and CONSOLE=off .*CONSOLE=on/);
  });

  it.each([
    [
      'a corpus directory that does not exist',
      (dir: string) => ({ CORPUS_DIR: join(dir, 'none') }),
      /corpus directory .*none does not exist/,
    ],
    [
      'an unwritable data directory',
      (dir: string) => {
        writeFileSync(join(dir, 'file'), '');
        return { DATA_DIR: join(dir, 'file', 'data') };
      },
      /data directory .* is not writable/,
    ],
  ])('with no token and no terminal but %s, reporting that first', async (_what, env, cause) => {
    const { app } = makeApp({ CONSOLE: 'off', ...env(tempDir()) });
    const failure = app.start();
    await expect(failure).rejects.toThrow(cause);
    await expect(failure).rejects.not.toThrow(/nothing to serve/);
  });

  it('with an empty corpus directory, naming it, and releases the health port', async () => {
    const corpusDir = join(tempDir(), 'empty-corpus');
    mkdirSync(corpusDir);
    const port = await freePort();
    const { app, logs } = makeApp({ CORPUS_DIR: corpusDir, HEALTH_PORT: String(port), HEALTH_HOST: '127.0.0.1' });
    await expect(app.start()).rejects.toThrow(new RegExp(`no usable article in ${corpusDir}.*has no articles`));
    expect(logs().some((l) => l.msg === 'stopped')).toBe(true);
    // the port is free again: the failed start closed the health server
    const probe = createServer();
    await new Promise<void>((resolve, reject) => probe.once('error', reject).listen(port, '127.0.0.1', resolve));
    await new Promise((resolve) => probe.close(resolve));
  });

  it('with a corpus directory that does not exist, naming it', async () => {
    const corpusDir = join(tempDir(), 'no-such-corpus');
    const { app } = makeApp({ CORPUS_DIR: corpusDir });
    const failure = app.start();
    await expect(failure).rejects.toThrow(StartupError);
    await expect(failure).rejects.toThrow(corpusDir);
  });

  it('with a data directory it cannot write, naming it', async () => {
    const parent = tempDir();
    writeFileSync(join(parent, 'file'), '');
    const dataDir = join(parent, 'file', 'data');
    const { app } = makeApp({ DATA_DIR: dataDir });
    const failure = app.start();
    await expect(failure).rejects.toThrow(StoreError);
    await expect(failure).rejects.toThrow(new RegExp(`data directory ${dataDir} is not writable`));
  });

  it('with a corrupt store, naming the file and leaving it as it was', async () => {
    const dataDir = join(tempDir(), 'data');
    mkdirSync(dataDir);
    const file = join(dataDir, STORE_FILE);
    writeFileSync(file, 'هذا ليس ملف قاعدة بيانات');
    const { app } = makeApp({ DATA_DIR: dataDir });
    await expect(app.start()).rejects.toThrow(new RegExp(`${file} is unreadable or corrupt`));
    expect(readFileSync(file, 'utf8')).toBe('هذا ليس ملف قاعدة بيانات');
    expect(readdirSync(dataDir)).toEqual([STORE_FILE]);
  });

  it('with HEALTH_PORT taken by another process, naming the variable', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
    const { port } = blocker.address() as { port: number };
    const { app } = makeApp({ HEALTH_PORT: String(port), HEALTH_HOST: '127.0.0.1' });
    await expect(app.start()).rejects.toThrow(/EADDRINUSE.*HEALTH_PORT/);
  });
});

describe('the app shutting down during a burst of questions', () => {
  it('answers every question it took, fails every later one as unavailable, and closes the store after the last', async () => {
    const { app, dataDir } = makeApp({});
    await app.start();
    const questions = Array.from({ length: 40 }, (_, i) => (i % 2 ? QUESTION : OTHER_QUESTION));

    const taken = questions.map((q) => ask(app, q));
    // a moderator's /reload reads the corpus asynchronously: still in flight when the signal comes
    const reloading = app.dispatcher.dispatch(invocation({ command: 'reload', user: { id: 'm1', isModerator: true } }));
    expect(app.dispatcher.inFlight).toBeGreaterThan(0);
    const stopped = app.stop();
    const late = questions.slice(0, 10).map((q) => ask(app, q));

    const outcomes = await Promise.allSettled([...taken, reloading, ...late]);
    await stopped;
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    const replies = outcomes.map((o) => (o as PromiseFulfilledResult<Reply>).value);
    expect(replies.slice(0, 40).every((r) => r.kind === 'answer')).toBe(true);
    expect(replies[40]).toMatchObject({ kind: 'reload', report: { swapped: true } });
    expect(replies.slice(41).every((r) => r.kind === 'error' && r.code === 'unavailable')).toBe(true);

    // each answered question is on disk
    const db = new Database(join(dataDir, STORE_FILE), { readonly: true });
    expect((db.prepare('SELECT COUNT(*) AS n FROM questions').get() as { n: number }).n).toBe(40);
    db.close();
  });
});

describe('the app reloading the corpus', () => {
  it('never lets a question see a half-built index: each answer is wholly from the old or the new corpus', async () => {
    const corpusDir = corpusCopy();
    const { app } = makeApp({ CORPUS_DIR: corpusDir });
    await app.start();
    const before = citedIds(await ask(app, QUESTION));
    const firstCited = before.split(' ')[0]!.split('#')[0]!;
    rmSync(join(corpusDir, `${firstCited}.txt`));
    rmSync(join(corpusDir, `${firstCited}.json`), { force: true });

    const seen: string[] = [];
    let done = false;
    const reload = app.reload().then(() => (done = true));
    while (!done) {
      seen.push(citedIds(await ask(app, QUESTION)));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await reload;
    const after = citedIds(await ask(app, QUESTION));

    expect(after).not.toBe(before);
    expect(after).not.toContain(firstCited);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.filter((ids) => ids !== before && ids !== after)).toEqual([]);
    expect(app.bot.size().articles).toBe(ARTICLES - 1);
  });

  it('keeps the previous index serving when a file is broken, naming the file, and counts the failure', async () => {
    const corpusDir = corpusCopy();
    const { app, logs } = makeApp({ CORPUS_DIR: corpusDir });
    await app.start();
    const before = citedIds(await ask(app, QUESTION));
    writeFileSync(join(corpusDir, '005_broken.txt'), 'تقرير جديد عن اجتماع التحالف.\n');
    writeFileSync(join(corpusDir, '005_broken.json'), '{ "title": "تقرير", }');

    await app.reload();

    expect(citedIds(await ask(app, QUESTION))).toBe(before);
    expect(app.bot.size().articles).toBe(ARTICLES);
    expect(logs().some((l) => l.level >= 40 && String(l.msg).includes('005_broken.json'))).toBe(true);
    expect(logs().some((l) => l.level === 50 && /^Reload refused/.test(l.msg))).toBe(true);
    const metrics = parsePrometheusText(await app.metrics.render());
    expect(valueOf(metrics, 'qabot_reloads_total')).toBe(2);
    expect(valueOf(metrics, 'qabot_reload_failures_total')).toBe(1);
  });

  it('reloads by itself when CORPUS_WATCH is on and a file changes', async () => {
    const corpusDir = corpusCopy();
    const { app, logs } = makeApp({ CORPUS_DIR: corpusDir, CORPUS_WATCH: 'true' });
    await app.start();
    cpSync(
      join(corpusDir, readdirSync(corpusDir).find((f) => f.endsWith('.txt') && f !== 'synonyms.txt')!),
      join(corpusDir, '009_copy.txt'),
    );
    await until(() => app.bot.size().articles === ARTICLES + 1, 'the watched reload', 8000);
    expect(logs().some((l) => /^Reloaded: /.test(l.msg))).toBe(true);
  });
});
