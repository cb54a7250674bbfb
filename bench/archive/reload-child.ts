/**
 * One measurement in its own process (see bench/archive/run.ts): the bot
 * service starts from the snapshot in DATA_DIR, then one article changes and
 * the corpus is reloaded while questions arrive at 20/s. Then the reloaded
 * index is checked against a knowledge base built from the files now: the
 * same top 10 (ids and scores) on every TyDi test question. Prints one JSON
 * line. With --leave-changed the article stays changed (the caller restores
 * it, after starting once more from the snapshot and its delta).
 */
import { appendFileSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BotService } from '../../src/core/bot-service.js';
import { buildKnowledgeBase, type KnowledgeBase } from '../../src/core/knowledge-base.js';
import { type Logger, silentLogger } from '../../src/core/logger.js';
import { loadCorpus } from '../../src/corpus/index.js';
import { loadQaDataset } from '../../src/eval/shared-data.js';
import { openSqliteStore } from '../../src/store/index.js';
import { percentile } from '../lib/percentile.js';

const [corpusDir, dataDir, changedId, questionsFile, shared] = process.argv.slice(2) as [string, string, string, string, string?];
const leaveChanged = process.argv.includes('--leave-changed');
const questions = readFileSync(questionsFile, 'utf8').split('\n').filter(Boolean);
// the reload's log line says where its time went
let phases: unknown;
const logger: Logger = {
  ...silentLogger,
  info: (fields: unknown, message?: string) => {
    if (message === 'index built and serving') phases = (fields as { phases?: unknown }).phases;
  },
  child: () => logger,
};
const bot = new BotService({ corpusDir, snapshotDir: dataDir, store: openSqliteStore(':memory:'), logger });
const startReport = await bot.reload({ initial: true });
// a few questions first, untimed: the first ones after a start pay for compiling the search code (40 ms and more),
// which says nothing about the reload
const WARM_UP = 20;
for (const question of questions.slice(-WARM_UP)) bot.ask(question, 'console', { record: false });

const file = join(corpusDir, `${changedId}.txt`);
const original = readFileSync(file);
const { atime, mtime } = statSync(file);
const marker = 'فقرة مضافة للقياس عن اجتماع طارئ للتحالف في مدينة الرباط';
appendFileSync(file, `\n${marker}\n`);
try {
  // questions every 50 ms; a question's latency runs from when it was due, so time spent waiting behind the main thread counts
  const latencies: number[] = [];
  let asked = 0;
  let due = performance.now();
  let stop = false;
  const ask = () => {
    if (stop) return;
    bot.ask(questions[asked++ % questions.length], 'console', { record: false });
    latencies.push(performance.now() - due);
    due += 50;
    setTimeout(ask, Math.max(0, due - performance.now()));
  };
  ask();
  const reloadStarted = performance.now();
  const cpuBefore = process.cpuUsage();
  const report = await bot.reload();
  const reloadMs = performance.now() - reloadStarted;
  const cpu = process.cpuUsage(cpuBefore);
  stop = true;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  const found = bot.knowledgeBase.index.search(marker, 1).hits.map((h) => bot.knowledgeBase.passages[h.passage]!.article.id);
  // the reloaded index against a full build of the files as they are now
  let differing: number | undefined;
  let checked: number | undefined;
  if (shared) {
    const fresh = buildKnowledgeBase((await loadCorpus(corpusDir)).corpus);
    const top10 = (kb: KnowledgeBase, question: string) =>
      kb.index
        .search(question, 10)
        .hits.map((h) => `${kb.passages[h.passage]!.id}@${h.score}`)
        .join();
    const { questions: test } = loadQaDataset(shared, 'tydiqa-goldp-ar', 'test');
    checked = test.length;
    differing = test.filter((q) => top10(bot.knowledgeBase, q.question) !== top10(fresh, q.question)).length;
  }
  // the delta is saved once it serves: the next start (see run.ts) reads it
  await bot.saved;
  console.log(
    JSON.stringify({
      startMs: startReport.ms,
      reloadMs,
      reloadCpuS: (cpu.user + cpu.system) / 1e6,
      swapped: report.swapped,
      changes: report.changes,
      changedFound: found[0] === changedId,
      questions: latencies.length,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: Math.max(...latencies),
      rssMb,
      builtIn: bot.knowledgeBase.index.built.segmented ? 'delta' : 'full',
      phases,
      checked,
      differing,
    }),
  );
} finally {
  if (!leaveChanged) {
    writeFileSync(file, original);
    utimesSync(file, atime, mtime);
  }
}
