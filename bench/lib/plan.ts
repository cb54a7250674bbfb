import { QA_DATASETS } from '../../src/eval/shared-data.js';
import { SPEED_REFERENCE, SYSTEMS } from '../systems/index.js';
import type { BenchArgs } from './args.js';
import { type DatasetSpec, datasetName } from './datasets.js';
import type { Job } from './job.js';

/** Sizes of the scaling rows measured on their own; the full corpus row comes from the headline table. */
export const SCALING_SIZES = [1_000, 10_000] as const;
const QUICK_SCALING_SIZES = [1_000] as const;
const QUICK_QUESTIONS = 100;
/**
 * Every system answers this many dev-split questions before it is timed, so
 * the p50 and p99 are those of a warmed-up process (a bot runs for days), not
 * of the JIT compiling the search path.
 */
const WARMUP_QUESTIONS = 100;
/** A bounded peer spends up to seconds per question at scale: a shorter warm-up for it. */
const BOUNDED_WARMUP_QUESTIONS = 5;

/**
 * Peers too slow to ask all 446 questions at 30,942 passages within the run's
 * ten-minute budget ask only the first N (the same N in every run, so runs
 * compare); their row says so, with ours' MRR on the same questions. Their
 * build is always measured in full. Measured on this 2-core machine (shared,
 * load ≈ 5): query p50 / p99 of minisearch 70 ms / 0.66 s, lunr 0.14 s / 1.2 s,
 * orama 0.39 s / 4.2 s; asking everything took 50 s, 100 s and 340 s.
 */
export const SCALE_QUESTION_LIMITS: Readonly<Record<string, number>> = { 'minisearch-ar': 100, 'lunr-ar': 100, 'orama-ar': 50 };

export interface PlannedJob {
  table: 'headline' | 'scaling';
  dataset: string;
  job: Job;
}

/** The jobs of a run, in the order they run: dataset by dataset, ours first, then the scaling rows. */
export function planJobs(args: BenchArgs): PlannedJob[] {
  const systems = SYSTEMS.filter((system) => !args.only || args.only.includes(system.name)).map((system) => system.name);
  const wants = (name: string) => !args.datasets || (args.datasets as readonly string[]).includes(name);
  const questionLimit = args.quick ? QUICK_QUESTIONS : undefined;
  const jobs: PlannedJob[] = [];
  const add = (table: PlannedJob['table'], spec: DatasetSpec, system: string, limit = questionLimit, warmup = WARMUP_QUESTIONS) =>
    jobs.push({
      table,
      dataset: datasetName(spec),
      job: { dataset: spec, system, warmup, ...(limit === undefined ? {} : { questionLimit: limit }) },
    });

  for (const name of QA_DATASETS.filter(wants)) for (const system of systems) add('headline', { kind: 'qa', name }, system);
  if (wants('scale')) {
    if (!args.quick) {
      for (const system of systems) {
        const bound = SCALE_QUESTION_LIMITS[system];
        add('headline', { kind: 'scale' }, system, bound, bound === undefined ? WARMUP_QUESTIONS : BOUNDED_WARMUP_QUESTIONS);
      }
    }
    const scaled = systems.filter((system) => system === 'ours' || system === SPEED_REFERENCE);
    for (const passages of args.quick ? QUICK_SCALING_SIZES : SCALING_SIZES)
      for (const system of scaled) add('scaling', { kind: 'scale', passages }, system);
  }
  return jobs;
}
