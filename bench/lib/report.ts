import { summarizeRanks } from '../../src/eval/retrieval-metrics.js';
import { formatTable } from '../../src/util/table.js';
import type { SearchSystem } from '../systems/index.js';
import { amount, ratio, share } from './format.js';
import type { Job, JobOutcome, Measurement } from './job.js';
import { latencySummary } from './scoring.js';

/** One finished job: which system, what it was asked to do, and what came back. */
export interface SystemRun {
  system: SearchSystem;
  job: Job;
  outcome: JobOutcome;
}

/** The runs of one headline dataset, systems in table order. */
export interface DatasetRuns {
  name: string;
  split: string;
  runs: SystemRun[];
}

export interface ScalingRun extends SystemRun {
  passages: number;
}

export function measurementOf(run: SystemRun): Measurement | undefined {
  return run.outcome.ok ? run.outcome.measurement : undefined;
}

/** Questions of the dataset in this run: the most any system was asked (a bounded peer asks fewer). */
export function questionsAsked(dataset: DatasetRuns): number {
  return Math.max(0, ...dataset.runs.map((run) => measurementOf(run)?.questions ?? 0));
}

export function passagesIndexed(dataset: DatasetRuns): number {
  return Math.max(0, ...dataset.runs.map((run) => measurementOf(run)?.passages ?? 0));
}

/** A peer asked fewer questions than the others: said in its row and in the JSON config. */
export function boundNote(run: SystemRun, questions: number): string | undefined {
  const asked = measurementOf(run)?.questions;
  return asked !== undefined && asked < questions ? `asked the first ${asked} of ${questions} questions (time bound)` : undefined;
}

const DATASET_HEADER = [
  'system',
  'MRR@10',
  'R@1',
  'R@3',
  'R@5',
  'build ms',
  'p50 µs',
  'p99 µs',
  'heap MB',
  'p50 ours/peer',
  'build ours/peer',
];

export function formatDatasetTable(dataset: DatasetRuns): string {
  const questions = questionsAsked(dataset);
  const oursRun = dataset.runs.find((run) => run.system.ours);
  const ours = oursRun && measurementOf(oursRun);
  const passagesHeap = dataset.runs.map(measurementOf).find(Boolean)?.passagesHeapMB;
  const notes: string[] = [];
  const rows = dataset.runs.map((run) => {
    const m = measurementOf(run);
    if (!m) {
      notes.push(`${run.system.name} failed: ${run.outcome.ok ? '' : firstLine(run.outcome.error)}`);
      return [run.system.name, 'failed', ...DATASET_HEADER.slice(2).map(() => '-')];
    }
    const bound = boundNote(run, questions);
    // A bounded peer is compared with ours on the same first questions, for quality and for speed.
    const oursSame = ours && bound ? onFirstQuestions(ours, m.questions) : ours && { mrr10: ours.metrics.mrr10, p50us: ours.p50us };
    if (bound) {
      const oursThere = oursSame
        ? `; on them ours has MRR@10 ${share(oursSame.mrr10)} and p50 ${amount(oursSame.p50us)} µs (the p50 ratio uses it)`
        : '';
      notes.push(`${run.system.name} ${bound}: its scores are over those questions${oursThere}.`);
    }
    const peer = !run.system.ours;
    return [
      bound ? `${run.system.name} *` : run.system.name,
      share(m.metrics.mrr10),
      share(m.metrics.r1),
      share(m.metrics.r3),
      share(m.metrics.r5),
      amount(m.buildMs),
      amount(m.p50us),
      amount(m.p99us),
      amount(m.heapMB),
      peer ? ratio(oursSame?.p50us, m.p50us) : '-',
      peer ? ratio(ours?.buildMs, m.buildMs) : '-',
    ];
  });
  const title = `${dataset.name} (${dataset.split} split): ${passagesIndexed(dataset).toLocaleString('en')} passages, ${questions} questions`;
  if (passagesHeap !== undefined)
    notes.push(`heap MB includes the passages themselves (${amount(passagesHeap)} MB), the same for every system.`);
  return [title, '', formatTable(DATASET_HEADER, rows), ...notes.map((note) => `  ${note}`)].join('\n');
}

export function formatScalingTable(runs: readonly ScalingRun[], datasetLabel: string): string {
  const rows = runs.map((run) => {
    const m = measurementOf(run);
    const size = run.passages.toLocaleString('en');
    if (!m) return [run.system.name, size, 'failed', '-', '-', '-', '-'];
    return [run.system.name, size, amount(m.buildMs), amount(m.p50us), amount(m.p99us), amount(m.heapMB), share(m.metrics.mrr10)];
  });
  return [
    `Scaling: ${datasetLabel}`,
    '',
    formatTable(['system', 'passages', 'build ms', 'p50 µs', 'p99 µs', 'heap MB', 'MRR@10'], rows),
  ].join('\n');
}

/** Ours measured on the first n questions only, to set beside a peer that asked only those. */
function onFirstQuestions(m: Measurement, n: number): { mrr10: number; p50us: number } {
  return { mrr10: summarizeRanks(m.ranks.slice(0, n)).mrr10, p50us: latencySummary(m.timingsMs.slice(0, n)).p50us };
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
