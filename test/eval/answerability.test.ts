import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/core/knowledge-base.js';
import { loadKnowledgeBase } from '../../src/core/load.js';
import {
  ANSWERABILITY_FEATURES,
  answerabilityFeatures,
  decide,
  fitLogistic,
  type LeadCandidate,
  leadCandidates,
  probability,
  type QuestionReading,
  solve,
} from '../../src/eval/answerability.js';
import type { ConceptSummary, ScoredPassage } from '../../src/search/index.js';
import { BUNDLED_CORPUS } from '../support/bot.js';

const concept = (words: string[], mass: number, known = true): ConceptSummary => ({
  words,
  idf: mass,
  known,
  constraint: false,
  absent: !known,
  mass,
});
const hit = (score: number, coverage: number, matchedWords: number, matchedConcepts: number[]): ScoredPassage => ({
  passage: 0,
  score,
  coverage,
  matchedWords,
  matchedConcepts,
  matchedTerms: [],
  answerTypes: 0,
});
const feature = (values: number[], name: (typeof ANSWERABILITY_FEATURES)[number]) => values[ANSWERABILITY_FEATURES.indexOf(name)];

describe('answerabilityFeatures', () => {
  // three concepts of weights 3, 2 and 1 (the last one no article uses)
  const concepts = [concept(['اجتماع'], 3), concept(['التحالف'], 2), concept(['المريخ'], 1, false)];
  const reading = (over: Partial<QuestionReading> = {}): QuestionReading => ({
    concepts,
    leftOut: new Set(),
    acrossLanguages: false,
    hits: [hit(10, 5 / 6, 2, [0, 1]), hit(4, 0.5, 1, [0])],
    ...over,
  });

  it.each([
    ['coverage', reading(), 0, 5 / 6],
    ['coverageAcross, same language', reading(), 0, 0],
    ['coverageAcross, other language', reading({ acrossLanguages: true }), 0, 5 / 6],
    ['acrossLanguages', reading({ acrossLanguages: true }), 0, 1],
    ['missedWords', reading(), 0, 1 / 3],
    ['missedConcepts', reading(), 1, 2 / 3],
    ['heaviestMissed', reading(), 1, 2 / 6],
    ['unknownShare', reading(), 0, 1 / 6],
    ['fewConcepts', reading(), 0, 1 / 3],
    ['scoreShare', reading(), 1, 0.4],
    ['runnerUp', reading(), 0, 0.4],
  ] as const)('%s', (label, r, hitIndex, expected) => {
    const name = label.split(',')[0] as (typeof ANSWERABILITY_FEATURES)[number];
    expect(feature(answerabilityFeatures(r, r.hits[hitIndex]!), name)).toBeCloseTo(expected, 6);
  });

  it('leaves out a concept the evidence rule leaves out (a year no passage can confirm)', () => {
    // without the unknown third concept, the passage matches all the weight and all the words
    const values = answerabilityFeatures(reading({ leftOut: new Set([2]) }), reading().hits[0]!);
    expect(feature(values, 'coverage')).toBeCloseTo(1, 6);
    expect(feature(values, 'missedWords')).toBe(0);
    expect(feature(values, 'unknownShare')).toBe(0);
    expect(feature(values, 'fewConcepts')).toBe(0.5);
  });

  it('gives one value per feature', () => {
    expect(answerabilityFeatures(reading(), reading().hits[0]!)).toHaveLength(ANSWERABILITY_FEATURES.length);
  });
});

describe('decide', () => {
  const c = (handRule: boolean, gold: boolean): LeadCandidate => ({ features: [], handRule, gold });
  it.each([
    ['refused by the hard rules', undefined, { answered: false, cited: false }],
    ['no candidate may lead', [c(false, true)], { answered: false, cited: false }],
    ['the gold leads', [c(false, false), c(true, true)], { answered: true, cited: true }],
    ['the gold ranks in the top 3 behind the lead', [c(true, false), c(false, false), c(false, true)], { answered: true, cited: true }],
    ['the gold ranks fourth', [c(true, false), c(false, false), c(false, false), c(false, true)], { answered: true, cited: false }],
  ])('%s', (_, candidates, expected) => {
    expect(decide(candidates, (x) => x.handRule)).toEqual(expected);
  });
});

describe('solve', () => {
  it.each([
    [
      [
        [2, 0],
        [0, 4],
      ],
      [2, 8],
      [1, 2],
    ],
    [
      [
        [0, 1],
        [1, 0],
      ],
      [3, 5],
      [5, 3],
    ],
    [
      [
        [4, 1, 0],
        [1, 3, 1],
        [0, 1, 2],
      ],
      [6, 10, 8],
      [1, 2, 3],
    ],
  ])('solves %j x = %j', (a, b, x) => {
    solve(a, b).forEach((v, i) => {
      expect(v).toBeCloseTo(x[i]!, 9);
    });
  });
});

describe('fitLogistic', () => {
  // y is 1 when x0 is large, whatever x1 (noise)
  const samples = Array.from({ length: 200 }, (_, k) => {
    const x0 = (k % 20) / 20;
    const x1 = ((k * 7) % 13) / 13;
    return { x: [x0, x1], y: (x0 + (k % 3 === 0 ? 0.1 : -0.1) > 0.5 ? 1 : 0) as 0 | 1 };
  });

  it('weighs the informative feature and orders the samples by it', () => {
    const model = fitLogistic(samples);
    expect(model.weights[0]!).toBeGreaterThan(1);
    expect(Math.abs(model.weights[1]!)).toBeLessThan(model.weights[0]! / 5);
    expect(probability(model, [0.9, 0.5])).toBeGreaterThan(0.9);
    expect(probability(model, [0.1, 0.5])).toBeLessThan(0.1);
  });

  it('is deterministic and shrinks with a stronger penalty', () => {
    expect(fitLogistic(samples)).toEqual(fitLogistic(samples));
    expect(fitLogistic(samples, 100).weights[0]!).toBeLessThan(fitLogistic(samples, 1).weights[0]!);
  });
});

describe('leadCandidates', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = (await loadKnowledgeBase(BUNDLED_CORPUS)).kb;
  });

  it('reads the passages that may lead, with the hand rule and the gold marked', () => {
    const gold = '001_a80aa5ff78102834';
    const candidates = leadCandidates(kb, 'متى عقد اجتماع التحالف الدولي في الكويت؟', (id) => id === gold)!;
    expect(candidates.length).toBeGreaterThan(0);
    expect(candidates.length).toBeLessThanOrEqual(5);
    expect(candidates.some((c) => c.handRule)).toBe(true);
    for (const c of candidates) expect(c.features).toHaveLength(ANSWERABILITY_FEATURES.length);
  });

  it('gives none for a question the hard rules refuse (a place no article mentions)', () => {
    expect(leadCandidates(kb, 'متى عقد الاجتماع في باريس؟', () => false)).toBeUndefined();
  });
});
