import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { type CorpusProblem, loadCorpus } from '../corpus/index.js';
import { type CorpusByDifference, type CorpusChanges, loadByDifference } from './corpus-difference.js';
import { corpusStamps, type FileStamp } from './corpus-stamps.js';
import { buildKnowledgeBase, PARAGRAPH_RANKING } from './knowledge-base.js';
import { SnapshotReader } from './snapshot-format.js';
import { BASE_KEY_SECTION, baseKeyFor, encodeSnapshot, keyFor, SNAPSHOT_FILE, writeSnapshot } from './snapshot-store.js';

/** The build worker's nice value (0 normal … 19 lowest): a reload's CPU goes to questions first. */
export const BUILD_NICENESS = 10;

/** What to build: the corpus directory, and where the snapshot goes. */
export interface BuildRequest {
  corpusDir: string;
  /** DATA_DIR: the new snapshot is written there (and read back by the caller) */
  snapshotDir?: string;
  /** the first load serves whatever loaded; a reload is refused when any file has an error */
  initial: boolean;
  /** read only the files changed since the snapshot in snapshotDir (when it has what that needs) */
  byDifference?: boolean;
}

/**
 * The outcome, small enough to post between threads: the snapshot's bytes
 * travel only when they could not be written (transferred, not copied).
 */
export type BuildResult =
  | { ok: false; problems: CorpusProblem[] }
  | {
      ok: true;
      problems: CorpusProblem[];
      key: string;
      written: boolean;
      bytes?: Uint8Array;
      writeError?: string;
      /** the thread that built it (0: the main thread) */
      threadId: number;
      /** set when only the changed files were read */
      changes?: CorpusChanges;
      /** the files as stamped before they were read: what the snapshot was made from */
      stamps: FileStamp[];
    };

/**
 * The snapshot in `dir`, read for the files changed since; undefined when there is none of this code and options.
 * The unchanged passages' texts are read from the snapshot's file until `close()`.
 */
async function differenceFrom(
  dir: string,
  corpusDir: string,
  stamps: readonly FileStamp[],
): Promise<{ difference: CorpusByDifference; close(): void } | undefined> {
  let fd: number;
  try {
    fd = openSync(join(dir, SNAPSHOT_FILE), 'r');
  } catch {
    return undefined;
  }
  let difference: CorpusByDifference | undefined;
  try {
    const reader = await SnapshotReader.fromFile(fd);
    if (!reader.has(BASE_KEY_SECTION) || (await reader.json<string>(BASE_KEY_SECTION)) !== baseKeyFor(PARAGRAPH_RANKING)) return undefined;
    difference = await loadByDifference(corpusDir, stamps, reader, fd);
    return difference && { difference, close: () => closeSync(fd) };
  } catch {
    return undefined; // a damaged snapshot: read everything
  } finally {
    if (!difference) closeSync(fd);
  }
}

/**
 * Loads the corpus and builds its knowledge base as snapshot bytes, then
 * writes them. Runs in the build worker (see build-worker.ts), or in the
 * calling thread where workers are unavailable.
 */
export async function runBuildJob(request: BuildRequest): Promise<BuildResult> {
  // stamped before reading: a file changed meanwhile makes the snapshot stale, never wrong
  const stamps = (await corpusStamps(request.corpusDir)) ?? [];
  const previous =
    request.byDifference && request.snapshotDir ? await differenceFrom(request.snapshotDir, request.corpusDir, stamps) : undefined;
  try {
    return await build(request, stamps, previous?.difference);
  } finally {
    previous?.close();
  }
}

async function build(request: BuildRequest, stamps: FileStamp[], difference: CorpusByDifference | undefined): Promise<BuildResult> {
  const { corpus, problems } = difference ?? (await loadCorpus(request.corpusDir));
  const errors = problems.filter((p) => p.severity === 'error');
  if (corpus.articles.length === 0 || (!request.initial && errors.length > 0)) return { ok: false, problems };
  const kb = buildKnowledgeBase(corpus, { reuse: difference?.reuse });
  const changes = difference?.changes;
  const key = keyFor(stamps, PARAGRAPH_RANKING);
  let writeError: string | undefined;
  if (request.snapshotDir) {
    try {
      await writeSnapshot(request.snapshotDir, { kb, key, stamps, problems });
      return { ok: true, problems, key, written: true, changes, threadId, stamps };
    } catch (error) {
      writeError = (error as Error).message;
    }
  }
  // not written: the bytes themselves go back to the caller
  const bytes = encodeSnapshot(kb, key, stamps, problems);
  return { ok: true, problems, key, written: false, bytes, writeError, changes, threadId, stamps };
}
