import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Answer } from '../core/answer.js';
import { fixed, formatTable } from '../util/table.js';
import { type DatasetQuestion, readJsonLines, type Split } from './shared-data.js';

/**
 * Question sets none of whose questions the bundled corpus answers: the public
 * QA datasets (Wikipedia topics: sport, science, history…) asked against the
 * coalition articles. Every answer they get is a false answer.
 */
export const OFF_CORPUS_SETS = [
  { name: 'arcd', dir: 'arcd', prefix: 'questions' },
  { name: 'tydiqa-goldp-ar', dir: 'tydiqa-goldp-ar', prefix: 'questions' },
  { name: 'mlqa-ar-dev', dir: 'mlqa-ar-dev', prefix: 'questions' },
  { name: 'xquad-ar', dir: 'xquad-ar', prefix: 'questions' },
  { name: 'xquad-en', dir: 'xquad-ar', prefix: 'questions-en' },
] as const;

export interface OffCorpusQuestion {
  set: string;
  question: string;
}

/** The questions of one split of every set present under `shared/data` (a missing set is left out). */
export function loadOffCorpusQuestions(shared: string, split: Split): OffCorpusQuestion[] {
  return OFF_CORPUS_SETS.flatMap(({ name, dir, prefix }) => {
    const path = join(shared, 'data', dir, `${prefix}-${split}.jsonl`);
    return existsSync(path) ? readJsonLines<DatasetQuestion>(path).map((q) => ({ set: name, question: q.question })) : [];
  });
}

export interface OffCorpusSetResult {
  set: string;
  questions: number;
  answered: number;
}

export interface OffCorpusResult {
  questions: number;
  answered: number;
  /** answered / questions */
  rate: number;
  bySet: OffCorpusSetResult[];
  /** the questions that got an answer, with the passage cited first */
  falseAnswers: { set: string; question: string; cited: string }[];
}

/** Asks every question and counts the ones that got an answer (each should have been not_found). */
export function measureOffCorpus(questions: readonly OffCorpusQuestion[], ask: (question: string) => Answer): OffCorpusResult {
  const bySet = new Map<string, OffCorpusSetResult>();
  const falseAnswers: OffCorpusResult['falseAnswers'] = [];
  for (const { set, question } of questions) {
    const row = bySet.get(set) ?? { set, questions: 0, answered: 0 };
    bySet.set(set, row);
    row.questions++;
    const answer = ask(question);
    if (answer.status !== 'answered') continue;
    row.answered++;
    falseAnswers.push({ set, question, cited: answer.passages[0]?.id ?? '' });
  }
  const answered = falseAnswers.length;
  const rate = answered / Math.max(1, questions.length);
  return { questions: questions.length, answered, rate, bySet: [...bySet.values()], falseAnswers };
}

/** One table; with several splits ("dev", "test"), their answered counts and shares side by side. */
export function formatOffCorpus(result: OffCorpusResult | readonly { split: string; result: OffCorpusResult }[]): string {
  const splits = 'bySet' in result ? [{ split: '', result }] : result;
  const percent = (answered: number, questions: number) => `${fixed((100 * answered) / Math.max(1, questions), 1)}%`;
  const label = (name: string, split: string) => (split ? `${name} ${split}` : name);
  const header = ['set', ...splits.flatMap(({ split }) => [label('questions', split), label('answered', split), label('share', split)])];
  const sets = [...new Set(splits.flatMap(({ result: r }) => r.bySet.map((row) => row.set)))];
  const cells = (r: { questions: number; answered: number } | undefined) =>
    r ? [r.questions, r.answered, percent(r.answered, r.questions)] : ['-', '-', '-'];
  return formatTable(header, [
    ...sets.map((set) => [set, ...splits.flatMap(({ result: r }) => cells(r.bySet.find((row) => row.set === set)))]),
    ['all', ...splits.flatMap(({ result: r }) => cells(r))],
  ]);
}
