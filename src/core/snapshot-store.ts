import { closeSync, openSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { CorpusProblem, SynonymGroup } from '../corpus/index.js';
import { INDEX_FORMAT_VERSION } from '../search/index.js';
import { type FileStamp, snapshotKey, snapshotKeyInPieces } from './corpus-stamps.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { KNOWLEDGE_BASE_FORMAT_VERSION, knowledgeBaseFromSections, knowledgeBaseSections } from './knowledge-base-codec.js';
import { encodeSections, type SectionValue, SnapshotReader, writeSectionsFile } from './snapshot-format.js';

/** The index snapshot's file name in DATA_DIR. */
export const SNAPSHOT_FILE = 'index-snapshot.bin';

/** The key a snapshot of this corpus, built with these options, must carry. */
export function keyFor(stamps: readonly FileStamp[], ranking: KnowledgeBase['ranking']): string {
  return snapshotKey(stamps, { knowledgeBase: KNOWLEDGE_BASE_FORMAT_VERSION, index: INDEX_FORMAT_VERSION }, { ranking });
}

/** The same key, worked out a batch of stamps at a time (see snapshotKeyInPieces). */
export function keyInPieces(
  stamps: readonly FileStamp[],
  ranking: KnowledgeBase['ranking'],
  pause: () => Promise<unknown>,
): Promise<string> {
  return snapshotKeyInPieces(stamps, { knowledgeBase: KNOWLEDGE_BASE_FORMAT_VERSION, index: INDEX_FORMAT_VERSION }, { ranking }, pause);
}

/** The key without the files: what a snapshot must match to be reused by difference (same code, formats and options). */
export function baseKeyFor(ranking: KnowledgeBase['ranking']): string {
  return keyFor([], ranking);
}

export const BASE_KEY_SECTION = 'load.baseKey';

/** A knowledge base restored from a snapshot, with what its load reported then. */
export interface RestoredSnapshot {
  kb: KnowledgeBase;
  problems: CorpusProblem[];
  /** over the snapshot's file, when read from one (what a reload by delta reads the saved words from) */
  reader?: SnapshotReader;
}

/** What a snapshot holds: the knowledge base, the stamps of the files it was built from and the problems its load reported. */
export interface SnapshotContent {
  kb: KnowledgeBase;
  key: string;
  stamps: readonly FileStamp[];
  problems: readonly CorpusProblem[];
}

function snapshotSections({ kb, stamps, problems }: SnapshotContent): Record<string, SectionValue> {
  return {
    ...knowledgeBaseSections(kb),
    'load.stamps': { json: stamps },
    'load.problems': { json: problems },
    [BASE_KEY_SECTION]: { json: baseKeyFor(kb.ranking) },
  };
}

/** The snapshot's bytes. */
export function encodeSnapshot(
  kb: KnowledgeBase,
  key: string,
  stamps: readonly FileStamp[],
  problems: readonly CorpusProblem[],
): Uint8Array {
  return encodeSections(key, snapshotSections({ kb, key, stamps, problems }));
}

async function restore(reader: SnapshotReader, extraSynonyms: readonly SynonymGroup[], fd?: number): Promise<RestoredSnapshot> {
  return {
    kb: await knowledgeBaseFromSections(reader, extraSynonyms, fd),
    problems: await reader.json<CorpusProblem[]>('load.problems'),
  };
}

/** A snapshot held in memory (a worker's build). */
export function restoreSnapshot(bytes: Uint8Array, extraSynonyms: readonly SynonymGroup[] = []): Promise<RestoredSnapshot> {
  return restore(SnapshotReader.fromBytes(bytes), extraSynonyms);
}

/**
 * The snapshot in `dir` when it carries `key` and every section it needs is
 * whole; otherwise why not, in words for one log line.
 */
export async function readSnapshot(
  dir: string,
  key: string,
  extraSynonyms: readonly SynonymGroup[] = [],
): Promise<RestoredSnapshot | { rejected: string }> {
  let fd: number;
  try {
    fd = openSync(join(dir, SNAPSHOT_FILE), 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { rejected: code === 'ENOENT' ? 'there is none yet' : `it cannot be read (${code})` };
  }
  try {
    const reader = await SnapshotReader.fromFile(fd);
    if (reader.header.key !== key) {
      closeSync(fd);
      return { rejected: 'it was made from other files, code or options' };
    }
    // from here the knowledge base owns the file: its texts are read from it
    return { ...(await restore(reader, extraSynonyms, fd)), reader };
  } catch (error) {
    closeSync(fd);
    return { rejected: (error as Error).message };
  }
}

/**
 * Writes the snapshot beside the old one, then renames: a reader sees the old
 * file or the new, never half of one. Given the content rather than bytes,
 * it writes section by section from the index's own arrays.
 */
export async function writeSnapshot(dir: string, snapshot: Uint8Array | SnapshotContent): Promise<void> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, SNAPSHOT_FILE);
  const temporary = `${path}.${process.pid}.${threadId}.tmp`;
  try {
    if (snapshot instanceof Uint8Array) await writeFile(temporary, snapshot);
    else await writeSectionsFile(temporary, snapshot.key, snapshotSections(snapshot));
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
