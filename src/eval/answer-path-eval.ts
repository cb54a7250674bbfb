import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AnswerOptions, answerQuestion, CANDIDATES, DEFAULT_ANSWER_OPTIONS } from '../core/answer.js';
import { evidenceNeeded } from '../core/evidence.js';
import type { KnowledgeBase } from '../core/knowledge-base.js';
import { loadKnowledgeBase } from '../core/load.js';
import { questionLanguage } from '../core/question.js';
import { type DatasetPassage, type DatasetQuestion, loadQaDataset, type Split } from './shared-data.js';

export interface AnswerPathResult {
  dataset: string;
  split: Split;
  questions: number;
  /** share of questions answered (not `not_found`) */
  answered: number;
  /** share of questions whose gold paragraph is among the passages the answer cites (at most 3) */
  top3: number;
  /** share of questions whose gold paragraph the engine alone (PassageIndex.search) ranks in its top 3 */
  engineTop3: number;
  /** questions answered whose gold paragraph the engine ranks in its top 3 but the answer does not cite in its 3 */
  reordered: number;
  /** the questions not answered, by what refused them (see refusalOf) */
  refusals: Record<RefusalReason, number>;
}

export const REFUSAL_REASONS = [
  'corpus cannot answer',
  'gold not ranked',
  'gold below the floor',
  'gold matches too few words',
  'gold ranked too low to lead',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/**
 * Why a question got no answer, read at its gold paragraph: the question as
 * a whole was judged unanswerable by the corpus (unknown words, a place or
 * number no article has, an asked-for attribute no article uses, a year every
 * article rules out); the gold paragraph is not among the candidates; or it
 * is, and covers less of the question's weight than the floor, or matches
 * too few of its words (or of its concepts, or of them as written, or is ruled out by the year rule),
 * or it would answer but is ranked below the passages that may lead.
 */
export function refusalOf(
  kb: KnowledgeBase,
  question: string,
  gold: ReadonlySet<string>,
  options: AnswerOptions = DEFAULT_ANSWER_OPTIONS,
): RefusalReason {
  const { hits, concepts } = kb.index.search(question, CANDIDATES);
  const needed = evidenceNeeded(kb, question, concepts, questionLanguage(question) !== kb.mainLanguage, options);
  if (!needed) return 'corpus cannot answer';
  const hit = hits.find((h) => gold.has(kb.passages[h.passage]!.article.id));
  if (!hit) return 'gold not ranked';
  if (needed.answers(hit, kb.passages[hit.passage]!.article.id) && needed.holds(hit)) return 'gold ranked too low to lead';
  return hit.coverage < needed.floor ? 'gold below the floor' : 'gold matches too few words';
}

/**
 * A dataset's paragraphs written as a corpus directory (one article per
 * paragraph, no metadata, no synonyms), loaded and indexed the way the bot
 * loads `corpus/`.
 */
export async function loadDatasetKnowledgeBase(passages: readonly DatasetPassage[], name: string): Promise<KnowledgeBase> {
  const dir = await mkdtemp(join(tmpdir(), `qa-${name}-`));
  try {
    await Promise.all(passages.map((p) => writeFile(join(dir, `${p.id}.txt`), `${p.text}\n`)));
    return (await loadKnowledgeBase(dir)).kb;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * What a user of `ask --json` would see: the dataset's paragraphs as the
 * corpus (see loadDatasetKnowledgeBase), every question answered by
 * `answerQuestion` with the default options, not-found rule included.
 */
export async function evaluateAnswerPath(shared: string, dataset: string, split: Split): Promise<AnswerPathResult> {
  const { passages, questions } = loadQaDataset(shared, dataset, split);
  const kb = await loadDatasetKnowledgeBase(passages, dataset);
  return { dataset, split, ...answerPathOn(kb, questions) };
}

/** The questions asked of one knowledge base through the answer path, with `options` (the defaults unless given). */
export function answerPathOn(
  kb: KnowledgeBase,
  questions: readonly DatasetQuestion[],
  options: AnswerOptions = DEFAULT_ANSWER_OPTIONS,
): Omit<AnswerPathResult, 'dataset' | 'split'> {
  let answered = 0;
  let cited = 0;
  let ranked = 0;
  let reordered = 0;
  const refusals = Object.fromEntries(REFUSAL_REASONS.map((r) => [r, 0])) as Record<RefusalReason, number>;
  for (const q of questions) {
    const answer = answerQuestion(kb, q.question, options);
    const gold = new Set([q.passage_id, ...(q.alt_passage_ids ?? [])]);
    const engineTop3 = kb.index.search(q.question, 3).hits.some((h) => gold.has(kb.passages[h.passage]!.article.id));
    const answerTop3 = answer.passages.slice(0, 3).some((p) => gold.has(p.articleId));
    if (answer.status === 'answered') answered++;
    else refusals[refusalOf(kb, q.question, gold, options)]++;
    if (answerTop3) cited++;
    if (engineTop3) ranked++;
    if (engineTop3 && answer.status === 'answered' && !answerTop3) reordered++;
  }
  const n = Math.max(1, questions.length);
  return { questions: questions.length, answered: answered / n, top3: cited / n, engineTop3: ranked / n, reordered, refusals };
}
