import { loadCorpus, type CorpusProblem } from '../corpus/index.js';
import { corpusStamps, type FileStamp } from './corpus-stamps.js';
import { buildKnowledgeBase, PARAGRAPH_RANKING } from './knowledge-base.js';
import { encodeSnapshot, keyFor, writeSnapshot } from './snapshot-store.js';

/** What to build: the corpus directory, and where the snapshot goes. */
export interface BuildRequest {
  corpusDir: string;
  /** DATA_DIR: the new snapshot is written there (and read back by the caller) */
  snapshotDir?: string;
  /** the first load serves whatever loaded; a reload is refused when any file has an error */
  initial: boolean;
}

/**
 * The outcome, small enough to post between threads: the snapshot's bytes
 * travel only when they could not be written (transferred, not copied).
 */
export type BuildResult =
  | { ok: false; problems: CorpusProblem[] }
  | { ok: true; problems: CorpusProblem[]; key: string; stamps: FileStamp[]; written: boolean; bytes?: Uint8Array; writeError?: string };

/**
 * Loads the corpus and builds its knowledge base as snapshot bytes, then
 * writes them. Runs in the build worker (see build-worker.ts), or in the
 * calling thread where workers are unavailable.
 */
export async function runBuildJob(request: BuildRequest): Promise<BuildResult> {
  // stamped before reading: a file changed meanwhile makes the snapshot stale, never wrong
  const stamps = (await corpusStamps(request.corpusDir)) ?? [];
  const { corpus, problems } = await loadCorpus(request.corpusDir);
  const errors = problems.filter((p) => p.severity === 'error');
  if (corpus.articles.length === 0 || (!request.initial && errors.length > 0)) return { ok: false, problems };
  const kb = buildKnowledgeBase(corpus);
  const key = keyFor(stamps, PARAGRAPH_RANKING);
  const bytes = encodeSnapshot(kb, key, stamps, problems);
  if (request.snapshotDir) {
    try {
      await writeSnapshot(request.snapshotDir, bytes);
      return { ok: true, problems, key, stamps, written: true };
    } catch (error) {
      return { ok: true, problems, key, stamps, written: false, bytes, writeError: (error as Error).message };
    }
  }
  return { ok: true, problems, key, stamps, written: false, bytes };
}
