import { createHash } from 'node:crypto';
import { type Dirent, readdirSync, readFileSync, statSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';

/** A corpus file as the snapshot key and the reload see it: changed when its size or modification time changed. */
export interface FileStamp {
  name: string;
  size: number;
  mtimeMs: number;
}

/** Every regular file of the corpus directory, sorted by name (undefined when the directory cannot be read). */
export async function corpusStamps(dir: string): Promise<FileStamp[] | undefined> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return undefined;
  }
  const names = entries
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .sort();
  // a build worker blocks no one: synchronous stats take a third of the time of as many promises
  if (!isMainThread) return stampsNow(dir, names);
  const stamps: FileStamp[] = [];
  // stat in batches: tens of thousands of files, without tens of thousands of pending promises
  const BATCH = 256;
  for (let i = 0; i < names.length; i += BATCH) {
    const batch = await Promise.all(
      names.slice(i, i + BATCH).map(async (name) => {
        try {
          const info = await stat(join(dir, name));
          return { name, size: info.size, mtimeMs: info.mtimeMs };
        } catch {
          return undefined; // removed meanwhile: the load will say so
        }
      }),
    );
    for (const stamp of batch) if (stamp) stamps.push(stamp);
  }
  return stamps;
}

function stampsNow(dir: string, names: readonly string[]): FileStamp[] {
  const stamps: FileStamp[] = [];
  for (const name of names) {
    try {
      const info = statSync(join(dir, name));
      stamps.push({ name, size: info.size, mtimeMs: info.mtimeMs });
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
