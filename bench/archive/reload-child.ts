/**
 * One measurement in its own process (see bench/archive/run.ts): the bot
 * service starts from the snapshot in DATA_DIR, then one article changes and
 * the corpus is reloaded while questions arrive at 20/s. Prints one JSON line.
 */
import { appendFileSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BotService } from '../../src/core/bot-service.js';
import { silentLogger } from '../../src/core/logger.js';
import { openSqliteStore } from '../../src/store/index.js';
import { percentile } from '../lib/percentile.js';

const [corpusDir, dataDir, changedId, questionsFile] = process.argv.slice(2) as [string, string, string, string];
const questions = readFileSync(questionsFile, 'utf8').split('\n').filter(Boolean);
const bot = new BotService({ corpusDir, snapshotDir: dataDir, store: openSqliteStore(':memory:'), logger: silentLogger });
const startReport = await bot.reload({ initial: true });

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
  const found = bot.knowledgeBase.index.search(marker, 1).hits.map((h) => bot.knowledgeBase.passages[h.passage]!.article.id);
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
      rssMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
} finally {
  writeFileSync(file, original);
  utimesSync(file, atime, mtime);
}
