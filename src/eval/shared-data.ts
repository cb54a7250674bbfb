import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * `../shared` beside the project (read-only evaluation data), or `override`
 * (entry points pass SHARED_DIR). Undefined when absent: callers skip with a
 * message instead of failing.
 */
export function sharedDir(override?: string): string | undefined {
  const dir = override || resolve(projectRoot, '..', 'shared');
  return existsSync(dir) ? dir : undefined;
}

export const SHARED_MISSING = 'skipped: ../shared (the evaluation data beside the project) is not here; set SHARED_DIR to point at it';

export function readJsonLines<T>(path: string): T[] {
  const raw = readFileSync(path);
  const text = (path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  return text.split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line) as T);
}

export interface DatasetPassage {
  id: string;
  title?: string;
  text: string;
}

export interface DatasetQuestion {
  id: string;
  question: string;
  answers: string[];
  passage_id: string;
  alt_passage_ids?: string[];
}

export const QA_DATASETS = ['arcd', 'tydiqa-goldp-ar', 'mlqa-ar-dev'] as const;
export type QaDatasetName = (typeof QA_DATASETS)[number];
export type Split = 'dev' | 'test';

export function loadQaDataset(shared: string, name: string, split: Split): { passages: DatasetPassage[]; questions: DatasetQuestion[] } {
  const dir = join(shared, 'data', name);
  return {
    passages: readJsonLines<DatasetPassage>(join(dir, 'passages.jsonl')),
    questions: readJsonLines<DatasetQuestion>(join(dir, `questions-${split}.jsonl`)),
  };
}
