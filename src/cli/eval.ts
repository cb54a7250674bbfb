/**
 * npm run eval — retrieval quality, measured:
 *   1. the seed questions (../shared/eval) against the bundled corpus, scored
 *      by the rule in ../shared/eval/README.md;
 *   2. MRR@10 and recall@1/3/5 on the dev splits of the public QA sets (Arabic
 *      passages; XQuAD also asked in English);
 *   3. XQuAD through the bot's answer path (what `ask --json` returns): the
 *      gold paragraph among the passages cited, not-found rule included;
 *   4. the off-corpus false-answer rate: those sets' questions asked against
 *      the bundled corpus, which answers none of them.
 * Flags: --misses (list the seed questions not hit@3 and the off-corpus questions answered), --split test.
 */
import { join, resolve } from 'node:path';
import { answerQuestion } from '../core/answer.js';
import { loadKnowledgeBase } from '../core/load.js';
import { formatProblem } from '../corpus/index.js';
import { evaluateAnswerPath } from '../eval/answer-path-eval.js';
import { evaluateDataset } from '../eval/dataset-eval.js';
import { formatOffCorpus, loadOffCorpusQuestions, measureOffCorpus } from '../eval/off-corpus.js';
import { formatMisses, formatSeedReport, loadSeedQuestions, scoreSeedQuestions } from '../eval/seed-eval.js';
import { QA_DATASETS, SHARED_MISSING, sharedDir, type Split } from '../eval/shared-data.js';
import { fixed, formatTable } from '../util/table.js';

const args = process.argv.slice(2);
const split: Split = args.includes('--split') && args[args.indexOf('--split') + 1] === 'test' ? 'test' : 'dev';
const shared = sharedDir(process.env.SHARED_DIR);
if (!shared) {
  console.log(SHARED_MISSING);
  process.exit(0);
}

const corpusDir = resolve(process.env.CORPUS_DIR ?? 'corpus');
const { kb, problems } = await loadKnowledgeBase(corpusDir);
for (const problem of problems) console.error(formatProblem(problem));

const results = scoreSeedQuestions(loadSeedQuestions(join(shared, 'eval', 'seed-questions-dev.jsonl')), (q) => answerQuestion(kb, q));
console.log(`Seed questions (${results.length}) against ${corpusDir}: ${kb.articles.length} articles, ${kb.passages.length} passages\n`);
console.log(formatSeedReport(results));
if (args.includes('--misses')) console.log(`\nNot hit@3:\n${formatMisses(results)}`);

const offCorpus = measureOffCorpus(loadOffCorpusQuestions(shared, split), (q) => answerQuestion(kb, q));
console.log(`\nOff-corpus questions (${split} splits) against ${corpusDir}: answered, each a false answer:\n`);
console.log(formatOffCorpus(offCorpus));
if (args.includes('--misses')) for (const f of offCorpus.falseAnswers) console.log(`  ${f.set}: ${f.question}\n    cited: ${f.cited}`);

const rows = QA_DATASETS.map((name) => {
  const r = evaluateDataset(shared, name, split);
  return [name, r.passages, r.questions, fixed(r.mrr10), fixed(r.r1), fixed(r.r3), fixed(r.r5), r.buildMs.toFixed(0), r.meanQueryUs.toFixed(0)];
});
console.log(`\nPublic datasets, ${split} split:\n`);
console.log(formatTable(['dataset', 'passages', 'questions', 'MRR@10', 'R@1', 'R@3', 'R@5', 'build ms', 'query µs'], rows));

const answerRows = [];
for (const name of ['xquad-ar', 'xquad-en']) {
  const r = await evaluateAnswerPath(shared, name, split);
  answerRows.push([name, r.questions, fixed(r.answered), fixed(r.top3)]);
}
console.log(`\nThrough the answer path (ask --json), ${split} split: XQuAD's paragraphs as the corpus, one article each\n`);
console.log(formatTable(['dataset', 'questions', 'answered', 'gold cited (top 3)'], answerRows));
