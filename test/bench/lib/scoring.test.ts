import { describe, expect, it } from 'vitest';
import { goldPassageIds, latencySummary, rankOfGold, retrievalScores } from '../../../bench/lib/scoring.js';

// Ids as in ../shared/data/arcd/passages.jsonl: a contained passage and the longer one that contains it.
const passageIds = ['arcd-a810b61811ff', 'arcd-cc29fdf81965', 'arcd-0f3c1e2d4b5a', 'arcd-7d6e5f4a3b2c'];

describe('goldPassageIds', () => {
  it('accepts the gold passage and every passage listed as containing it', () => {
    const gold = goldPassageIds({ passage_id: 'arcd-a810b61811ff', alt_passage_ids: ['arcd-cc29fdf81965'] });
    expect([...gold].sort()).toEqual(['arcd-a810b61811ff', 'arcd-cc29fdf81965']);
  });

  it('accepts only the gold passage when none contains it', () => {
    expect([...goldPassageIds({ passage_id: 'tydi-1234567890ab' })]).toEqual(['tydi-1234567890ab']);
  });
});

describe('rankOfGold', () => {
  it('gives the 1-based position of the first gold passage among the hits', () => {
    expect(rankOfGold([2, 3, 0], passageIds, new Set(['arcd-a810b61811ff']))).toBe(3);
  });

  it('counts a passage containing the gold one as a hit at its own position', () => {
    expect(
      rankOfGold([3, 1, 0], passageIds, goldPassageIds({ passage_id: 'arcd-a810b61811ff', alt_passage_ids: ['arcd-cc29fdf81965'] })),
    ).toBe(2);
  });

  it('is 0 when the gold passage is not returned at all', () => {
    expect(rankOfGold([2, 3], passageIds, new Set(['arcd-a810b61811ff']))).toBe(0);
  });

  it('ignores hits past k, so a system returning more results gains nothing', () => {
    const hits = [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0];
    expect(rankOfGold(hits, passageIds, new Set(['arcd-a810b61811ff']))).toBe(0);
    expect(rankOfGold(hits, passageIds, new Set(['arcd-a810b61811ff']), 11)).toBe(11);
  });
});

describe('retrievalScores', () => {
  it('averages reciprocal ranks within 10 and counts recall at 1, 3 and 5', () => {
    // ranks: first, second, fifth, eleventh (beyond MRR@10), not found
    const scores = retrievalScores([1, 2, 5, 11, 0]);
    expect(scores.mrr10).toBeCloseTo((1 + 1 / 2 + 1 / 5) / 5, 10);
    expect(scores.r1).toBeCloseTo(1 / 5, 10);
    expect(scores.r3).toBeCloseTo(2 / 5, 10);
    expect(scores.r5).toBeCloseTo(3 / 5, 10);
    expect(scores.questions).toBe(5);
  });
});

describe('latencySummary', () => {
  it('reports p50 and p99 in microseconds from timings in milliseconds', () => {
    const timingsMs = Array.from({ length: 100 }, (_, i) => (i + 1) / 100); // 0.01 … 1.00 ms
    const { p50us, p99us } = latencySummary(timingsMs);
    expect(p50us).toBeCloseTo(500, 6);
    expect(p99us).toBeCloseTo(990, 6);
  });
});
