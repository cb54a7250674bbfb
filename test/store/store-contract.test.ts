import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/answer.js';
import { openPostgresStore, openSqliteStore, type Store } from '../../src/store/index.js';
import { postgresUnavailable, startPostgres, type TestPostgres } from '../support/postgres.js';

/**
 * The contract every store keeps, run against SQLite and against a real
 * PostgreSQL. `place` is where the state lives (a data directory, a
 * database); opening it twice is a restart, or a second replica.
 */
interface StoreKind {
  name: string;
  place(): Promise<string>;
  open(place: string, replica?: string): Promise<Store>;
}

const unavailable = postgresUnavailable();
if (unavailable) console.warn(`PostgreSQL store tests skipped: ${unavailable}`);

let server: TestPostgres | undefined;
const dirs: string[] = [];
const open: Store[] = [];

beforeAll(async () => {
  if (!unavailable) server = await startPostgres();
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const KINDS: StoreKind[] = [
  {
    name: 'SQLite',
    async place() {
      const dir = mkdtempSync(join(tmpdir(), 'qa-contract-'));
      dirs.push(dir);
      return dir;
    },
    async open(place) {
      const store = openSqliteStore(place);
      open.push(store);
      return store;
    },
  },
  {
    name: 'PostgreSQL',
    place: () => server!.database(),
    async open(place, replica = 'replica-a') {
      const store = await openPostgresStore(place, { replicaId: replica });
      open.push(store);
      return store;
    },
  },
];

const ANSWER: Answer = {
  question: 'ماذا قال تيلرسون عن داعش؟',
  status: 'answered',
  lang: 'ar',
  passages: [
    {
      id: 'a#1',
      articleId: 'a',
      title: 'التحالف الدولي',
      paragraph: 1,
      text: 'قال تيلرسون إن التحالف هزم داعش.',
      sentence: 'قال تيلرسون إن التحالف هزم داعش.',
      sentenceSpan: { start: 0, end: 31 },
      terms: ['تيلرسون'],
      termSpans: [{ start: 4, end: 11 }],
      score: 3.5,
    },
  ],
  more: [],
};

describe.each(KINDS)('the $name store', (kind) => {
  const skip = kind.name === 'PostgreSQL' && !!unavailable;

  it.skipIf(skip)('keeps settings, synonyms, feedback, stats and answers across a restart', async () => {
    const place = await kind.place();
    const first = await kind.open(place);
    await first.setChannelRule('guild-1', 'channel-9', 'allow');
    await first.addSynonym(['التحالف الدولي', 'التحالف الدولي ضد داعش'], 'moderator-1', 1000);
    await first.recordFeedback({
      answerId: 'a1',
      userId: 'u1',
      platform: 'discord',
      vote: 1,
      at: 1000,
      question: 'متى عقد اجتماع التحالف في الكويت؟',
      passageIds: ['p1'],
    });
    await first.recordQuestion({ at: 1000, platform: 'discord', status: 'answered', latencyMs: 4 });
    await first.putAnswer('abcdEFGH', ANSWER, 1000);
    await first.close();

    const second = await kind.open(place);
    expect(await second.channelRules('guild-1')).toEqual({ allowed: ['channel-9'], denied: [] });
    expect((await second.listSynonyms()).map((g) => g.expressions)).toEqual([['التحالف الدولي', 'التحالف الدولي ضد داعش']]);
    expect(await second.feedbackCounts()).toEqual({ up: 1, down: 0 });
    expect((await second.countQuestionsSince(0)).answered).toBe(1);
    expect(await second.getAnswer('abcdEFGH', 0)).toEqual(ANSWER);
  });

  it.skipIf(skip)('counts questions by status since a time, and the most asked missing questions', async () => {
    const store = await kind.open(await kind.place());
    await store.recordQuestion({ at: 100, platform: 'discord', status: 'answered', latencyMs: 1 });
    await store.recordQuestion({ at: 200, platform: 'telegram', status: 'not_found', latencyMs: 1, missingQuestion: 'ما عاصمة اليابان؟' });
    await store.recordQuestion({ at: 300, platform: 'telegram', status: 'not_found', latencyMs: 1, missingQuestion: 'من فاز بالكأس؟' });
    await store.recordQuestion({ at: 400, platform: 'telegram', status: 'not_found', latencyMs: 1, missingQuestion: 'ما عاصمة اليابان؟' });
    await store.recordQuestion({ at: 500, platform: 'console', status: 'rejected', reason: 'empty', latencyMs: 1 });
    expect(await store.countQuestionsSince(0)).toEqual({ answered: 1, not_found: 3, rejected: 1 });
    expect(await store.countQuestionsSince(250)).toEqual({ answered: 0, not_found: 2, rejected: 1 });
    expect(await store.topMissing(0, 10)).toEqual([
      { question: 'ما عاصمة اليابان؟', count: 2 },
      { question: 'من فاز بالكأس؟', count: 1 },
    ]);
    // a tie goes to the most recently asked
    expect(await store.topMissing(250, 1)).toEqual([{ question: 'ما عاصمة اليابان؟', count: 1 }]);
  });

  it.skipIf(skip)('keeps one vote per user and answer: voting again replaces it', async () => {
    const store = await kind.open(await kind.place());
    const vote = (userId: string, value: 1 | -1) =>
      store.recordFeedback({ answerId: 'a1', userId, platform: 'telegram', vote: value, at: 1, question: 'س', passageIds: ['p'] });
    await vote('u1', 1);
    await vote('u2', 1);
    await vote('u1', -1);
    expect(await store.feedbackCounts()).toEqual({ up: 1, down: 1 });
  });

  it.skipIf(skip)('adds synonym groups and removes them by number or by one of their expressions', async () => {
    const store = await kind.open(await kind.place());
    const first = await store.addSynonym(['داعش', 'تنظيم الدولة'], 'm1', 1);
    const second = await store.addSynonym(['واشنطن', 'الولايات المتحدة'], 'm1', 2);
    expect(second.id).toBeGreaterThan(first.id);
    expect(await store.removeSynonym('تنظيم الدولة')).toBe(1);
    expect(await store.removeSynonym('تنظيم الدولة')).toBe(0);
    expect(await store.removeSynonym(String(second.id))).toBe(1);
    expect(await store.listSynonyms()).toEqual([]);
  });

  it.skipIf(skip)('allows, denies and clears channels per scope', async () => {
    const store = await kind.open(await kind.place());
    await store.setChannelRule('g1', 'c1', 'allow');
    await store.setChannelRule('g1', 'c2', 'deny');
    await store.setChannelRule('g1', 'c1', 'deny');
    await store.setChannelRule('g2', 'c3', 'allow');
    expect(await store.channelRules('g1')).toEqual({ allowed: [], denied: ['c1', 'c2'] });
    await store.setChannelRule('g1', 'c1', null);
    expect(await store.channelRules('g1')).toEqual({ allowed: [], denied: ['c2'] });
    expect(await store.channelRules('g3')).toEqual({ allowed: [], denied: [] });
  });

  it.skipIf(skip)('finds an answer by id while it is fresh, and another handle on the same state finds it too', async () => {
    const place = await kind.place();
    const store = await kind.open(place);
    await store.putAnswer('id-1', ANSWER, 5000);
    expect(await store.getAnswer('id-1', 5000)).toEqual(ANSWER);
    expect(await store.getAnswer('id-1', 5001)).toBeUndefined();
    expect(await store.getAnswer('id-2', 0)).toBeUndefined();
    const other = await kind.open(place, 'replica-b');
    expect(await other.getAnswer('id-1', 0)).toEqual(ANSWER);
  });

  it.skipIf(skip)('refuses the request over the limit of the window, per key', async () => {
    const store = await kind.open(await kind.place());
    const limiter = store.rateLimiter('user', 5, 60_000);
    const takes: boolean[] = [];
    for (let i = 0; i < 6; i++) takes.push(await limiter.take('telegram:42'));
    expect(takes).toEqual([true, true, true, true, true, false]);
    expect(await limiter.take('telegram:43')).toBe(true);
    // another limiter name counts apart
    expect(await store.rateLimiter('channel', 5, 60_000).take('telegram:42')).toBe(true);
  });

  it.skipIf(skip)('grants a free lock, and again once released', async () => {
    const store = await kind.open(await kind.place());
    const held = await store.tryLock('telegram-polling');
    expect(held).toBeDefined();
    await held!.release();
    const again = await store.tryLock('telegram-polling');
    expect(again).toBeDefined();
    await again!.release();
  });
});
