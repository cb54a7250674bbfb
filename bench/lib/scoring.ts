import { firstGoldRank, type RetrievalMetrics, summarizeRanks } from '../../src/eval/retrieval-metrics.js';
import type { DatasetQuestion } from '../../src/eval/shared-data.js';
import { percentile } from './percentile.js';

/** Every passage that answers the question: its gold passage and any passage containing it. */
export function goldPassageIds(question: Pick<DatasetQuestion, 'passage_id' | 'alt_passage_ids'>): Set<string> {
  return new Set([question.passage_id, ...(question.alt_passage_ids ?? [])]);
}

/**
 * 1-based rank of the first gold passage among the first k hits, 0 when none.
 * Hits are positions in the passage array the system indexed; a system that
 * returns more than k is cut at k, so every system is judged on the same k.
 *
 * @example rankOfGold([7, 2, 9], ['a', 'b', 'c', …], new Set(['c'])) === 2
 */
export function rankOfGold(hits: readonly number[], passageIds: readonly string[], gold: ReadonlySet<string>, k = 10): number {
  return firstGoldRank(
    hits.slice(0, k).map((hit) => passageIds[hit] ?? ''),
    gold,
  );
}

export function retrievalScores(ranks: readonly number[]): RetrievalMetrics {
  return summarizeRanks(ranks);
}

export interface LatencySummary {
  p50us: number;
  p99us: number;
}

/** p50 and p99 of per-question timings, from milliseconds to microseconds. */
export function latencySummary(timingsMs: readonly number[]): LatencySummary {
  return { p50us: percentile(timingsMs, 50) * 1000, p99us: percentile(timingsMs, 99) * 1000 };
}
