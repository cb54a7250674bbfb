import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../src/app.js';
import { createConfig } from '../../src/config.js';
import type { Invocation } from '../../src/core/invocation.js';
import { silentLogger } from '../../src/core/logger.js';
import type { Reply } from '../../src/core/reply.js';
import { freePort } from '../ops/support/free-port.js';
import { parsePrometheusText, valueOf } from '../ops/support/prometheus-text.js';
import { BUNDLED_CORPUS, invocation } from '../support/bot.js';
import { postgresUnavailable, startPostgres, type TestPostgres } from '../support/postgres.js';

/**
 * Two replicas of the whole app against one PostgreSQL, each with its own
 * DATA_DIR and its own copy of the corpus, as if on two machines: what one
 * learns, the other knows; what one counts, the other counts on.
 */

const unavailable = postgresUnavailable();
if (unavailable) console.warn(`replica tests skipped: ${unavailable}`);

/** A moderator's change must be in force on the other replica within this. */
const PROPAGATION_MS = 1000;
const MODERATOR = { id: 'mod-1', isModerator: true };

async function within(ms: number, what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe.skipIf(!!unavailable)('two replicas sharing one PostgreSQL', () => {
  let server: TestPostgres;
  const dirs: string[] = [];
  const corpora: string[] = [];
  let a: App;
  let b: App;

  function replica(databaseUrl: string, id: string): App {
    const dir = mkdtempSync(join(tmpdir(), `qa-${id}-`));
    dirs.push(dir);
    const corpusDir = join(dir, 'corpus');
    cpSync(BUNDLED_CORPUS, corpusDir, { recursive: true });
    corpora.push(corpusDir);
    const result = createConfig(
      {
        DATABASE_URL: databaseUrl,
        REPLICA_ID: id,
        DATA_DIR: join(dir, 'data'),
        CORPUS_DIR: corpusDir,
        CONSOLE: 'on',
        HEALTH_PORT: String(ports.shift()),
        HEALTH_HOST: '127.0.0.1',
        RATE_LIMIT_USER: '5',
        RATE_LIMIT_CHANNEL: '1000',
        SHUTDOWN_TIMEOUT_MS: '2000',
      },
      { cwd: dir, bundledCorpusDir: BUNDLED_CORPUS },
    );
    if (!result.ok) throw new Error(result.problems.join('\n'));
    return createApp({
      config: result.config,
      logger: silentLogger,
      input: new PassThrough(),
      output: new PassThrough(),
      interactive: false,
    });
  }

  const ports: number[] = [];

  beforeAll(async () => {
    ports.push(await freePort(), await freePort());
    server = await startPostgres();
    const url = await server.database();
    a = replica(url, 'replica-a');
    b = replica(url, 'replica-b');
    // both at once: the migrations take turns under their lock
    await Promise.all([a.start(), b.start()]);
  }, 60_000);

  afterAll(async () => {
    await Promise.allSettled([a?.stop(), b?.stop()]);
    await server?.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  const on = (app: App, overrides: Partial<Invocation> & Pick<Invocation, 'command'>): Promise<Reply> =>
    app.dispatcher.dispatch(invocation({ platform: 'discord', ...overrides }), { lang: 'ar' });
  const ask = (app: App, question: string, user = 'member-1', chat: Invocation['chat'] = { id: 'dm-1', kind: 'private' }) =>
    on(app, { command: 'ask', args: { question }, user: { id: user, isModerator: false }, chat });
  const status = (reply: Reply) => (reply.kind === 'answer' ? reply.answer.status : reply.kind === 'error' ? reply.code : reply.kind);

  it('uses on one replica a synonym taught through the other, once that replica has rebuilt its index', async () => {
    const question = 'ما هي قرارات الاتحاد البرلماني؟';
    expect(status(await ask(b, question, 'syn-1'))).toBe('not_found');
    const taught = await on(a, {
      command: 'synonym',
      args: { action: 'add', expressions: 'الاتحاد البرلماني = مجلس الأمن' },
      user: MODERATOR,
    });
    expect(taught.kind).toBe('notice');
    // a new synonym rebuilds the index in a worker: on a loaded machine that alone can take more than the notice's second
    await within(PROPAGATION_MS * 5, 'the synonym reaches replica b', async () => status(await ask(b, question, 'syn-1')) === 'answered');
  });

  it('closes on one replica a channel denied on the other, within a second', async () => {
    const chat = { id: 'c-general', scopeId: 'guild-1', kind: 'group' as const };
    expect(status(await ask(b, 'متى عقد اجتماع التحالف في الكويت؟', 'chan-1', chat))).toBe('answered');
    await on(a, { command: 'channels', args: { action: 'deny' }, user: MODERATOR, chat });
    await within(
      PROPAGATION_MS,
      'the rule reaches replica b',
      async () => status(await ask(b, 'متى عقد اجتماع التحالف في الكويت؟', 'chan-1', chat)) === 'channel_closed',
    );
  });

  it("refuses a member's sixth question in a minute whichever replica gets it", async () => {
    const replies: Reply[] = [];
    for (const app of [a, b, a, b, a, b]) replies.push(await ask(app, 'متى عقد اجتماع التحالف في الكويت؟', 'rate-1'));
    expect(replies.map(status)).toEqual(['answered', 'answered', 'answered', 'answered', 'answered', 'rate_limited']);
    // another member is not held back
    expect(status(await ask(a, 'متى عقد اجتماع التحالف في الكويت؟', 'rate-2'))).toBe('answered');
  });

  it('counts in /stats on one replica the questions answered by both', async () => {
    const stats = async (app: App) => {
      const reply = await on(app, { command: 'stats', args: {}, user: MODERATOR });
      if (reply.kind !== 'stats') throw new Error(`expected stats, got ${reply.kind}`);
      return reply.stats;
    };
    const before = await stats(a);
    await ask(b, 'كم مليون دولار تعهدت الولايات المتحدة بتقديمها لإعادة الإعمار؟', 'stats-1');
    await ask(b, 'متى عقد اجتماع التحالف في الكويت؟', 'stats-2');
    await ask(a, 'متى عقد اجتماع التحالف في الكويت؟', 'stats-3');
    const after = await stats(a);
    expect(after.last24h.answered - before.last24h.answered).toBe(3);
    expect(after.sinceStart.answered - before.sinceStart.answered).toBe(3);
    expect((await stats(b)).last24h).toEqual(after.last24h);
  });

  it("serves on one replica the buttons of the other's answer", async () => {
    const first = await ask(a, 'ماذا قال تيلرسون عن داعش؟', 'button-1');
    if (first.kind !== 'answer' || !first.answerId) throw new Error('expected an answer with buttons');
    const more = await on(b, { command: 'more', args: { id: first.answerId, page: 1 }, user: { id: 'button-1', isModerator: false } });
    expect(more).toMatchObject({ kind: 'answer', page: 1 });
    if (more.kind === 'answer')
      expect(more.answer.passages.map((p) => p.id)).toEqual(first.answer.more.slice(0, more.answer.passages.length).map((p) => p.id));
    const vote = await on(b, {
      command: 'feedback',
      args: { id: first.answerId, vote: 'up' },
      user: { id: 'button-1', isModerator: false },
    });
    expect(vote).toMatchObject({ kind: 'notice' });
    const stats = await on(a, { command: 'stats', args: {}, user: MODERATOR });
    expect(stats.kind === 'stats' && stats.stats.feedback.up).toBe(1);
  });

  it('reloads every replica when a moderator reloads one', async () => {
    const article = 'عقد وزراء خارجية التحالف اجتماعا جديدا في مدينة أوسلو لبحث مستقبل الحرب على داعش.';
    for (const corpus of corpora) writeFileSync(join(corpus, 'oslo.txt'), article);
    const reloaded = await on(a, { command: 'reload', args: {}, user: MODERATOR });
    expect(reloaded.kind).toBe('reload');
    expect(a.bot.size().articles).toBe(6);
    await within(PROPAGATION_MS * 5, 'replica b rebuilds its index', async () => b.bot.size().articles === 6);
  });

  it("labels each replica's metrics with its REPLICA_ID", async () => {
    for (const [app, id] of [
      [a, 'replica-a'],
      [b, 'replica-b'],
    ] as const) {
      const { port } = app.healthAddress()!;
      const metrics = parsePrometheusText(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text());
      expect(valueOf(metrics, 'qabot_ready', { replica: id })).toBe(1);
    }
  });

  it('keeps answering on one replica when the other stops', async () => {
    await a.stop();
    expect(status(await ask(b, 'متى عقد اجتماع التحالف في الكويت؟', 'after-1'))).toBe('answered');
  });
});
