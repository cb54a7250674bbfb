import { PassageIndex, type RankingParams } from '../search/index.js';
import { firstGoldRank, type RetrievalMetrics, summarizeRanks } from './retrieval-metrics.js';
import { loadQaDataset, type Split } from './shared-data.js';

export interface DatasetEvalResult extends RetrievalMetrics {
  dataset: string;
  split: Split;
  passages: number;
  buildMs: number;
  meanQueryUs: number;
}

/** Indexes a dataset's passages with our engine and asks all its questions of one split. */
export function evaluateDataset(shared: string, dataset: string, split: Split, ranking?: Partial<RankingParams>): DatasetEvalResult {
  const { passages, questions } = loadQaDataset(shared, dataset, split);
  const started = performance.now();
  const index = PassageIndex.build(passages, { ranking });
  const built = performance.now();
  const ranks = questions.map((q) => {
    const { hits } = index.search(q.question, 10);
    return firstGoldRank(
      hits.map((h) => passages[h.passage]!.id),
      new Set([q.passage_id, ...(q.alt_passage_ids ?? [])]),
    );
  });
  const finished = performance.now();
  return {
    dataset,
    split,
    passages: passages.length,
    buildMs: built - started,
    meanQueryUs: ((finished - built) / Math.max(1, questions.length)) * 1000,
    ...summarizeRanks(ranks),
  };
}
