import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import {
  type DatasetPassage,
  type DatasetQuestion,
  loadQaPassages,
  loadQaQuestions,
  QA_DATASETS,
  type QaDatasetName,
  readJsonLines,
  type Split,
} from '../../src/eval/shared-data.js';

/**
 * What one benchmark job indexes. `qa`: a public QA set's passages. `scale`:
 * TyDi QA's passages followed by the first SaudiNewsNet articles up to
 * `passages` in all (undefined = every article, 30,942 passages), asked
 * TyDi's questions, so the gold passages are always in the index.
 */
export type DatasetSpec = { kind: 'qa'; name: QaDatasetName } | { kind: 'scale'; passages?: number };

export const SCALE_BASE: QaDatasetName = 'tydiqa-goldp-ar';
export const SCALE_NAME = `${SCALE_BASE}+saudinewsnet`;
export const HEADLINE_SPLIT: Split = 'test';
/** Warm-up questions come from the dev split: never one of the measured questions. */
export const WARMUP_SPLIT: Split = 'dev';

export function datasetName(spec: DatasetSpec): string {
  if (spec.kind === 'qa') return spec.name;
  return spec.passages === undefined ? SCALE_NAME : `${SCALE_NAME}@${spec.passages}`;
}

export function isQaDataset(name: string): name is QaDatasetName {
  return (QA_DATASETS as readonly string[]).includes(name);
}

export async function loadPassages(shared: string, spec: DatasetSpec): Promise<DatasetPassage[]> {
  const passages = spec.kind === 'qa' ? readPassages(shared, spec.name) : await scalePassages(shared, spec.passages);
  // Only what a system sees (SaudiNewsNet rows also carry source and date), so heap is comparable across datasets.
  return passages.map(({ id, title, text }) => (title === undefined ? { id, text } : { id, title, text }));
}

/** The questions of one split, the first `limit` of them (the files are in hash order, not topic order). */
export function loadQuestions(shared: string, spec: DatasetSpec, split: Split, limit?: number): DatasetQuestion[] {
  const name = spec.kind === 'qa' ? spec.name : SCALE_BASE;
  const questions = loadQaQuestions(shared, name, split);
  return limit === undefined ? questions : questions.slice(0, limit);
}

function readPassages(shared: string, name: string): DatasetPassage[] {
  return loadQaPassages(shared, name);
}

async function scalePassages(shared: string, total: number | undefined): Promise<DatasetPassage[]> {
  const base = readPassages(shared, SCALE_BASE);
  const newsPath = join(shared, 'data', 'saudinewsnet', 'passages.jsonl.gz');
  const news =
    total === undefined ? readJsonLines<DatasetPassage>(newsPath) : await readFirstJsonLines<DatasetPassage>(newsPath, total - base.length);
  return [...base, ...news];
}

/** The first `count` rows of a gzipped JSONL file, without inflating the rest (a 1k row needs 158 of 30,100 articles). */
async function readFirstJsonLines<T>(path: string, count: number): Promise<T[]> {
  const rows: T[] = [];
  if (count <= 0) return rows;
  const file = createReadStream(path);
  const lines = createInterface({ input: file.pipe(createGunzip()), crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      if (!line.trim()) continue;
      rows.push(JSON.parse(line) as T);
      if (rows.length >= count) break;
    }
  } finally {
    lines.close();
    file.destroy();
  }
  return rows;
}
