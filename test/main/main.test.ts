/**
 * Faults an operator meets at start, through the real entry point
 * (src/main.ts, as `npm start` runs it): the process must say what is wrong
 * in one line, exit non-zero, and touch nothing.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/project-root.js';
import { STORE_FILE } from '../../src/store/index.js';
import { type ImageProcess, runProcess } from '../ops/support/image-process.js';

const ROOT = projectRoot();
const TELEGRAM_TOKEN = '7012345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const TELEGRAM_SOURCES = join(ROOT, 'src/adapters/telegram');
const telegramNotBuilt = readdirSync(TELEGRAM_SOURCES).some((f) =>
  readFileSync(join(TELEGRAM_SOURCES, f), 'utf8').includes('not built yet'),
);

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qa-main-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Runs src/main.ts with only `env` (and a fresh DATA_DIR); stdin is a pipe, closed unless `keepStdin`. */
function main(env: Record<string, string>, options: { keepStdin?: boolean } = {}): ImageProcess {
  const p = runProcess({
    program: 'node',
    args: ['--import', 'tsx', join(ROOT, 'src/main.ts')],
    cwd: ROOT,
    env: { DATA_DIR: join(tempDir(), 'data'), ...env },
  });
  cleanups.push(() => p.kill());
  if (!options.keepStdin) p.child.stdin.end();
  return p;
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('the entry point refuses to start, in one clear line', () => {
  it('naming every invalid variable at once, exit code 2, values never echoed', async () => {
    const p = main({ ANSWER_PASSAGES: 'many', LOG_LEVEL: 'chatty', DISCORD_TOKEN: 'MySecretDiscordTokenValue', CONSOLE: 'always' });
    expect((await p.exited).code).toBe(2);
    const lines = p.stderr().trim().split('\n');
    expect(
      lines
        .filter((l) => l.startsWith('config: '))
        .map((l) => l.split(':')[1]!.trim())
        .slice(0, 4)
        .sort(),
    ).toEqual(['ANSWER_PASSAGES', 'CONSOLE', 'DISCORD_TOKEN', 'LOG_LEVEL']);
    expect(lines.at(-1)).toBe('config: see .env.example for every variable and what it expects');
    for (const value of ['many', 'chatty', 'MySecretDiscordTokenValue', 'always']) expect(p.stderr() + p.stdout()).not.toContain(value);
  });

  it('with no token and no terminal, naming the variables to set', async () => {
    const p = main({});
    expect((await p.exited).code).toBe(1);
    expect(p.stderr()).toMatch(
      /^cannot start: nothing to serve: no platform token is set .*set DISCORD_TOKEN and\/or TELEGRAM_BOT_TOKEN.*CONSOLE=on/m,
    );
  });

  it('with an empty corpus directory, naming it', async () => {
    const corpusDir = join(tempDir(), 'corpus');
    mkdirSync(corpusDir);
    const p = main({ CONSOLE: 'on', CORPUS_DIR: corpusDir });
    expect((await p.exited).code).toBe(1);
    expect(p.stderr()).toMatch(
      new RegExp(
        `^cannot start: no usable article in ${corpusDir} \\(the corpus directory ${corpusDir} has no articles\\) — add at least one`,
        'm',
      ),
    );
  });

  it('with a corpus directory that does not exist, naming it', async () => {
    const corpusDir = join(tempDir(), 'missing-corpus');
    const p = main({ CONSOLE: 'on', CORPUS_DIR: corpusDir });
    expect((await p.exited).code).toBe(1);
    expect(p.stderr()).toMatch(new RegExp(`^cannot start: the corpus directory ${corpusDir} does not exist — set CORPUS_DIR`, 'm'));
  });

  it('with no token, no terminal and a missing corpus, naming the corpus rather than "nothing to serve"', async () => {
    const corpusDir = join(tempDir(), 'missing-corpus');
    const p = main({ CORPUS_DIR: corpusDir });
    expect((await p.exited).code).toBe(1);
    expect(p.stderr()).toMatch(new RegExp(`^cannot start: the corpus directory ${corpusDir} does not exist`, 'm'));
    expect(p.stderr()).not.toMatch(/nothing to serve/);
  });

  it('with a corrupt store, naming the file, leaving it untouched, twice in a row', async () => {
    const dataDir = join(tempDir(), 'data');
    mkdirSync(dataDir);
    const file = join(dataDir, STORE_FILE);
    writeFileSync(file, Buffer.from('SQLite format 3\u0000'.padEnd(4096, '\u0007')));
    const before = sha(file);
    for (let attempt = 0; attempt < 2; attempt++) {
      const p = main({ CONSOLE: 'on', DATA_DIR: dataDir });
      expect((await p.exited).code).toBe(1);
      expect(p.stderr()).toMatch(new RegExp(`^cannot start: the store ${file} is unreadable or corrupt .*it was left untouched`, 'm'));
    }
    expect(sha(file)).toBe(before);
    expect(readdirSync(dataDir)).toEqual([STORE_FILE]);
  });

  it('with HEALTH_PORT in use, naming the variable', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => blocker.close());
    const { port } = blocker.address() as { port: number };
    const p = main({ CONSOLE: 'on', HEALTH_PORT: String(port), HEALTH_HOST: '127.0.0.1' });
    expect((await p.exited).code).toBe(1);
    expect(p.stderr()).toMatch(
      new RegExp(`^cannot start: cannot serve health checks on 127\\.0\\.0\\.1:${port} \\(EADDRINUSE\\).*HEALTH_PORT`, 'm'),
    );
  });

  it.skipIf(telegramNotBuilt)('with a Bot API it cannot reach, saying so without ever printing the token', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise((resolve) => closed.close(resolve));
    const p = main({ TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN, TELEGRAM_API_ROOT: `http://127.0.0.1:${port}`, LOG_LEVEL: 'debug' });
    expect((await p.exited).code).toBe(1);
    expect(p.stderr()).toMatch(/^cannot start: telegram: /m);
    expect(p.stdout() + p.stderr()).not.toContain(TELEGRAM_TOKEN);
    expect(p.stdout() + p.stderr()).not.toContain(TELEGRAM_TOKEN.split(':')[1]);
  });
});

const hasScript = spawnSync('script', ['--version']).status === 0;

describe('the entry point with no token', () => {
  it.skipIf(!hasScript)('opens the console chat when it has a terminal, and leaves on /quit with exit code 0', async () => {
    // `script` gives the process a pseudo-terminal, as a developer's shell would
    const command = [process.execPath, '--import', 'tsx', join(ROOT, 'src/main.ts')].map((a) => `'${a}'`).join(' ');
    const p = runProcess({
      program: 'script',
      args: ['-qfec', command, '/dev/null'],
      cwd: ROOT,
      env: { TERM: 'dumb', DATA_DIR: join(tempDir(), 'data') },
    });
    cleanups.push(() => p.kill());
    await p.waitFor(/Type a question, \/help for commands, \/quit to leave\./, 'the console banner');
    p.child.stdin.write('متى عقد اجتماع التحالف في الكويت؟\r');
    await p.waitFor(/الفقرة \d+/, 'a cited answer');
    p.child.stdin.write('/quit\r');
    expect((await p.exited).code).toBe(0);
    // in the terminal, logs stay out of the chat unless they are warnings
    expect(p.stdout()).not.toMatch(/"level":30/);
  });

  it('stops on SIGINT (Ctrl-C) with exit code 0', async () => {
    const p = main({ CONSOLE: 'on', LOG_LEVEL: 'info' }, { keepStdin: true });
    await p.waitFor(/"msg":"started"/, 'the start log');
    p.child.kill('SIGINT');
    expect((await p.exited).code).toBe(0);
    expect(p.logs().find((l) => l.msg === 'shutting down')).toMatchObject({ reason: 'SIGINT' });
  });
});

describe('npm start', () => {
  it("is one process tree: SIGTERM to npm's PID stops the bot, which drains and exits 0, leaving no process behind", async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    const p = runProcess({
      // --ignore-scripts skips prestart: a dependency install must never start in the middle of the suite
      program: 'npm',
      args: ['start', '--silent', '--ignore-scripts'],
      cwd: ROOT,
      env: { CONSOLE: 'on', LOG_LEVEL: 'info', HEALTH_PORT: String(port), HEALTH_HOST: '127.0.0.1', DATA_DIR: join(tempDir(), 'data') },
    });
    cleanups.push(() => p.kill());
    await p.waitFor(/"msg":"started"/, 'the start log', 60_000);
    const botPid = p.logs().find((l) => l.msg === 'started')!.pid as number;
    // npm execs node through the shell: the bot is npm's own child
    expect(readFileSync(`/proc/${botPid}/stat`, 'utf8').split(' ')[3]).toBe(String(p.child.pid));
    p.child.kill('SIGTERM');
    expect((await p.exited).code).toBe(0);
    expect(p.logs().find((l) => l.msg === 'shutting down')).toMatchObject({ reason: 'SIGTERM' });
    expect(() => process.kill(botPid, 0)).toThrow();
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  }, 90_000);
});

describe('the entry point warns and goes on', () => {
  it('about a variable name with a typo, naming the right one and not the value', async () => {
    const p = main({ CONSOLE: 'on', TELEGRAM_TOKEN: TELEGRAM_TOKEN, LOG_LEVEL: 'info' }, { keepStdin: true });
    await p.waitFor(/"msg":"started"/, 'the start log');
    expect(p.logs().find((l) => /TELEGRAM_TOKEN/.test(l.msg))).toMatchObject({
      level: 40,
      msg: expect.stringContaining('did you mean TELEGRAM_BOT_TOKEN?'),
    });
    expect(p.stdout() + p.stderr()).not.toContain(TELEGRAM_TOKEN);
    p.child.kill('SIGTERM');
    expect((await p.exited).code).toBe(0);
  });
});
