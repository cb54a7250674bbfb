import { createHash } from 'node:crypto';
import { lstatSync, opendirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';

/** A corpus file as the snapshot key and the reload see it: changed when its size or modification time changed. */
export interface FileStamp {
  name: string;
  size: number;
  mtimeMs: number;
}

/**
 * Every regular file of the corpus directory, sorted by name (undefined when
 * the directory cannot be read). `previous` (stamps made before, sorted by
 * name): a file whose size and modification time are unchanged keeps its
 * stamp object, so a reload keeps one stamp per file, not two.
 */
export async function corpusStamps(dir: string, previous: readonly FileStamp[] = []): Promise<FileStamp[] | undefined> {
  let names: string[];
  try {
    names = (isMainThread ? await namesInPieces(dir) : readdirSync(dir)).sort();
  } catch {
    return undefined;
  }
  const stamps: FileStamp[] = [];
  const reused = new PreviousStamps(previous);
  // a build worker blocks no one: all at once
  if (!isMainThread) return stampsNow(dir, names, reused, stamps);
  // the thread that answers questions: synchronous stats (a third of the time of as many promises), a batch at a time
  // with the questions in between; not in a worker thread, whose own heap added 15-20 MB to a reload's peak at archive scale
  for (let i = 0; i < names.length; i += BATCH) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    stampsNow(dir, names.slice(i, i + BATCH), reused, stamps);
  }
  return stamps;
}

/**
 * The directory's names, read on this thread a few entries at a time (a
 * thousand between two pauses, about a millisecond): not all at once, which
 * blocks 40 ms at archive scale, nor by readdir in the thread pool, whose
 * native copy of every entry stayed in that thread's memory (5 MB of a
 * reload's peak).
 */
async function namesInPieces(dir: string): Promise<string[]> {
  const names: string[] = [];
  const entries = opendirSync(dir, { bufferSize: 128 });
  try {
    for (;;) {
      for (let k = 0; k < 1000; k++) {
        const entry = entries.readSync();
        if (entry === null) return names;
        names.push(entry.name);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    entries.closeSync();
  }
}

/** Files stated between two pauses on the thread answering questions (about 0.3 ms). */
const BATCH = 100;

/** The stamps made before, walked in name order beside the new listing. */
class PreviousStamps {
  private at = 0;

  constructor(private readonly stamps: readonly FileStamp[]) {}

  /** The previous stamp of `name` when its size and modification time are these. */
  same(name: string, size: number, mtimeMs: number): FileStamp | undefined {
    while (this.at < this.stamps.length && this.stamps[this.at]!.name < name) this.at++;
    const stamp = this.stamps[this.at];
    return stamp && stamp.name === name && stamp.size === size && stamp.mtimeMs === mtimeMs ? stamp : undefined;
  }
}

function stampsNow(dir: string, names: readonly string[], previous: PreviousStamps, out: FileStamp[]): FileStamp[] {
  for (const name of names) {
    try {
      // lstat: a symbolic link is not a corpus file (as the loader's listing sees it)
      const info = lstatSync(join(dir, name));
      if (info.isFile()) out.push(previous.same(name, info.size, info.mtimeMs) ?? { name, size: info.size, mtimeMs: info.mtimeMs });
    } catch {
      // removed meanwhile: the load will say so
    }
  }
  return out;
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
