import { describe, expect, it } from 'vitest';
import { planJobs } from '../../../bench/lib/plan.js';

const base = { quick: false, help: false };

describe('planJobs', () => {
  it('runs every system on every headline dataset, ours first, then the scaling rows of ours and the speed reference', () => {
    const plan = planJobs(base);
    const headline = plan.filter((p) => p.table === 'headline');
    expect(new Set(headline.map((p) => p.dataset))).toEqual(
      new Set(['arcd', 'tydiqa-goldp-ar', 'mlqa-ar-dev', 'xquad-ar', 'xquad-en', 'tydiqa-goldp-ar+saudinewsnet']),
    );
    expect(headline.filter((p) => p.dataset === 'arcd').map((p) => p.job.system)).toEqual([
      'ours',
      'flexsearch-default',
      'flexsearch-ar',
      'minisearch-ar',
      'lunr-ar',
      'orama-ar',
    ]);
    expect(plan.filter((p) => p.table === 'scaling').map((p) => `${p.dataset} ${p.job.system}`)).toEqual([
      'tydiqa-goldp-ar+saudinewsnet@1000 ours',
      'tydiqa-goldp-ar+saudinewsnet@1000 flexsearch-ar',
      'tydiqa-goldp-ar+saudinewsnet@10000 ours',
      'tydiqa-goldp-ar+saudinewsnet@10000 flexsearch-ar',
    ]);
  });

  it('asks every question in a full run, except where a peer is bounded at scale', () => {
    const limited = planJobs(base).filter((p) => p.job.questionLimit !== undefined);
    expect(limited.every((p) => p.dataset === 'tydiqa-goldp-ar+saudinewsnet')).toBe(true);
  });

  it('leaves out the 10k and 31k-passage corpora and asks fewer questions in a quick run', () => {
    const plan = planJobs({ ...base, quick: true });
    expect(plan.some((p) => p.dataset === 'tydiqa-goldp-ar+saudinewsnet' || p.dataset.endsWith('@10000'))).toBe(false);
    expect(plan.some((p) => p.dataset.endsWith('@1000'))).toBe(true);
    expect(plan.every((p) => p.job.questionLimit !== undefined && p.job.questionLimit <= 200)).toBe(true);
  });

  it('honours --only and --dataset', () => {
    const plan = planJobs({ ...base, only: ['lunr-ar'], datasets: ['mlqa-ar-dev'] });
    expect(plan.map((p) => `${p.dataset} ${p.job.system}`)).toEqual(['mlqa-ar-dev lunr-ar']);
  });
});
