/**
 * npm run bench — our engine beside its peers on public Arabic QA data:
 * one table per dataset (recall@1/3/5, MRR@10, build time, query p50/p99,
 * heap after build, ours/peer ratios), then the scaling rows. Each
 * (dataset, system) runs alone in a child process, one after another.
 * A full run writes bench/results/latest.json; see bench/README.md.
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerQuestion } from '../src/core/answer.js';
import { loadKnowledgeBase } from '../src/core/load.js';
import { loadOffCorpusQuestions, measureOffCorpus } from '../src/eval/off-corpus.js';
import { SHARED_MISSING, sharedDir } from '../src/eval/shared-data.js';
import { isFullRun, parseBenchArgs, USAGE } from './lib/args.js';
import { SCALE_BASE } from './lib/datasets.js';
import { amount, duration, share } from './lib/format.js';
import { describeMachine } from './lib/machine.js';
import { planJobs } from './lib/plan.js';
import { formatDatasetTable, formatScalingTable } from './lib/report.js';
import { toResultsFile, writeResultsFile } from './lib/results-file.js';
import { runPlan } from './lib/run-plan.js';

const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));

const startedAt = performance.now();
const parsed = parseBenchArgs(process.argv.slice(2));
if (!parsed.ok) {
  console.error(`${parsed.error}\n\n${USAGE}`);
  process.exit(2);
}
const { args } = parsed;
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!sharedDir(process.env.SHARED_DIR)) {
  console.log(SHARED_MISSING);
  process.exit(0);
}

const plan = planJobs(args);
const machine = describeMachine();
const date = new Date();
const loadAtStart = loadavg()[0]!;
console.log(`Machine: ${machine}`);
console.log(`${args.quick ? 'Quick run' : isFullRun(args) ? 'Full run' : 'Filtered run'}, ${plan.length} jobs, ${date.toISOString()}\n`);

const results = await runPlan(plan, (index, planned, outcome, ms) => {
  const what = `[${index + 1}/${plan.length}] ${planned.dataset} · ${planned.job.system}`;
  if (!outcome.ok) return console.error(`${what}: FAILED in ${duration(ms)}: ${outcome.error.split('\n')[0]}`);
  const m = outcome.measurement;
  console.error(
    `${what}: MRR@10 ${share(m.metrics.mrr10)}, build ${amount(m.buildMs)} ms, p50 ${amount(m.p50us)} µs, heap ${amount(m.heapMB)} MB (${duration(ms)})`,
  );
});

console.log('');
for (const dataset of results.datasets) console.log(`${formatDatasetTable(dataset)}\n`);
if (results.scaling.length > 0) {
  console.log(`${formatScalingTable(results.scaling, `${SCALE_BASE} passages + SaudiNewsNet articles, ${SCALE_BASE} test questions`)}\n`);
}
// The bot's answer layer on the bundled corpus: every test question of the public sets is off its subject.
const { kb } = await loadKnowledgeBase(fileURLToPath(new URL('../corpus/', import.meta.url)));
const offCorpus = measureOffCorpus(loadOffCorpusQuestions(sharedDir()!, 'test'), (q) => answerQuestion(kb, q));
console.log(
  `Off-corpus (test questions of ${offCorpus.bySet.map((r) => r.set).join(', ')} against the bundled corpus): ` +
    `answered ${offCorpus.answered} of ${offCorpus.questions} (${(100 * offCorpus.rate).toFixed(1)}%), each a false answer\n`,
);
console.log(`Machine: ${machine}`);
// Other processes on these cores slow every system alike: the ours/peer ratios hold, absolute times do not.
console.log(`Load average (1 min): ${loadAtStart.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at the end`);

const file = toResultsFile(machine, date, results.datasets, results.scaling);
if (isFullRun(args) && results.failures === 0) {
  writeResultsFile(join(RESULTS_DIR, 'latest.json'), file);
  console.log('Results: bench/results/latest.json');
} else {
  // Quick, filtered or failed runs never replace the reference results.
  writeResultsFile(join(RESULTS_DIR, 'partial.json'), file);
  console.log(
    `Results: bench/results/partial.json${results.failures > 0 ? ` (${results.failures} job(s) failed, so latest.json was left as it was)` : ''}`,
  );
}
console.log(`Wall time: ${duration(performance.now() - startedAt)}`);
if (results.failures > 0) process.exitCode = 1;
