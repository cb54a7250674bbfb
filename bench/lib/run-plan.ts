import { SPEED_REFERENCE, systemNamed } from '../systems/index.js';
import { HEADLINE_SPLIT, SCALE_NAME } from './datasets.js';
import type { JobOutcome } from './job.js';
import type { PlannedJob } from './plan.js';
import type { DatasetRuns, ScalingRun, SystemRun } from './report.js';
import { runJob } from './run-job.js';

/** Longest a single (dataset, system) job may take before it is stopped and reported as failed. */
const JOB_TIME_LIMIT_MS = 420_000;

export interface PlanResults {
  datasets: DatasetRuns[];
  scaling: ScalingRun[];
  failures: number;
}

/** Runs the jobs one after another (never in parallel: timings and heap must not share the machine). */
export async function runPlan(
  plan: readonly PlannedJob[],
  onDone: (index: number, planned: PlannedJob, outcome: JobOutcome, ms: number) => void,
): Promise<PlanResults> {
  const finished: { planned: PlannedJob; run: SystemRun }[] = [];
  for (const [index, planned] of plan.entries()) {
    const startedAt = performance.now();
    const outcome = await runJob(planned.job, JOB_TIME_LIMIT_MS);
    onDone(index, planned, outcome, performance.now() - startedAt);
    finished.push({ planned, run: { system: systemNamed(planned.job.system)!, job: planned.job, outcome } });
  }

  const datasets: DatasetRuns[] = [];
  for (const { planned, run } of finished.filter(({ planned }) => planned.table === 'headline')) {
    let dataset = datasets.find((d) => d.name === planned.dataset);
    if (!dataset) {
      dataset = { name: planned.dataset, split: HEADLINE_SPLIT, runs: [] };
      datasets.push(dataset);
    }
    dataset.runs.push(run);
  }

  // The full-corpus scaling rows are the headline measurements of the 31k dataset.
  const scaled = (name: string) => name === 'ours' || name === SPEED_REFERENCE;
  const fullCorpus = datasets.find((d) => d.name === SCALE_NAME)?.runs.filter((run) => scaled(run.system.name)) ?? [];
  const scaling: ScalingRun[] = [
    ...finished.filter(({ planned }) => planned.table === 'scaling').map(({ planned, run }) => ({ ...run, passages: sizeOf(planned) })),
    ...fullCorpus.map((run) => ({ ...run, passages: run.outcome.ok ? run.outcome.measurement.passages : Number.NaN })),
  ];
  scaling.sort((a, b) => Number(b.system.ours) - Number(a.system.ours) || a.passages - b.passages);

  return { datasets, scaling, failures: finished.filter(({ run }) => !run.outcome.ok).length };
}

function sizeOf(planned: PlannedJob): number {
  const spec = planned.job.dataset;
  return spec.kind === 'scale' && spec.passages !== undefined ? spec.passages : Number.NaN;
}
