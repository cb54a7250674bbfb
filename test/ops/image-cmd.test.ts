/**
 * What `docker run` would do, without Docker: the exact CMD of the
 * Dockerfile's runtime stage, run against the built output laid out as its
 * COPY lines say, with the image's ENV, as an unprivileged user.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/project-root.js';
import { createTestBot } from '../support/bot.js';
import { type FakeBotApi, privateMessage, startFakeBotApi } from '../support/fake-bot-api.js';
import { readDockerfile } from './support/dockerfile-model.js';
import { freePort } from './support/free-port.js';
import { type ImageLayout, type ImageProcess, layOutImage, runImage } from './support/image-process.js';
import { parsePrometheusText, valueOf } from './support/prometheus-text.js';

const ROOT = projectRoot();
const QUESTION = 'متى عقد اجتماع التحالف في الكويت؟';
const SECOND_QUESTION = 'كم مليون دولار تعهدت الولايات المتحدة بتقديمها لإعادة الإعمار؟';
const TELEGRAM_TOKEN = '7012345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
/** the console renderer's citation line names the paragraph: "— <title> — <date> — الفقرة 14" */
const CITATION = /— .+ — الفقرة \d+/;

const TELEGRAM_SOURCES = join(ROOT, 'src/adapters/telegram');
const telegramNotBuilt = readdirSync(TELEGRAM_SOURCES).some((f) =>
  readFileSync(join(TELEGRAM_SOURCES, f), 'utf8').includes('not built yet'),
);

const model = readDockerfile();
let layout: ImageLayout;
const running: ImageProcess[] = [];

beforeAll(() => {
  layout = layOutImage(model);
}, 60_000);

afterAll(() => {
  for (const p of running) p.kill();
  layout?.remove();
});

function start(env: Record<string, string>): ImageProcess {
  const p = runImage(model, layout, { DATA_DIR: layout.newDataDir(), ...env });
  running.push(p);
  return p;
}

async function metricsOf(port: number) {
  return parsePrometheusText(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text());
}

describe('the built output', () => {
  it('is laid out as the runtime stage copies it', () => {
    expect(existsSync(join(layout.workdir, model.cmd![1]!))).toBe(true);
    expect(existsSync(join(layout.workdir, 'corpus'))).toBe(true);
    expect(existsSync(join(layout.workdir, 'package.json'))).toBe(true);
  });

  it('imports no dev dependency, so production node_modules are enough', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const allowed = new Set([...Object.keys(pkg.dependencies), ...builtinModules]);
    const files = (readdirSync(join(layout.workdir, 'dist'), { recursive: true }) as string[]).filter((f) => f.endsWith('.js'));
    expect(files.length).toBeGreaterThan(20);
    const bare = new Set<string>();
    for (const file of files) {
      const code = readFileSync(join(layout.workdir, 'dist', file), 'utf8');
      for (const [, spec] of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g)) {
        if (spec!.startsWith('.') || spec!.startsWith('node:')) continue;
        bare.add(spec!.startsWith('@') ? spec!.split('/').slice(0, 2).join('/') : spec!.split('/')[0]!);
      }
    }
    expect(bare.size).toBeGreaterThan(3);
    expect([...bare].filter((name) => !allowed.has(name))).toEqual([]);
  });
});

describe('the image CMD', () => {
  it('with no token and no terminal, says which variables to set and exits non-zero', async () => {
    const p = start({});
    p.child.stdin.end();
    const { code } = await p.exited;
    expect(code).not.toBe(0);
    expect(p.stderr()).toMatch(/^cannot start: nothing to serve: .*set DISCORD_TOKEN and\/or TELEGRAM_BOT_TOKEN/m);
    expect(p.logs().some((l) => l.level === 50 && /DISCORD_TOKEN/.test(l.msg))).toBe(true);
  });

  it('with an invalid variable, names it, never echoes the value, and exits 2', async () => {
    const p = start({ TELEGRAM_BOT_TOKEN: 'not-a-token-but-a-secret-anyway', HEALTH_PORT: 'eighty' });
    const { code } = await p.exited;
    expect(code).toBe(2);
    expect(p.stderr()).toMatch(/^config: TELEGRAM_BOT_TOKEN: /m);
    expect(p.stderr()).toMatch(/^config: HEALTH_PORT: expected a whole number/m);
    expect(`${p.stdout()}${p.stderr()}`).not.toContain('not-a-token-but-a-secret-anyway');
    expect(`${p.stdout()}${p.stderr()}`).not.toContain('eighty');
  });

  it('with the console on, answers piped questions with citations, serves health and metrics, reloads on SIGHUP and stops on SIGTERM', async () => {
    const port = await freePort();
    const p = start({ CONSOLE: 'on', LOG_LEVEL: 'info', HEALTH_PORT: String(port) });
    await p.waitFor(/"msg":"started"/, 'the start log');

    p.child.stdin.write(`${QUESTION}\n${SECOND_QUESTION}\n`);
    await p.waitFor(/الفقرة \d+[\s\S]*?\n؟ [\s\S]*?الفقرة \d+[\s\S]*?\n؟ /, 'two cited answers');
    expect(p.stdout()).toMatch(CITATION);

    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, checks: { index: true, console: true, accepting: true } });
    let metrics = await metricsOf(port);
    expect(valueOf(metrics, 'qabot_questions_total', { platform: 'console', status: 'answered' })).toBe(2);
    expect(valueOf(metrics, 'qabot_index_articles')).toBeGreaterThan(0);

    // the image's own HEALTHCHECK command, run as Docker would run it
    const check = spawnSync(process.execPath, model.healthcheck!.cmd!.slice(1), {
      env: { ...model.env, HEALTH_PORT: String(port) },
      timeout: 10_000,
    });
    expect(check.status).toBe(0);

    p.child.kill('SIGHUP');
    await p.waitFor(/"msg":"SIGHUP: reloading the corpus"/, 'the SIGHUP log');
    await p.waitFor(/"msg":"Reloaded: \d+ → \d+ articles/, 'the reload log');
    metrics = await metricsOf(port);
    expect(valueOf(metrics, 'qabot_reloads_total')).toBe(2);
    expect(valueOf(metrics, 'qabot_reload_failures_total')).toBe(0);

    p.child.kill('SIGTERM');
    const { code, signal } = await p.exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(p.logs().map((l) => l.msg)).toEqual(expect.arrayContaining(['shutting down', 'stopped']));
    // and the health check now fails, as Docker would see it
    expect(
      spawnSync(process.execPath, model.healthcheck!.cmd!.slice(1), { env: { ...model.env, HEALTH_PORT: String(port) }, timeout: 10_000 })
        .status,
    ).toBe(1);
  });

  it('on SIGTERM during a burst of questions, answers each question it read and exits 0', async () => {
    const p = start({ CONSOLE: 'on', LOG_LEVEL: 'info', HEALTH_PORT: '0', RATE_LIMIT_USER: '0', RATE_LIMIT_CHANNEL: '0' });
    await p.waitFor(/"msg":"started"/, 'the start log');
    const burst = Array.from({ length: 25 }, (_, i) => (i % 2 ? QUESTION : SECOND_QUESTION));
    p.child.stdin.write(`${burst.join('\n')}\n`);
    await p.waitFor(/الفقرة/, 'the first answer');
    p.child.kill('SIGTERM');
    const { code } = await p.exited;
    expect(code).toBe(0);
    const replies = p
      .stdout()
      .split('\n؟ ')
      .slice(1)
      .filter((r) => r.trim());
    // every question read got an answer or the explicit "restarting" message; none was cut off
    expect(replies.length).toBe(burst.length);
    for (const reply of replies) expect(reply).toMatch(/الفقرة \d+|أعيد التشغيل الآن/);
  });

  it('with the store volume unwritable, names the directory and exits non-zero', async () => {
    const dataDir = join(layout.workdir, 'read-only-data');
    mkdirSync(dataDir, { mode: 0o555 });
    const p = start({ CONSOLE: 'on', DATA_DIR: dataDir });
    const { code } = await p.exited;
    expect(code).toBe(1);
    expect(p.stderr()).toMatch(new RegExp(`^cannot start: the data directory ${dataDir} is not writable \\(EACCES\\)`, 'm'));
    expect(readdirSync(dataDir)).toEqual([]);
  });

  describe('with a fake Telegram Bot API', () => {
    let api: FakeBotApi | undefined;
    afterAll(async () => {
      await api?.close();
    });

    it.skipIf(telegramNotBuilt)('answers a private message with a cited passage', async () => {
      api = await startFakeBotApi({ validTokens: [TELEGRAM_TOKEN] });
      const port = await freePort();
      const p = start({ TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN, TELEGRAM_API_ROOT: api.url, HEALTH_PORT: String(port) });
      await p.waitFor(/"msg":"started"/, 'the start log', 20_000);
      await api.waitForCall('getMe');
      await api.waitForCall('getUpdates');

      api.deliver(privateMessage(`/ask ${QUESTION}`));
      const sent = await api.waitForCall('sendMessage', (p) => Number(p.chat_id) === 4242);

      const { bot } = await createTestBot();
      const expected = (await bot.ask(QUESTION, 'telegram')).answer;
      expect(expected.status).toBe('answered');
      // what a reader sees: HTML tags and bidi isolates removed
      const text = String(sent.text)
        .replace(/<[^>]+>/g, '')
        .replace(/[\u2066-\u2069]/g, '');
      const [first] = expected.passages;
      expect(text).toContain(first!.sentence.slice(0, 30));
      expect(text).toContain(first!.title.slice(0, 20));
      expect(text).toContain(`الفقرة ${first!.paragraph}`);

      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(await ready.json()).toMatchObject({ ready: true, checks: { index: true, telegram: true, accepting: true } });
      const metrics = await metricsOf(port);
      expect(valueOf(metrics, 'qabot_questions_total', { platform: 'telegram', status: 'answered' })).toBe(1);

      p.child.kill('SIGTERM');
      expect((await p.exited).code).toBe(0);
      expect(`${p.stdout()}${p.stderr()}`).not.toContain(TELEGRAM_TOKEN);
    });
  });
});
