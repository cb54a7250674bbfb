import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerQuestion } from '../core/answer.js';
import { loadKnowledgeBase } from '../core/load.js';
import { loadQaDataset, type Split } from './shared-data.js';

export interface AnswerPathResult {
  dataset: string;
  split: Split;
  questions: number;
  /** share of questions answered (not `not_found`) */
  answered: number;
  /** share of questions whose gold paragraph is among the passages the answer cites (at most 3) */
  top3: number;
}

/**
 * What a user of `ask --json` would see: the dataset's paragraphs written as a
 * corpus directory (one article per paragraph, no metadata, no synonyms),
 * loaded and indexed the way the bot loads `corpus/`, every question answered
 * by `answerQuestion` with the default options, not-found rule included.
 */
export async function evaluateAnswerPath(shared: string, dataset: string, split: Split): Promise<AnswerPathResult> {
  const { passages, questions } = loadQaDataset(shared, dataset, split);
  const dir = await mkdtemp(join(tmpdir(), `qa-${dataset}-`));
  try {
    await Promise.all(passages.map((p) => writeFile(join(dir, `${p.id}.txt`), `${p.text}\n`)));
    const { kb } = await loadKnowledgeBase(dir);
    let answered = 0;
    let hits = 0;
    for (const q of questions) {
      const answer = answerQuestion(kb, q.question);
      if (answer.status === 'answered') answered++;
      const gold = new Set([q.passage_id, ...(q.alt_passage_ids ?? [])]);
      if (answer.passages.slice(0, 3).some((p) => gold.has(p.articleId))) hits++;
    }
    const n = Math.max(1, questions.length);
    return { dataset, split, questions: questions.length, answered: answered / n, top3: hits / n };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
