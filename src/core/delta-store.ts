import { closeSync, openSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { Article, CorpusProblem, SynonymGroup } from '../corpus/index.js';
import { listingOf } from '../corpus/loader.js';
import type { FileStamp } from './corpus-stamps.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { applyDelta, asBase } from './segment-reload.js';
import { SnapshotReader, writeSectionsFile } from './snapshot-format.js';
import { readSnapshot } from './snapshot-store.js';

/** The delta's file in DATA_DIR, beside the snapshot it goes on (see segment-reload.ts). */
export const DELTA_FILE = 'index-delta.bin';

/** Bump when the delta file's sections change layout or meaning. */
const DELTA_FORMAT_VERSION = 1;

/**
 * What a restart needs to serve the base snapshot with its delta without
 * building: the articles that differ from the base's, as they are now, and
 * the base's articles gone. The delta's index is made again from them (a
 * few articles: milliseconds), not saved.
 */
export interface SavedDelta {
  /** the key of the snapshot it goes on (the header's) */
  baseKey: string;
  articles: Article[];
  removed: string[];
  problems: CorpusProblem[];
}

/**
 * Writes the delta under `key` (the corpus's key, as a snapshot's: the files
 * as stamped, the code, the options), beside the old file, then renames.
 */
export async function writeDelta(dir: string, key: string, delta: SavedDelta): Promise<void> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, DELTA_FILE);
  const temporary = `${path}.${process.pid}.${threadId}.tmp`;
  const articles = delta.articles.map((a) => ({ ...a, paragraphs: a.paragraphs.map((p) => ({ n: p.n, line: p.line, text: p.text })) }));
  try {
    await writeSectionsFile(temporary, key, {
      'delta.meta': { json: { version: DELTA_FORMAT_VERSION, baseKey: delta.baseKey } },
      'delta.articles': { json: articles },
      'delta.removed': { json: delta.removed },
      'delta.problems': { json: delta.problems },
    });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** The delta in `dir` when it carries `key` and is whole; otherwise why not, for one log line. */
export async function readDelta(dir: string, key: string): Promise<SavedDelta | { rejected: string }> {
  let fd: number;
  try {
    fd = openSync(join(dir, DELTA_FILE), 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { rejected: code === 'ENOENT' ? 'there is no delta either' : `its delta cannot be read (${code})` };
  }
  try {
    const reader = await SnapshotReader.fromFile(fd);
    if (reader.header.key !== key) return { rejected: 'its delta was made from other files, code or options too' };
    const meta = await reader.json<{ version: number; baseKey: string }>('delta.meta');
    if (meta.version !== DELTA_FORMAT_VERSION) return { rejected: `its delta's format is ${meta.version}, not ${DELTA_FORMAT_VERSION}` };
    return {
      baseKey: meta.baseKey,
      articles: await reader.json<Article[]>('delta.articles'),
      removed: await reader.json<string[]>('delta.removed'),
      problems: await reader.json<CorpusProblem[]>('delta.problems'),
    };
  } catch (error) {
    return { rejected: `its delta is damaged (${(error as Error).message})` };
  } finally {
    closeSync(fd);
  }
}

/** Removes the delta (a full build made a new snapshot: the delta's changes are in it). */
export async function removeDelta(dir: string): Promise<void> {
  await rm(join(dir, DELTA_FILE), { force: true });
}

/**
 * At start, when the snapshot is not of these files: the snapshot the delta
 * in `dir` goes on, with the delta, when the delta carries `key` (these
 * files) and both are whole; otherwise why not, for one log line.
 */
export async function readSnapshotWithDelta(
  dir: string,
  key: string,
  stamps: readonly FileStamp[],
  extraSynonyms: readonly SynonymGroup[],
): Promise<{ kb: KnowledgeBase; problems: CorpusProblem[]; articles: number; removed: number } | { rejected: string }> {
  const delta = await readDelta(dir, key);
  if ('rejected' in delta) return delta;
  const base = await readSnapshot(dir, delta.baseKey, extraSynonyms);
  if ('rejected' in base) return { rejected: `the snapshot its delta goes on is not usable (${base.rejected})` };
  if (!base.reader) return { rejected: 'the snapshot its delta goes on was not read from a file' };
  const { segments } = asBase(base.kb, delta.baseKey, base.reader);
  const order = listingOf(
    dir,
    stamps.map((s) => s.name),
  ).textIds;
  const kb = await applyDelta(segments!.base, new Map(delta.articles.map((a) => [a.id, a])), new Set(delta.removed), order, extraSynonyms);
  if ('rebuild' in kb) return { rejected: kb.rebuild };
  return { kb, problems: delta.problems, articles: delta.articles.length, removed: delta.removed.length };
}
