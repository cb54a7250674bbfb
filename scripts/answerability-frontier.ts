/**
 * npm run eval:answerability — could a model fitted on the dev splits decide
 * "answer or stay silent" better than the hand-set floors of
 * src/core/evidence.ts? (src/eval/answerability.ts)
 *
 * For each question language (Arabic; English over the Arabic paragraphs), a
 * logistic regression is fitted on the DEV splits only. Positives: the gold
 * passage of each dev question of ARCD, TyDi QA GoldP, MLQA and XQuAD asked
 * against its own dataset's paragraphs, when ranked among the passages that
 * may lead. Negatives: every passage that may lead for the same questions
 * asked against the bundled corpus (none is about the coalition) and against
 * another set's paragraphs (so that the corpus itself tells nothing). Its
 * threshold is set on dev to the hand rule's off-corpus rate, then to a
 * quarter of a percent; test is read once, with those thresholds.
 */
import { join } from 'node:path';
import type { KnowledgeBase } from '../src/core/knowledge-base.js';
import { loadKnowledgeBase } from '../src/core/load.js';
import { loadDatasetKnowledgeBase } from '../src/eval/answer-path-eval.js';
import { decide, fitLogistic, type LeadCandidate, type LogisticModel, leadCandidates, probability } from '../src/eval/answerability.js';
import {
  datasetFiles,
  loadQaPassages,
  loadQaQuestions,
  QA_DATASETS,
  SHARED_MISSING,
  type Split,
  sharedDir,
} from '../src/eval/shared-data.js';
import { projectRoot } from '../src/project-root.js';
import { fixed, formatTable } from '../src/util/table.js';

const OTHER_CORPUS: Record<string, string> = {
  arcd: 'tydiqa-goldp-ar',
  'tydiqa-goldp-ar': 'mlqa-ar-dev',
  'mlqa-ar-dev': 'xquad-ar',
  'xquad-ar': 'arcd',
  'xquad-en': 'arcd',
};
const LOW_OFF_CORPUS = 0.0025;

const shared = sharedDir(process.env.SHARED_DIR);
if (!shared) {
  console.log(SHARED_MISSING);
  process.exit(0);
}
const bundled = (await loadKnowledgeBase(join(projectRoot(), 'corpus'))).kb;
const corpora = new Map<string, KnowledgeBase>();
for (const name of QA_DATASETS) {
  const dir = datasetFiles(name).dir;
  if (!corpora.has(dir)) corpora.set(dir, await loadDatasetKnowledgeBase(loadQaPassages(shared, name), dir));
}
const corpusOf = (name: string) => corpora.get(datasetFiles(name).dir)!;

interface Asked {
  set: string;
  where: 'own' | 'bundled' | 'other';
  candidates: LeadCandidate[] | undefined;
}
function ask(split: Split): Asked[] {
  return QA_DATASETS.flatMap((set) =>
    loadQaQuestions(shared!, set, split).flatMap((q) => {
      const gold = new Set([q.passage_id, ...(q.alt_passage_ids ?? [])]);
      return [
        { set, where: 'own' as const, candidates: leadCandidates(corpusOf(set), q.question, (id) => gold.has(id)) },
        { set, where: 'bundled' as const, candidates: leadCandidates(bundled, q.question, () => false) },
        { set, where: 'other' as const, candidates: leadCandidates(corpusOf(OTHER_CORPUS[set]!), q.question, () => false) },
      ];
    }),
  );
}
const asked = { dev: ask('dev'), test: ask('test') };

function measure(questions: readonly Asked[], leads: (c: LeadCandidate) => boolean) {
  const off = questions.filter((q) => q.where === 'bundled');
  const offAnswered = off.filter((q) => decide(q.candidates, leads).answered).length;
  const sets = [...new Set(questions.map((q) => q.set))];
  const cited = sets.map((set) => {
    const own = questions.filter((q) => q.where === 'own' && q.set === set);
    return own.filter((q) => decide(q.candidates, leads).cited).length / Math.max(1, own.length);
  });
  return { offRate: offAnswered / Math.max(1, off.length), offAnswered, offQuestions: off.length, sets, cited };
}

const rows: (string | number)[][] = [];
for (const [language, inLanguage] of [
  ['Arabic', (set: string) => set !== 'xquad-en'],
  ['English', (set: string) => set === 'xquad-en'],
] as const) {
  const dev = asked.dev.filter((q) => inLanguage(q.set));
  const test = asked.test.filter((q) => inLanguage(q.set));
  const samples = dev.flatMap((q) =>
    (q.candidates ?? []).filter((c) => q.where !== 'own' || c.gold).map((c) => ({ x: c.features, y: (c.gold ? 1 : 0) as 0 | 1 })),
  );
  const model: LogisticModel = fitLogistic(samples);
  const byModel = (t: number) => (c: LeadCandidate) => probability(model, c.features) >= t;
  /** the lowest threshold whose dev off-corpus rate is at most `rate` */
  const thresholdFor = (rate: number) => {
    let [lo, hi] = [0, 1];
    for (let k = 0; k < 16; k++) {
      const mid = (lo + hi) / 2;
      if (measure(dev, byModel(mid)).offRate <= rate) hi = mid;
      else lo = mid;
    }
    return hi;
  };
  const hand = (c: LeadCandidate) => c.handRule;
  const row = (decider: string, leads: (c: LeadCandidate) => boolean) => {
    const [d, t] = [measure(dev, leads), measure(test, leads)];
    rows.push([
      language,
      decider,
      `${d.offAnswered}/${d.offQuestions}`,
      `${t.offAnswered}/${t.offQuestions}`,
      d.sets.map((s, i) => `${s} ${fixed(d.cited[i]!)}`).join(', '),
      t.sets.map((s, i) => `${s} ${fixed(t.cited[i]!)}`).join(', '),
    ]);
  };
  row('hand rules', hand);
  const handRate = measure(dev, hand).offRate;
  for (const rate of [handRate, LOW_OFF_CORPUS]) {
    const t = thresholdFor(rate);
    row(`model, p >= ${fixed(t)}`, byModel(t));
  }
}
console.log('Answer or stay silent: the hand rules and a fitted model, at equal off-corpus rates on dev\n');
console.log(
  formatTable(['questions', 'decider', 'off-corpus dev', 'off-corpus test', 'gold cited (top 3) dev', 'gold cited (top 3) test'], rows),
);
