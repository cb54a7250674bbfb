/**
 * npm run bench:archive [-- --quick | --sizes 1000,10000]
 *
 * The whole bot from files at archive scale: TyDi QA's 842 passages plus the
 * first N SaudiNewsNet articles written as corpus files (<id>.txt + <id>.json)
 * under $TMPDIR (never into the project: CC BY-NC-SA, benchmarks only). Per
 * size, each in its own process: cold start (no snapshot), start with the
 * snapshot, peak RSS, reload after one article changed with questions at 20/s,
 * and the snapshot checked against a fresh build on every TyDi test question.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadQaDataset, SHARED_MISSING, sharedDir } from '../../src/eval/shared-data.js';
import { projectRoot } from '../../src/project-root.js';
import { writeCorpusFiles } from './corpus-files.js';
import { spawnAsk } from './spawn-ask.js';

const args = process.argv.slice(2);
const sizesArg = args.includes('--sizes') ? args[args.indexOf('--sizes') + 1]! : undefined;
const sizes = sizesArg ? sizesArg.split(',').map(Number) : args.includes('--quick') ? [1000] : [1000, 10000, 30100];
/** --baseline DIR: a checkout of the code before (its `ask` is run the same way, for the "before" columns) */
const baseline = args.includes('--baseline') ? args[args.indexOf('--baseline') + 1]! : undefined;

const shared = sharedDir();
if (!shared) {
  console.log(SHARED_MISSING);
  process.exit(0);
}

function runChild(script: string, childArgs: string[]): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...childArgs], {
      cwd: projectRoot(),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!)) : reject(new Error(`${script} exited with ${code}`)),
    );
  });
}

const { questions } = loadQaDataset(shared, 'tydiqa-goldp-ar', 'test');
const questionsFile = join(tmpdir(), 'archive-bench-questions.txt');
writeFileSync(questionsFile, questions.map((q) => q.question).join('\n'));
const probe = questions.slice(0, 3).map((q) => q.question);

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const cpu = (seconds: number) => ` (${seconds.toFixed(1)} s CPU)`;
const mb = (n: number) => `${n.toFixed(0)} MB`;
const rows: string[] = [];
for (const size of sizes) {
  const corpus = writeCorpusFiles(shared, join(tmpdir(), `snn-corpus-${size}`), size);
  const dataDir = mkdtempSync(join(tmpdir(), 'archive-bench-data-'));
  try {
    const cold = await spawnAsk(corpus.dir, dataDir, probe);
    const warm = await spawnAsk(corpus.dir, dataDir, probe);
    if (!/./.test(warm.answers[0] ?? '')) throw new Error('no answer');
    const check = await runChild('bench/archive/check-child.ts', [corpus.dir, dataDir, shared]);
    // the article stays changed for one more start, from the snapshot and the reload's delta
    const changed = join(corpus.dir, 'tydi-cc521ca9aa0f.txt');
    const original = readFileSync(changed);
    const { atime, mtime } = statSync(changed);
    let reload: Record<string, unknown>;
    let withDelta: Awaited<ReturnType<typeof spawnAsk>>;
    try {
      reload = await runChild('bench/archive/reload-child.ts', [
        corpus.dir,
        dataDir,
        'tydi-cc521ca9aa0f',
        questionsFile,
        shared,
        '--leave-changed',
      ]);
      console.error(`reload phases (ms): ${JSON.stringify(reload.phases)}`);
      withDelta = await spawnAsk(corpus.dir, dataDir, probe);
      if (!/./.test(withDelta.answers[0] ?? '')) throw new Error('no answer from the snapshot and its delta');
    } finally {
      writeFileSync(changed, original);
      utimesSync(changed, atime, mtime);
    }
    const row = [
      `${corpus.articles.toLocaleString('en')}`,
      s(cold.firstAnswerMs) + cpu(cold.cpuS),
      mb(cold.peakRssMb),
      s(warm.firstAnswerMs) + cpu(warm.cpuS),
      mb(warm.peakRssMb),
      `${s(reload.reloadMs as number)}${cpu(reload.reloadCpuS as number)}${reload.changedFound ? '' : ' (change not found!)'}${reload.builtIn === 'delta' ? '' : ' (full build)'}`,
      `${(reload.p99 as number).toFixed(0)} / ${(reload.max as number).toFixed(0)} ms`,
      mb(reload.rssMb as number),
      reload.differing === 0 ? `yes (${reload.checked})` : `NO: ${reload.differing} differ`,
      `${s(withDelta.firstAnswerMs)}${cpu(withDelta.cpuS)}, ${mb(withDelta.peakRssMb)}`,
      (check.mrr10 as number).toFixed(3),
      check.differing === 0 ? `yes (${check.questions} questions)` : `NO: ${check.differing} differ`,
    ];
    if (baseline) {
      const before = await spawnAsk(corpus.dir, mkdtempSync(join(tmpdir(), 'archive-bench-base-')), probe, baseline);
      row.splice(1, 0, s(before.firstAnswerMs) + cpu(before.cpuS), mb(before.peakRssMb));
    }
    rows.push(`| ${row.join(' | ')} |`);
    console.error(rows.at(-1));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
const before = baseline ? ' start before | peak RSS before |' : '';
console.log(
  [
    `| articles |${before} cold start (no snapshot) | peak RSS cold | start with snapshot | peak RSS serving | reload, 1 article changed | question p99 / max during reload (20/s) | peak RSS with reload | reload == fresh (top 10) | start with snapshot + delta, peak RSS | MRR@10 TyDi test | snapshot == fresh (top 10) |`,
    `|---:|${baseline ? '---:|---:|' : ''}---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---|`,
    ...rows,
  ].join('\n'),
);
