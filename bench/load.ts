/**
 * npm run bench:load — the bot under load and faults, through the real
 * discord.js and telegraf clients against loopback fakes of the platforms
 * (test/adapters/*): SIGTERM with questions in flight, a burst with the
 * default rate limits, /readyz through a gateway outage. Prints tables; a
 * benchmark, not a test: nothing here is asserted, the targets are beside the numbers.
 */
import { existsSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { formatTable } from '../src/util/table.js';
import { describeMachine } from './lib/machine.js';
import { discordBurst } from './load/burst.js';
import { readinessThroughOutage } from './load/readiness.js';
import { discordShutdown, type ShutdownResult, telegramShutdown } from './load/shutdown.js';

const ms = (value: number) => (Number.isNaN(value) ? '—' : `${Math.round(value)} ms`);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

console.log(`${describeMachine()}; load average ${load()} at start\n`);

console.log('SIGTERM with questions in flight (target: every question answered or told; 0 silent)\n');
const shutdowns: [string, () => Promise<ShutdownResult>][] = [
  [
    'Discord: 50 /ask, replies held 500 ms by Discord, SHUTDOWN_TIMEOUT_MS=10000',
    () => discordShutdown({ count: 50, holdMs: 500, shutdownTimeoutMs: 10_000 }),
  ],
  [
    'Discord: 45 /ask + 5 /reload, held 1.5 s, SHUTDOWN_TIMEOUT_MS=1000',
    () => discordShutdown({ count: 50, holdMs: 1500, shutdownTimeoutMs: 1000, slowCommands: 5 }),
  ],
  [
    'Telegram: 50 chats, sendMessage held 500 ms, SHUTDOWN_TIMEOUT_MS=10000',
    () => telegramShutdown({ count: 50, holdMs: 500, shutdownTimeoutMs: 10_000 }),
  ],
  [
    'Telegram: 10 chats × 5 questions (queued per chat), SHUTDOWN_TIMEOUT_MS=1000',
    () => telegramShutdown({ count: 50, holdMs: 500, shutdownTimeoutMs: 1000, perChat: 5 }),
  ],
];
const shutdownRows: (string | number)[][] = [];
for (const [scenario, run] of shutdowns) {
  const r = await run();
  shutdownRows.push([scenario, r.inFlight, r.answered, r.told, r.silent, ms(r.stopMs)]);
}
console.log(formatTable(['scenario', 'in flight', 'answered', 'told', 'silent', 'stop took'], shutdownRows));

console.log('\n400 questions at 50/s from 100 members in 10 channels, default limits (5/min per member, 20/min per channel)');
console.log('(targets: REST calls ≤ 1.1 per question; answered p99 ≤ 100 ms from interaction to final content; 0 lost)\n');
// every answered question is committed to the store (synchronous=FULL) on the main thread: the second row shows that share
const stores: [string, string][] = [
  [`disk (${tmpdir()})`, tmpdir()],
  ...(existsSync('/dev/shm') ? [['tmpfs (/dev/shm)', '/dev/shm'] as [string, string]] : []),
];
const burstRows: (string | number)[][] = [];
for (const [where, storeRoot] of stores) {
  const burst = await discordBurst({ count: 400, perSecond: 50, users: 100, channels: 10, storeRoot });
  burstRows.push([
    where,
    burst.questions,
    burst.answered,
    burst.rateLimited,
    burst.lost,
    burst.restCalls,
    (burst.restCalls / burst.questions).toFixed(2),
    burst.deferrals,
    burst.publicNotices,
    ms(burst.p50Ms),
    ms(burst.p99Ms),
    ms(burst.noticeP99Ms),
    load(),
  ]);
}
console.log(
  formatTable(
    [
      'store',
      'questions',
      'answered',
      'rate-limited',
      'lost',
      'REST calls',
      'calls/question',
      'deferrals',
      'public notices',
      'answer p50',
      'answer p99',
      'notice p99',
      'load after',
    ],
    burstRows,
  ),
);

console.log(
  '\n/readyz through a 5 s gateway outage, polled every 50 ms (targets: 503 within 1 s of the loss, 200 within 1 s of the return)\n',
);
const readiness = await readinessThroughOutage({ outageMs: 5000, pollMs: 50 });
console.log(
  formatTable(
    ['503 after loss', '200 after return', 'polls during outage', 'of them 200'],
    [[ms(readiness.downMs), ms(readiness.upMs), readiness.polls, readiness.wrongPolls]],
  ),
);
process.exit(0);
