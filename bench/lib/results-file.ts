import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { boundNote, type DatasetRuns, measurementOf, passagesIndexed, questionsAsked, type ScalingRun } from './report.js';

/** The shape of bench/results/latest.json: one entry per dataset, every system of the run in it. */
export interface ResultsFile {
  machine: string;
  date: string;
  datasets: {
    name: string;
    split: string;
    passages: number;
    questions: number;
    systems: SystemResult[];
  }[];
  scaling: (Omit<SystemResult, 'config' | 'r1' | 'r3' | 'r5'> & { passages: number; questions: number })[];
}

export interface SystemResult {
  name: string;
  ours: boolean;
  config: string;
  mrr10: number;
  r1: number;
  r3: number;
  r5: number;
  buildMs: number;
  p50us: number;
  p99us: number;
  heapMB: number;
}

/** Systems that failed have no numbers, so no entry: a run with a failure does not replace latest.json. */
export function toResultsFile(machine: string, date: Date, datasets: readonly DatasetRuns[], scaling: readonly ScalingRun[]): ResultsFile {
  return {
    machine,
    date: date.toISOString(),
    datasets: datasets.map((dataset) => {
      const questions = questionsAsked(dataset);
      return {
        name: dataset.name,
        split: dataset.split,
        passages: passagesIndexed(dataset),
        questions,
        systems: dataset.runs.flatMap((run) => {
          const m = measurementOf(run);
          if (!m) return [];
          const bound = boundNote(run, questions);
          return [
            {
              name: run.system.name,
              ours: run.system.ours,
              config: bound ? `${run.system.config} [${bound}]` : run.system.config,
              mrr10: round(m.metrics.mrr10, 4),
              r1: round(m.metrics.r1, 4),
              r3: round(m.metrics.r3, 4),
              r5: round(m.metrics.r5, 4),
              buildMs: round(m.buildMs, 1),
              p50us: round(m.p50us, 1),
              p99us: round(m.p99us, 1),
              heapMB: round(m.heapMB, 1),
            },
          ];
        }),
      };
    }),
    scaling: scaling.flatMap((run) => {
      const m = measurementOf(run);
      if (!m) return [];
      return [
        {
          name: run.system.name,
          ours: run.system.ours,
          passages: m.passages,
          questions: m.questions,
          mrr10: round(m.metrics.mrr10, 4),
          buildMs: round(m.buildMs, 1),
          p50us: round(m.p50us, 1),
          p99us: round(m.p99us, 1),
          heapMB: round(m.heapMB, 1),
        },
      ];
    }),
  };
}

export function writeResultsFile(path: string, results: ResultsFile): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
