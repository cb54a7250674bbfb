import { describe, expect, it } from 'vitest';
import type { Measurement } from '../../../bench/lib/job.js';
import { type DatasetRuns, formatDatasetTable, type SystemRun } from '../../../bench/lib/report.js';
import { toResultsFile } from '../../../bench/lib/results-file.js';

function measured(overrides: Partial<Measurement>): Measurement {
  return {
    passages: 842,
    questions: 446,
    buildMs: 400,
    p50us: 100,
    p99us: 900,
    heapMB: 12.5,
    passagesHeapMB: 1.4,
    metrics: { questions: 446, mrr10: 0.9, r1: 0.85, r3: 0.95, r5: 0.97 },
    ranks: [],
    timingsMs: [],
    ...overrides,
  };
}

function run(name: string, ours: boolean, measurement: Measurement | string): SystemRun {
  return {
    system: { name, ours, config: `${name} setup`, build: () => ({ search: () => [] }) },
    job: { dataset: { kind: 'qa', name: 'tydiqa-goldp-ar' }, system: name, warmup: 20 },
    outcome: typeof measurement === 'string' ? { ok: false, error: measurement } : { ok: true, measurement },
  };
}

const dataset: DatasetRuns = {
  name: 'tydiqa-goldp-ar',
  split: 'test',
  runs: [
    // ours: first on the first 50 questions, second on the next 50, missed the rest;
    // 0.01 ms on the first 100 questions, 0.03 ms on the others (p50 over all: 0.03 ms)
    run(
      'ours',
      true,
      measured({
        p50us: 30,
        buildMs: 800,
        ranks: [...Array(50).fill(1), ...Array(50).fill(2), ...Array(346).fill(0)],
        timingsMs: [...Array(100).fill(0.01), ...Array(346).fill(0.03)],
      }),
    ),
    run('lunr-ar', false, measured({ p50us: 400, buildMs: 400, questions: 100 })),
    run('minisearch-ar', false, measured({ p50us: 300, buildMs: 200 })),
    run('orama-ar', false, 'Error: out of memory\n    at build'),
  ],
};

describe('formatDatasetTable', () => {
  const table = formatDatasetTable(dataset);
  const row = (name: string) => table.split('\n').find((line) => line.startsWith(name))!;

  it('gives each peer the ours/peer ratios of p50 and build time', () => {
    expect(row('minisearch-ar')).toMatch(/0\.10×\s+4\.0×$/);
  });

  it('marks a peer that asked fewer questions, says how many, and sets ours on the same questions beside it', () => {
    expect(table).toContain(
      'lunr-ar asked the first 100 of 446 questions (time bound): its scores are over those questions; on them ours has MRR@10 0.750 and p50 10 µs (the p50 ratio uses it).',
    );
    expect(row('lunr-ar *')).toMatch(/0\.025×\s+2\.0×$/);
  });

  it('keeps a failed system in the table and names the failure', () => {
    expect(row('orama-ar')).toContain('failed');
    expect(table).toContain('orama-ar failed: Error: out of memory');
  });

  it('titles the table with the dataset, split and sizes', () => {
    expect(table.split('\n')[0]).toBe('tydiqa-goldp-ar (test split): 842 passages, 446 questions');
  });
});

describe('toResultsFile', () => {
  const file = toResultsFile('AMD EPYC, 2 cores', new Date('2025-01-02T03:04:05Z'), [dataset], []);

  it('writes the agreed shape: machine, date, and per dataset its systems with their numbers', () => {
    expect(Object.keys(file)).toEqual(['machine', 'date', 'datasets', 'scaling']);
    expect(Object.keys(file.datasets[0]!)).toEqual(['name', 'split', 'passages', 'questions', 'systems']);
    expect(Object.keys(file.datasets[0]!.systems[0]!)).toEqual([
      'name',
      'ours',
      'config',
      'mrr10',
      'r1',
      'r3',
      'r5',
      'buildMs',
      'p50us',
      'p99us',
      'heapMB',
    ]);
    expect(file.date).toBe('2025-01-02T03:04:05.000Z');
  });

  it('leaves out a failed system and notes a bounded one in its config', () => {
    expect(file.datasets[0]!.systems.map((s) => s.name)).toEqual(['ours', 'lunr-ar', 'minisearch-ar']);
    expect(file.datasets[0]!.systems[1]!.config).toBe('lunr-ar setup [asked the first 100 of 446 questions (time bound)]');
  });
});
