import type { Searcher, SearchSystem } from '../systems/index.js';
import { HEADLINE_SPLIT, loadPassages, loadQuestions, WARMUP_SPLIT } from './datasets.js';
import { settledHeapBytes, toMB } from './heap.js';
import { type Job, K, type Measurement } from './job.js';
import { goldPassageIds, latencySummary, rankOfGold, retrievalScores } from './scoring.js';

/**
 * Builds one system over one dataset and asks it every question once, in the
 * current process. Heap is settled (two forced GCs) before the passages are
 * loaded and, for the index, after the timed questions: a forced GC between
 * the build and the questions shrinks V8's young generation, and the next few
 * hundred questions would then be timed paying for the scavenges that a
 * serving process, which never forces a GC, does not see. Read after serving,
 * the heap also holds what a system caches while it answers.
 */
export async function measure(job: Job, system: SearchSystem, shared: string): Promise<Measurement> {
  const baseline = settledHeapBytes();
  const passages = await loadPassages(shared, job.dataset);
  const withPassages = settledHeapBytes();

  const started = performance.now();
  const searcher = await system.build(passages);
  const buildMs = performance.now() - started;

  const questions = loadQuestions(shared, job.dataset, HEADLINE_SPLIT, job.questionLimit);
  const passageIds = passages.map((passage) => passage.id);
  for (const question of loadQuestions(shared, job.dataset, WARMUP_SPLIT, job.warmup)) await timedSearch(searcher, question.question);

  const timings: number[] = [];
  const ranks: number[] = [];
  for (const question of questions) {
    const { hits, ms } = await timedSearch(searcher, question.question);
    timings.push(ms);
    ranks.push(rankOfGold(hits, passageIds, goldPassageIds(question), K));
  }
  const built = settledHeapBytes();

  return {
    passages: passages.length,
    questions: questions.length,
    buildMs,
    ...latencySummary(timings),
    heapMB: toMB(built - baseline),
    passagesHeapMB: toMB(withPassages - baseline),
    metrics: retrievalScores(ranks),
    ranks,
    timingsMs: timings,
  };
}

/** Awaits only what is a promise, so a synchronous search is timed without a microtask tick in it. */
async function timedSearch(searcher: Searcher, question: string): Promise<{ hits: readonly number[]; ms: number }> {
  const askedAt = performance.now();
  const result = searcher.search(question, K);
  const hits = result instanceof Promise ? await result : result;
  return { hits, ms: performance.now() - askedAt };
}
