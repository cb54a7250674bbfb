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
 * Flags: --misses (list the seed questions not hit@3 and the off-corpus questions answered, count what refused
 * XQuAD's unanswered questions), --split test|both
 * (both: the dev and test figures side by side in tables 2–4).
 */
import { join, resolve } from 'node:path';
import { answerQuestion } from '../core/answer.js';
import { loadKnowledgeBase } from '../core/load.js';
import { formatProblem } from '../corpus/index.js';
import { evaluateAnswerPath, REFUSAL_REASONS } from '../eval/answer-path-eval.js';
import { evaluateDataset } from '../eval/dataset-eval.js';
import { formatOffCorpus, loadOffCorpusQuestions, measureOffCorpus } from '../eval/off-corpus.js';
import { formatMisses, formatSeedReport, loadSeedQuestions, scoreSeedQuestions } from '../eval/seed-eval.js';
import { QA_DATASETS, SHARED_MISSING, type Split, sharedDir } from '../eval/shared-data.js';
import { fixed, formatTable } from '../util/table.js';

const args = process.argv.slice(2);
const splitArg = args.includes('--split') ? args[args.indexOf('--split') + 1] : 'dev';
const splits: Split[] = splitArg === 'both' ? ['dev', 'test'] : splitArg === 'test' ? ['test'] : ['dev'];
const splitLabel = splits.join(' and ');
/** Column names, one per split when several are shown ("MRR@10 dev", "MRR@10 test"). */
const perSplit = (names: readonly string[]) => names.flatMap((name) => (splits.length > 1 ? splits.map((s) => `${name} ${s}`) : [name]));
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

const offCorpus = splits.map((split) => ({
  split,
  result: measureOffCorpus(loadOffCorpusQuestions(shared, split), (q) => answerQuestion(kb, q)),
}));
console.log(`\nOff-corpus questions (${splitLabel} splits) against ${corpusDir}: answered, each a false answer:\n`);
console.log(formatOffCorpus(splits.length > 1 ? offCorpus : offCorpus[0]!.result));
if (args.includes('--misses')) {
  for (const { split, result } of offCorpus)
    for (const f of result.falseAnswers) console.log(`  ${split} ${f.set}: ${f.question}\n    cited: ${f.cited}`);
}

const rows = QA_DATASETS.map((name) => {
  const rs = splits.map((split) => evaluateDataset(shared, name, split));
  const each = (value: (r: (typeof rs)[number]) => string | number) => rs.map(value);
  return [
    name,
    rs[0]!.passages,
    ...each((r) => r.questions),
    ...each((r) => fixed(r.mrr10)),
    ...each((r) => fixed(r.r1)),
    ...each((r) => fixed(r.r3)),
    ...each((r) => fixed(r.r5)),
    rs[0]!.buildMs.toFixed(0),
    rs[0]!.meanQueryUs.toFixed(0),
  ];
});
console.log(`\nPublic datasets, ${splitLabel} split${splits.length > 1 ? 's' : ''}:\n`);
console.log(formatTable(['dataset', 'passages', ...perSplit(['questions', 'MRR@10', 'R@1', 'R@3', 'R@5']), 'build ms', 'query µs'], rows));

const answerRows = [];
const refusalRows = [];
for (const name of ['xquad-ar', 'xquad-en']) {
  const rs = [];
  for (const split of splits) rs.push(await evaluateAnswerPath(shared, name, split));
  answerRows.push([
    name,
    ...rs.map((r) => r.questions),
    ...rs.map((r) => fixed(r.answered)),
    ...rs.map((r) => fixed(r.top3)),
    ...rs.map((r) => fixed(r.engineTop3)),
    ...rs.map((r) => r.reordered),
  ]);
  for (const r of rs) refusalRows.push([`${name} ${r.split}`, ...REFUSAL_REASONS.map((reason) => r.refusals[reason])]);
}
console.log(
  `\nThrough the answer path (ask --json), ${splitLabel} split${splits.length > 1 ? 's' : ''}: XQuAD's paragraphs as the corpus, one article each\n`,
);
console.log(
  formatTable(['dataset', ...perSplit(['questions', 'answered', 'gold cited (top 3)', 'engine top 3', 'reordered out'])], answerRows),
);
console.log(
  "\n(engine top 3: the gold among PassageIndex.search's first 3; reordered out: questions answered whose gold the engine ranks in its top 3 and the answer does not cite in its 3)",
);
if (args.includes('--misses')) {
  console.log('\nQuestions not answered, by what refused them (read at the gold paragraph):\n');
  console.log(formatTable(['dataset', ...REFUSAL_REASONS], refusalRows));
}
