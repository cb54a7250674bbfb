import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BotService } from '../../src/core/bot-service.js';
import { silentLogger } from '../../src/core/logger.js';
import { openSqliteStore } from '../../src/store/index.js';
import { BUNDLED_CORPUS, createTestBot } from '../support/bot.js';

function copyOfCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
  cpSync(BUNDLED_CORPUS, dir, { recursive: true });
  return dir;
}

describe('BotService', () => {
  it('reloads by building beside and swapping: "N → M articles"', async () => {
    const dir = copyOfCorpus();
    const { bot } = await createTestBot({ corpusDir: dir });
    writeFileSync(join(dir, 'extra.txt'), 'عقد وزراء خارجية التحالف اجتماعا جديدا في روما لبحث مستقبل التحالف.');
    writeFileSync(join(dir, 'extra.json'), '{"title": "اجتماع روما"}');
    const report = await bot.reload();
    expect(report).toMatchObject({ swapped: true, before: { articles: 5 }, after: { articles: 6 } });
    expect((await bot.ask('اجتماع التحالف في روما', 'console')).answer.passages[0]?.articleId).toBe('extra');
  });

  it('keeps serving the previous index when a reload finds a broken file', async () => {
    const dir = copyOfCorpus();
    const { bot } = await createTestBot({ corpusDir: dir });
    const before = bot.knowledgeBase;
    writeFileSync(join(dir, '003_dbecf9ef6e395945.json'), '{"date": "yesterday"}');
    const report = await bot.reload();
    expect(report.swapped).toBe(false);
    expect(report.problems).toMatchObject([{ file: '003_dbecf9ef6e395945.json', where: 'date' }]);
    expect(bot.knowledgeBase).toBe(before);
    expect((await bot.ask('عبدالله اليحيا وفد الكويت', 'console')).answer.status).toBe('answered');
  });

  it('keeps answering while a reload builds in a worker: the main thread is never held for the build', async () => {
    const dir = copyOfCorpus();
    const built: unknown[] = [];
    const logger = {
      ...silentLogger,
      info: (o: unknown, m?: string) => m === 'index built and serving' && built.push((o as { builtIn: unknown }).builtIn),
      child: () => logger,
    };
    const { bot } = await createTestBot({ corpusDir: dir, buildInWorker: true, logger });
    writeFileSync(join(dir, 'extra.txt'), 'عقد وزراء خارجية التحالف اجتماعا جديدا في روما لبحث مستقبل التحالف.');
    const question = 'اجتماع التحالف في روما';
    let done = false;
    const reload = bot.reload().finally(() => (done = true));
    const during: (string | undefined)[] = [];
    // one question per turn of the event loop: a build on this thread would leave room for none
    while (!done) {
      during.push((await bot.ask(question, 'console', { record: false })).answer.passages[0]?.articleId);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect((await reload).swapped).toBe(true);
    expect(built).toEqual(['worker', 'worker']);
    expect(during.length).toBeGreaterThan(20);
    // every answer during the reload came from the old index, until the swap
    expect(during.slice(0, -1).every((id) => id !== 'extra')).toBe(true);
    expect((await bot.ask(question, 'console')).answer.passages[0]?.articleId).toBe('extra');
  });

  it('with a DATA_DIR, starts from the snapshot and reloads only what changed, naming it', async () => {
    const dir = copyOfCorpus();
    const dataDir = mkdtempSync(join(tmpdir(), 'data-'));
    const logged: string[] = [];
    const logger = { ...silentLogger, info: (o: unknown, m?: string) => logged.push(String(m ?? o)), child: () => logger };
    const start = () => new BotService({ corpusDir: dir, snapshotDir: dataDir, store: openSqliteStore(':memory:'), logger });
    await start().reload({ initial: true });
    const bot = start();
    logged.length = 0;
    await bot.reload({ initial: true });
    expect(logged).toContain('index snapshot loaded');
    writeFileSync(join(dir, 'extra.txt'), 'عقد وزراء خارجية التحالف اجتماعا جديدا في روما لبحث مستقبل التحالف.');
    const report = await bot.reload();
    expect(report).toMatchObject({ swapped: true, after: { articles: 6 }, changes: { added: ['extra'], changed: [], removed: [] } });
    expect((await bot.ask('اجتماع التحالف في روما', 'console')).answer.passages[0]?.articleId).toBe('extra');
  });

  it('shares one reload between concurrent callers', async () => {
    const { bot } = await createTestBot();
    const [a, b] = [bot.reload(), bot.reload()];
    expect(a).toBe(b);
    await a;
  });

  it('records questions for /stats, including those that found nothing', async () => {
    const { bot } = await createTestBot();
    await bot.ask('كم تعهد تيلرسون؟', 'telegram');
    await bot.ask('متى اجتمع التحالف في مدريد؟', 'discord');
    await bot.ask('متى اجتمع التحالف في مدريد؟', 'discord');
    await bot.ask('', 'console');
    const stats = await bot.stats();
    expect(stats.sinceStart).toEqual({ answered: 1, not_found: 2, rejected: 1 });
    expect(stats.last24h).toEqual({ answered: 1, not_found: 2, rejected: 1 });
    expect(stats.topMissing).toEqual([{ question: 'متى اجتمع التحالف في مدريد؟', count: 2 }]);
    expect(stats.index.articles).toBe(5);
  });

  it('pages "more sources" and records feedback under a short id', async () => {
    const { bot, store } = await createTestBot();
    const { answer, answerId } = await bot.ask('ماذا قال تيلرسون عن داعش؟', 'console');
    expect(answerId).toMatch(/^[A-Za-z0-9_-]{8}$/);
    const page = (await bot.more(answerId!, 1))!;
    expect(page.answer.passages.map((p) => p.id)).toEqual(answer.more.slice(0, 3).map((p) => p.id));
    expect(await bot.feedback(answerId!, 'u1', 'console', 1)).toBe(true);
    expect(await bot.feedback(answerId!, 'u1', 'console', -1)).toBe(true);
    expect(await store.feedbackCounts()).toEqual({ up: 0, down: 1 });
    expect(await bot.more('unknown', 1)).toBeUndefined();
    expect(await bot.feedback('unknown', 'u1', 'console', 1)).toBe(false);
  });

  it('still answers when the store cannot record: the count and the buttons go, not the answer', async () => {
    const { store } = await createTestBot();
    const down = () => Promise.reject(new Error('store unreachable'));
    const bot = new BotService({
      corpusDir: BUNDLED_CORPUS,
      store: { ...store, recordQuestion: down, putAnswer: down },
      logger: silentLogger,
    });
    await bot.reload({ initial: true });
    const { answer, answerId } = await bot.ask('ماذا قال تيلرسون عن داعش؟', 'discord');
    expect(answer.status).toBe('answered');
    expect(answerId).toBeUndefined();
  });

  it('applies a moderator synonym at once and forgets it when removed', async () => {
    const { bot } = await createTestBot();
    const question = 'ما هي قرارات الاتحاد البرلماني؟';
    expect((await bot.ask(question, 'console')).answer.status).toBe('not_found');
    const group = await bot.addSynonym(['الاتحاد البرلماني', 'مجلس الأمن'], 'console:u1');
    expect((await bot.ask(question, 'console')).answer.status).toBe('answered');
    expect(await bot.removeSynonym(String(group.id))).toBe(1);
    expect((await bot.ask(question, 'console')).answer.status).toBe('not_found');
  });

  it('finds an article by id, list number or title words, and suggests titles', async () => {
    const { bot } = await createTestBot();
    expect(bot.findArticle('004_f054958bf221c085')?.id).toBe('004_f054958bf221c085');
    expect(bot.findArticle('1')?.id).toBe('000_ef08b0032887354d');
    expect(bot.findArticle('التصميم المشترك')?.id).toBe('004_f054958bf221c085');
    expect(bot.findArticle('لا يوجد')).toBeUndefined();
    expect(bot.suggestArticles('اجماع').map((a) => a.id)).toEqual(['002_83dec01cb59a7f27']);
    expect(bot.suggestArticles('')).toHaveLength(5);
  });
});
