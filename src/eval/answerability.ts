import { CANDIDATES, DEFAULT_ANSWER_OPTIONS, LEAD_CANDIDATES } from '../core/answer.js';
import { evidenceNeeded } from '../core/evidence.js';
import type { KnowledgeBase } from '../core/knowledge-base.js';
import { questionLanguage } from '../core/question.js';
import type { ConceptSummary, ScoredPassage } from '../search/index.js';

/**
 * An experiment, not the answer path: could a model fitted on the dev splits
 * decide "answer or stay silent" better than the hand-set floors of
 * src/core/evidence.ts? Each passage that may lead an answer is read as the
 * shares below (corpus-size free, so that 70 passages and 30,000 read alike),
 * a logistic regression is fitted on them, and both deciders are compared at
 * equal off-corpus rates (`npm run eval:answerability`).
 */
export const ANSWERABILITY_FEATURES = [
  /** share of the question's weight (idf) the passage matches, a translated word counting by how sure its translation is */
  'coverage',
  /** the same when the question is in the other language, else 0 */
  'coverageAcross',
  /** 1 when the question is not in the corpus's language */
  'acrossLanguages',
  /** share of the question's words the passage does not match */
  'missedWords',
  /** share of the question's concepts the passage does not match */
  'missedConcepts',
  /** the heaviest concept the passage misses, as a share of the question's weight */
  'heaviestMissed',
  /** share of the question's weight in words no article uses */
  'unknownShare',
  /** 1 / the number of concepts: one or two concepts are easily matched by chance */
  'fewConcepts',
  /** the passage's score as a share of the best passage's */
  'scoreShare',
  /** the second passage's score as a share of the best one's */
  'runnerUp',
] as const;

/** How one question met one corpus: its concepts and ranked passages. */
export interface QuestionReading {
  concepts: readonly ConceptSummary[];
  /** concepts the evidence rule leaves out of the weighing (a year no passage can confirm), by index */
  leftOut: ReadonlySet<number>;
  acrossLanguages: boolean;
  /** the ranked passages, best first */
  hits: readonly ScoredPassage[];
}

/** The features of one passage for a question, in the order of ANSWERABILITY_FEATURES. */
export function answerabilityFeatures(reading: QuestionReading, hit: ScoredPassage): number[] {
  const { concepts, leftOut, acrossLanguages, hits } = reading;
  const weighed = concepts.map((_, i) => i).filter((i) => !leftOut.has(i));
  const mass = (indices: readonly number[]) => indices.reduce((sum, i) => sum + concepts[i]!.mass, 0);
  const total = mass(concepts.map((_, i) => i));
  const weighedMass = mass(weighed);
  const share = (m: number) => (weighedMass > 0 ? m / weighedMass : 0);
  const matched = new Set(hit.matchedConcepts);
  const missed = weighed.filter((i) => !matched.has(i));
  const words = weighed.reduce((sum, i) => sum + concepts[i]!.words.length, 0);
  const coverage = Math.min(1, share(hit.coverage * total));
  const top = hits[0]?.score ?? 0;
  return [
    coverage,
    acrossLanguages ? coverage : 0,
    acrossLanguages ? 1 : 0,
    words > 0 ? Math.max(0, 1 - hit.matchedWords / words) : 1,
    weighed.length > 0 ? missed.length / weighed.length : 1,
    share(Math.max(0, ...missed.map((i) => concepts[i]!.mass))),
    share(mass(weighed.filter((i) => !concepts[i]!.known))),
    1 / Math.max(1, weighed.length),
    top > 0 ? hit.score / top : 0,
    top > 0 && hits[1] ? hits[1].score / top : 0,
  ];
}

/** A passage that may lead the answer to a question, as both deciders see it. */
export interface LeadCandidate {
  features: number[];
  /** whether the hand-set evidence rule (src/core/evidence.ts) lets it lead */
  handRule: boolean;
  /** whether it is the question's gold passage (never, for a question asked of another corpus) */
  gold: boolean;
}

/**
 * The passages that may lead the answer to a question (the first
 * LEAD_CANDIDATES ranked, within the years it allows), best first; undefined
 * when the hard rules refuse the question whatever the passage (a place,
 * number, year or asked-for attribute the corpus lacks): neither decider sees it.
 */
export function leadCandidates(kb: KnowledgeBase, question: string, isGold: (articleId: string) => boolean): LeadCandidate[] | undefined {
  const { hits, concepts } = kb.index.search(question, CANDIDATES);
  const acrossLanguages = questionLanguage(question) !== kb.mainLanguage;
  const needed = evidenceNeeded(kb, question, concepts, acrossLanguages, DEFAULT_ANSWER_OPTIONS);
  if (!needed) return undefined;
  const reading: QuestionReading = { concepts, leftOut: needed.leftOut, acrossLanguages, hits };
  return hits.slice(0, LEAD_CANDIDATES).flatMap((hit) => {
    const articleId = kb.passages[hit.passage]!.article.id;
    if (!needed.mayBeAbout(articleId)) return [];
    return [{ features: answerabilityFeatures(reading, hit), handRule: needed.answers(hit, articleId), gold: isGold(articleId) }];
  });
}

/**
 * What a decider makes of a question: answered when one of its candidates
 * may lead (the first that may is cited first); the gold cited when it leads
 * or ranks in the top 3 (the passages cited after the lead are the ranking's).
 */
export function decide(
  candidates: readonly LeadCandidate[] | undefined,
  leads: (c: LeadCandidate) => boolean,
): { answered: boolean; cited: boolean } {
  const lead = candidates?.find(leads);
  if (!candidates || !lead) return { answered: false, cited: false };
  return { answered: true, cited: lead.gold || candidates.slice(0, 3).some((c) => c.gold) };
}

/** Solves a x = b by Gaussian elimination with partial pivoting. */
export function solve(a: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let r = col + 1; r < n; r++) {
      const f = m[r]![col]! / m[col]![col]!;
      for (let c = col; c <= n; c++) m[r]![c]! -= f * m[col]![c]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let sum = m[r]![n]!;
    for (let c = r + 1; c < n; c++) sum -= m[r]![c]! * x[c]!;
    x[r] = sum / m[r]![r]!;
  }
  return x;
}

/** A logistic model over standardized features. */
export interface LogisticModel {
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

export function probability(model: LogisticModel, x: readonly number[]): number {
  let z = model.bias;
  for (let j = 0; j < x.length; j++) z += (model.weights[j]! * (x[j]! - model.mean[j]!)) / model.scale[j]!;
  return 1 / (1 + Math.exp(-z));
}

/**
 * Logistic regression by Newton's method (iteratively reweighted least
 * squares) on standardized features, each class weighed by the inverse of its
 * size, an L2 penalty on the weights: deterministic, a dozen steps.
 */
export function fitLogistic(samples: readonly { x: readonly number[]; y: 0 | 1 }[], l2 = 1, iterations = 50): LogisticModel {
  const n = samples.length;
  const d = samples[0]?.x.length ?? 0;
  const mean = Array.from({ length: d }, (_, j) => samples.reduce((s, e) => s + e.x[j]!, 0) / Math.max(1, n));
  const scale = mean.map((m, j) => Math.sqrt(samples.reduce((s, e) => s + (e.x[j]! - m) ** 2, 0) / Math.max(1, n)) || 1);
  const rows = samples.map((e) => [1, ...e.x.map((v, j) => (v - mean[j]!) / scale[j]!)]);
  const positives = samples.filter((e) => e.y === 1).length;
  const weightOf = (y: 0 | 1) => n / (2 * Math.max(1, y === 1 ? positives : n - positives));
  const beta = new Array<number>(d + 1).fill(0);
  for (let it = 0; it < iterations; it++) {
    const gradient = beta.map((b, j) => (j === 0 ? 0 : l2 * b));
    const hessian = beta.map((_, i) => beta.map((_, j) => (i === j && i > 0 ? l2 : 0)));
    samples.forEach((e, k) => {
      const row = rows[k]!;
      const p = 1 / (1 + Math.exp(-row.reduce((s, v, j) => s + v * beta[j]!, 0)));
      const w = weightOf(e.y);
      for (let i = 0; i <= d; i++) {
        gradient[i]! += w * (p - e.y) * row[i]!;
        for (let j = 0; j <= i; j++) hessian[i]![j]! += w * p * (1 - p) * row[i]! * row[j]!;
      }
    });
    for (let i = 0; i <= d; i++) for (let j = 0; j < i; j++) hessian[j]![i] = hessian[i]![j]!;
    const step = solve(hessian, gradient);
    for (let j = 0; j <= d; j++) beta[j]! -= step[j]!;
    if (Math.max(...step.map(Math.abs)) < 1e-9) break;
  }
  return { mean, scale, weights: beta.slice(1), bias: beta[0]! };
}
