import type { RetrievalMetrics } from '../../src/eval/retrieval-metrics.js';
import type { DatasetSpec } from './datasets.js';

/** Every system is asked for this many passages per question; MRR is @10 too. */
export const K = 10;

/** One (dataset, system) measurement, run alone in a child process. */
export interface Job {
  dataset: DatasetSpec;
  system: string;
  /** Ask only the first N test questions (quick runs, or a peer too slow at scale). */
  questionLimit?: number;
  /** Dev-split questions asked once, unmeasured, before the timed pass. */
  warmup: number;
}

export interface Measurement {
  passages: number;
  questions: number;
  buildMs: number;
  p50us: number;
  p99us: number;
  /** heap after building, minus heap before loading the passages (both after a full GC) */
  heapMB: number;
  /** the passages' own share of heapMB: what every system holds before indexing anything */
  passagesHeapMB: number;
  metrics: RetrievalMetrics;
  /** rank of the gold passage for each question asked, in file order (0 = not in the top 10) */
  ranks: number[];
  /** search time of each question asked, in file order */
  timingsMs: number[];
}

/** What a child reports: a measurement, or why there is none (an expected failure, as a value). */
export type JobOutcome = { ok: true; measurement: Measurement } | { ok: false; error: string };
