/** Rank-based retrieval scores over a set of questions with known gold passages. */
export interface RetrievalMetrics {
  questions: number;
  mrr10: number;
  r1: number;
  r3: number;
  r5: number;
}

/** rank is 1-based, or 0 when no gold passage was returned. */
export function summarizeRanks(ranks: readonly number[]): RetrievalMetrics {
  const n = ranks.length || 1;
  const share = (k: number) => ranks.filter((r) => r > 0 && r <= k).length / n;
  return {
    questions: ranks.length,
    mrr10: ranks.reduce((sum, r) => sum + (r > 0 && r <= 10 ? 1 / r : 0), 0) / n,
    r1: share(1),
    r3: share(3),
    r5: share(5),
  };
}

/** 1-based rank of the first returned id that is gold, 0 if none. */
export function firstGoldRank(returned: readonly string[], gold: ReadonlySet<string>): number {
  const index = returned.findIndex((id) => gold.has(id));
  return index + 1;
}
