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
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
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

export const QA_DATASETS = ['arcd', 'tydiqa-goldp-ar', 'mlqa-ar-dev', 'xquad-ar', 'xquad-en'] as const;
export type QaDatasetName = (typeof QA_DATASETS)[number];
export type Split = 'dev' | 'test';

/**
 * Where a dataset's files are: its folder under ../shared/data and the prefix of
 * its question files. XQuAD English is the folder of XQuAD Arabic (the same
 * Arabic paragraphs) asked its English questions.
 */
export function datasetFiles(name: string): { dir: string; questions: string } {
  return name === 'xquad-en' ? { dir: 'xquad-ar', questions: 'questions-en' } : { dir: name, questions: 'questions' };
}

export function loadQaPassages(shared: string, name: string): DatasetPassage[] {
  return readJsonLines<DatasetPassage>(join(shared, 'data', datasetFiles(name).dir, 'passages.jsonl'));
}

export function loadQaQuestions(shared: string, name: string, split: Split): DatasetQuestion[] {
  const files = datasetFiles(name);
  return readJsonLines<DatasetQuestion>(join(shared, 'data', files.dir, `${files.questions}-${split}.jsonl`));
}

export function loadQaDataset(shared: string, name: string, split: Split): { passages: DatasetPassage[]; questions: DatasetQuestion[] } {
  return { passages: loadQaPassages(shared, name), questions: loadQaQuestions(shared, name, split) };
}
