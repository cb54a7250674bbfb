import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/project-root.js';
import { openSqliteStore, STORE_FILE, type Store, StoreError } from '../../src/store/index.js';

const ROOT = projectRoot();
const dirs: string[] = [];
const stores: Store[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qa-store-'));
  dirs.push(dir);
  return dir;
}

function open(dir: string): Store {
  const store = openSqliteStore(dir);
  stores.push(store);
  return store;
}

afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  }
});

function openError(dir: string): StoreError {
  try {
    open(dir);
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error(`expected opening ${dir} to fail`);
}

/** Bytes and modification time: what "left untouched" means. */
function fingerprint(file: string): { sha: string; mtimeMs: number; size: number } {
  const info = statSync(file);
  return { sha: createHash('sha256').update(readFileSync(file)).digest('hex'), mtimeMs: info.mtimeMs, size: info.size };
}

/** A store with some history, closed: a real file to damage. */
async function storeWithHistory(dir: string): Promise<string> {
  const store = openSqliteStore(dir);
  for (let i = 0; i < 60; i++) {
    await store.recordQuestion({
      at: i,
      platform: 'telegram',
      status: 'not_found',
      latencyMs: 2,
      missingQuestion: `من هو قائد التحالف الدولي ضد داعش؟ ${i}`,
    });
  }
  await store.addSynonym(['داعش', 'تنظيم الدولة'], 'moderator-1', 1);
  await store.close();
  return join(dir, STORE_FILE);
}

/** Runs `script` as an unprivileged user when the tests run as root (root ignores file modes). */
function runUnprivileged(script: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const asRoot = process.getuid?.() === 0;
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, HOME: tmpdir() },
    ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const OPEN_SCRIPT = join(ROOT, 'test/store/support/open-store.ts');

describe('the SQLite store keeps what it acknowledged', () => {
  it('writes ahead to a journal, so a crash leaves the last committed state', () => {
    const dir = tempDir();
    open(dir);
    const db = new Database(join(dir, STORE_FILE), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('loses no acknowledged write when the process is killed mid-stream', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/store/support/write-and-ack.ts'), dir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let acknowledged = 0;
    let buffered = '';
    await new Promise<void>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', () => resolve());
      child.stdout!.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const acks = [...buffered.matchAll(/ack (\d+)\n/g)];
        if (acks.length) acknowledged = Number(acks.at(-1)![1]);
        // SIGKILL: no handler runs, no close, no checkpoint
        if (acknowledged >= 150) child.kill('SIGKILL');
      });
    });
    expect(child.signalCode).toBe('SIGKILL');
    expect(acknowledged).toBeGreaterThanOrEqual(150);

    const store = open(dir);
    const missing = await store.topMissing(0, 100_000);
    const recorded = new Set(missing.map((m) => Number(/رقم (\d+)/.exec(m.question)![1])));
    for (let n = 1; n <= acknowledged; n++) expect(recorded.has(n), `question ${n} was acknowledged`).toBe(true);
    expect((await store.listSynonyms()).length).toBeGreaterThanOrEqual(Math.floor(acknowledged / 3));
  });
});

describe('the SQLite store refuses damaged files and never resets them', () => {
  const DAMAGE: [string, (file: string) => void][] = [
    ['text where the database was', (file) => writeFileSync(file, 'نص عادي وليس قاعدة بيانات\n'.repeat(300))],
    ['a database cut in half', (file) => writeFileSync(file, readFileSync(file).subarray(0, Math.floor(statSync(file).size / 2)))],
    [
      'a database with a damaged header',
      (file) => {
        const bytes = readFileSync(file);
        bytes.write('NOT SQLITE', 0);
        writeFileSync(file, bytes);
      },
    ],
    [
      'a database with damaged pages',
      (file) => {
        const bytes = readFileSync(file);
        bytes.fill(0xab, 4096 * 2, 4096 * 4);
        writeFileSync(file, bytes);
      },
    ],
  ];

  it.each(DAMAGE)('reports %s clearly, naming the file, and leaves it untouched', async (_what, damage) => {
    const dir = tempDir();
    const file = await storeWithHistory(dir);
    damage(file);
    const before = fingerprint(file);
    const filesBefore = readdirSync(dir).sort();

    const error = openError(dir);
    expect(error.code).toBe('corrupt');
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/corrupt/);
    expect(error.message).toMatch(/backup/);
    expect(error.message).not.toContain('\n');

    expect(fingerprint(file)).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(filesBefore);
    // and a second start says the same: nothing was "repaired" in between
    expect(openError(dir).code).toBe('corrupt');
  });

  it('refuses a store written by a newer version of the bot', async () => {
    const dir = tempDir();
    const file = await storeWithHistory(dir);
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    const error = openError(dir);
    expect(error.code).toBe('newer_schema');
    expect(error.message).toContain(file);
  });
});

describe('the SQLite store explains a data directory it cannot write', () => {
  it('names a data directory that cannot be created', () => {
    const parent = tempDir();
    writeFileSync(join(parent, 'not-a-directory'), '');
    const dataDir = join(parent, 'not-a-directory', 'data');
    const error = openError(dataDir);
    expect(error.code).toBe('unwritable');
    expect(error.message).toContain(dataDir);
    expect(error.message).toMatch(/DATA_DIR/);
  });

  it('names a data directory the bot user may not write to', () => {
    const dataDir = tempDir();
    chmodSync(dataDir, 0o555);
    const result = runUnprivileged(OPEN_SCRIPT, [dataDir]);
    expect(result.stdout).toMatch(new RegExp(`^unwritable: the data directory ${dataDir} is not writable \\(EACCES\\).*DATA_DIR`, 'm'));
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('names a store file the bot user may not write to, and creates nothing beside it', async () => {
    const dataDir = tempDir();
    const file = await storeWithHistory(dataDir);
    chmodSync(dataDir, 0o777);
    chmodSync(file, 0o444);
    const result = runUnprivileged(OPEN_SCRIPT, [dataDir]);
    expect(result.stdout).toMatch(new RegExp(`^unwritable: the store ${file} is not writable`, 'm'));
    expect(readdirSync(dataDir)).toEqual([STORE_FILE]);
  });

  it('opens when the directory does not exist yet, creating it', async () => {
    const dataDir = join(tempDir(), 'nested', 'data');
    const store = open(dataDir);
    await store.recordQuestion({ at: 1, platform: 'console', status: 'answered', latencyMs: 1 });
    expect(readdirSync(dataDir)).toContain(STORE_FILE);
  });
});
