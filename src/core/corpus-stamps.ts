import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, Worker } from 'node:worker_threads';

/** A corpus file as the snapshot key and the reload see it: changed when its size or modification time changed. */
export interface FileStamp {
  name: string;
  size: number;
  mtimeMs: number;
}

/** Every regular file of the corpus directory, sorted by name (undefined when the directory cannot be read). */
export async function corpusStamps(dir: string): Promise<FileStamp[] | undefined> {
  // a build worker blocks no one: synchronous stats, all at once
  if (!isMainThread) return stampsHere(dir);
  // the thread that answers questions hands the stats (tens of thousands of system calls) to a worker
  const offThread = await stampsOffThread(dir).catch(() => 'failed' as const);
  if (offThread !== 'failed') return offThread;
  // no worker: synchronous stats here (a third of the time of as many promises), a batch at a time with the questions in between
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch {
    return undefined;
  }
  const stamps: FileStamp[] = [];
  const BATCH = 400;
  for (let i = 0; i < names.length; i += BATCH) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    stamps.push(...stampsNow(dir, names.slice(i, i + BATCH)));
  }
  return stamps;
}

function stampsHere(dir: string): FileStamp[] | undefined {
  try {
    // names only, not entries: a stat follows anyway and tells a file from the rest
    return stampsNow(dir, readdirSync(dir).sort());
  } catch {
    return undefined;
  }
}

/**
 * The stats in a worker of plain JavaScript (no loader to register: it starts
 * in milliseconds), at the build worker's low priority; what comes back is one
 * string of names and two arrays, not tens of thousands of objects to copy.
 */
const STAMPS_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { lstatSync, readdirSync } = require('node:fs');
const { join } = require('node:path');
try { require('node:os').setPriority(10); } catch {}
let names;
try { names = readdirSync(workerData.dir).sort(); } catch { names = undefined; }
if (!names) parentPort.postMessage(null);
else {
  const kept = [];
  const sizes = new Float64Array(names.length);
  const mtimes = new Float64Array(names.length);
  for (const name of names) {
    try {
      const info = lstatSync(join(workerData.dir, name));
      if (!info.isFile()) continue;
      sizes[kept.length] = info.size;
      mtimes[kept.length] = info.mtimeMs;
      kept.push(name);
    } catch {}
  }
  parentPort.postMessage({ names: kept.join('\\0'), count: kept.length, sizes, mtimes }, [sizes.buffer, mtimes.buffer]);
}
`;

interface WorkerStamps {
  names: string;
  count: number;
  sizes: Float64Array;
  mtimes: Float64Array;
}

async function stampsOffThread(dir: string): Promise<FileStamp[] | undefined> {
  const found = await new Promise<WorkerStamps | null>((resolve, reject) => {
    const worker = new Worker(STAMPS_WORKER, { eval: true, workerData: { dir } });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', () => reject(new Error('the stamps worker exited without an answer')));
  });
  if (!found) return undefined;
  // no file name holds a NUL
  const names = found.count === 0 ? [] : found.names.split('\0');
  const stamps: FileStamp[] = new Array(found.count);
  for (let i = 0; i < found.count; i++) {
    if (i % 10_000 === 9_999) await new Promise((resolve) => setImmediate(resolve));
    stamps[i] = { name: names[i]!, size: found.sizes[i]!, mtimeMs: found.mtimes[i]! };
  }
  return stamps;
}

function stampsNow(dir: string, names: readonly string[]): FileStamp[] {
  const stamps: FileStamp[] = [];
  for (const name of names) {
    try {
      // lstat: a symbolic link is not a corpus file (as the loader's listing sees it)
      const info = lstatSync(join(dir, name));
      if (info.isFile()) stamps.push({ name, size: info.size, mtimeMs: info.mtimeMs });
    } catch {
      // removed meanwhile: the load will say so
    }
  }
  return stamps;
}

let codeHash: string | undefined;

/**
 * A hash of the code that turns files into an index (text pipeline, corpus
 * loader, search, the knowledge base): a snapshot made by other code is
 * rebuilt, even when nobody remembered to bump a version number.
 */
export function indexCodeHash(): string {
  if (codeHash) return codeHash;
  const src = join(dirname(fileURLToPath(import.meta.url)), '..');
  const hash = createHash('sha256');
  const files = (folder: string) => {
    try {
      return readdirSync(join(src, folder))
        .filter((n) => /\.(ts|js)$/.test(n))
        .sort()
        .map((n) => join(folder, n));
    } catch {
      return [];
    }
  };
  const core = ['knowledge-base', 'knowledge-base-codec', 'date-words', 'passage-texts'].flatMap((n) => [`core/${n}.ts`, `core/${n}.js`]);
  for (const file of [...files('text'), ...files('corpus'), ...files('search'), ...core]) {
    try {
      if (!statSync(join(src, file)).isFile()) continue;
      hash.update(file).update(readFileSync(join(src, file)));
    } catch {
      // absent in this build (the .ts or the .js twin)
    }
  }
  codeHash = hash.digest('hex');
  return codeHash;
}

/** What a snapshot must match to be used: the corpus files as stamped, the code and formats, the build options. */
export function snapshotKey(stamps: readonly FileStamp[], versions: Record<string, number>, options: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify({ versions, code: indexCodeHash(), options, stamps }))
    .digest('hex');
}

/**
 * The same key, hashed a batch of stamps at a time with `pause()` between
 * batches: the same bytes as the JSON snapshotKey hashes, without building
 * one string of every stamp (megabytes at archive scale) on the thread that
 * answers questions.
 */
export async function snapshotKeyInPieces(
  stamps: readonly FileStamp[],
  versions: Record<string, number>,
  options: unknown,
  pause: () => Promise<unknown>,
): Promise<string> {
  const hash = createHash('sha256');
  const head = JSON.stringify({ versions, code: indexCodeHash(), options, stamps: [] });
  hash.update(head.slice(0, -3));
  const BATCH = 1000;
  for (let i = 0; i < stamps.length; i += BATCH) {
    if (i > 0) await pause();
    const piece = JSON.stringify(stamps.slice(i, i + BATCH));
    hash.update(i === 0 ? piece.slice(0, -1) : `,${piece.slice(1, -1)}`);
  }
  hash.update(stamps.length === 0 ? '[]}' : ']}');
  return hash.digest('hex');
}
