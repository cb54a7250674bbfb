import { type CorpusProblem, loadCorpus, type SynonymGroup } from '../corpus/index.js';
import { corpusStamps } from './corpus-stamps.js';
import { readSnapshotWithDelta } from './delta-store.js';
import { buildKnowledgeBase, type KnowledgeBase, PARAGRAPH_RANKING } from './knowledge-base.js';
import type { Logger } from './logger.js';
import { keyFor, readSnapshot, writeSnapshot } from './snapshot-store.js';

export interface LoadedKnowledgeBase {
  kb: KnowledgeBase;
  problems: CorpusProblem[];
  /** whether it came from a snapshot instead of a build */
  fromSnapshot: boolean;
  /** settles once the new snapshot is written (at once when none is written); never rejects */
  snapshotSaved: Promise<void>;
}

export interface LoadOptions {
  /** where the index snapshot lives (DATA_DIR); without it every load builds */
  snapshotDir?: string;
  logger?: Pick<Logger, 'info' | 'warn'>;
}

/**
 * Reads a corpus directory and builds its knowledge base; broken files are
 * reported and left out. With a snapshot directory, a snapshot of the same
 * files, code and options is loaded instead of building, and after a build a
 * new one is written in the background (the caller need not wait).
 */
export async function loadKnowledgeBase(
  corpusDir: string,
  extraSynonyms: readonly SynonymGroup[] = [],
  options: LoadOptions = {},
): Promise<LoadedKnowledgeBase> {
  const { snapshotDir, logger } = options;
  const stamps = snapshotDir ? await corpusStamps(corpusDir) : undefined;
  const key = stamps ? keyFor(stamps, PARAGRAPH_RANKING) : undefined;
  if (snapshotDir && key) {
    const read = await readSnapshot(snapshotDir, key, extraSynonyms);
    if ('kb' in read) {
      logger?.info({ articles: read.kb.articles.length, passages: read.kb.passages.length }, 'index snapshot loaded');
      return { kb: read.kb, problems: read.problems, fromSnapshot: true, snapshotSaved: Promise.resolve() };
    }
    const withDelta = await readSnapshotWithDelta(snapshotDir, key, stamps!, extraSynonyms);
    if (!('rejected' in withDelta)) {
      logger?.info({ articles: withDelta.articles, removed: withDelta.removed }, 'index snapshot loaded, with its delta');
      return { kb: withDelta.kb, problems: withDelta.problems, fromSnapshot: true, snapshotSaved: Promise.resolve() };
    }
    logger?.info({ snapshotDir }, `index snapshot not used: ${read.rejected}; ${withDelta.rejected}; building the index`);
  }
  const { corpus, problems } = await loadCorpus(corpusDir);
  const kb = buildKnowledgeBase(corpus, { extraSynonyms });
  const snapshotSaved =
    snapshotDir && stamps && key && kb.articles.length > 0
      ? new Promise<void>((resolve) => setImmediate(resolve))
          .then(() => writeSnapshot(snapshotDir, { kb, key, stamps, problems }))
          .catch((error: unknown) => logger?.warn({ err: error, snapshotDir }, 'index snapshot not written; the next start builds again'))
      : Promise.resolve();
  return { kb, problems, fromSnapshot: false, snapshotSaved };
}
