import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answer.js';
import { BotService } from '../../src/core/bot-service.js';
import { snapshotKey, snapshotKeyInPieces } from '../../src/core/corpus-stamps.js';
import { DELTA_FILE } from '../../src/core/delta-store.js';
import { buildKnowledgeBase, type KnowledgeBase } from '../../src/core/knowledge-base.js';
import type { Logger } from '../../src/core/logger.js';
import { ArticlePlaces } from '../../src/core/segment-reload.js';
import { SNAPSHOT_FILE } from '../../src/core/snapshot-store.js';
import { type Article, loadCorpus } from '../../src/corpus/index.js';
import { openSqliteStore } from '../../src/store/index.js';
import { BUNDLED_CORPUS } from '../support/bot.js';
import { questionsFromCorpus } from '../support/corpus-questions.js';

const ARTICLES = ['000_ef08b0032887354d', '001_a80aa5ff78102834', '002_83dec01cb59a7f27', '003_dbecf9ef6e395945'] as const;

interface Logged {
  message: string;
  fields: Record<string, unknown>;
}

function recordingLogger(logged: Logged[]): Logger {
  const record = (fields: unknown, message?: string) =>
    logged.push({ message: String(message ?? fields), fields: fields as Record<string, unknown> });
  const logger: Logger = { info: record, warn: record, error: record, debug: () => {}, child: () => logger } as unknown as Logger;
  return logger;
}

function copyCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qa-corpus-'));
  cpSync(BUNDLED_CORPUS, dir, { recursive: true });
  return dir;
}

/** A bot over `corpus` keeping its snapshot in `data`, building on the test's thread; deltas never folded unless asked. */
function botOver(corpus: string, data: string, logged: Logged[] = [], mergeShare = 10): BotService {
  return new BotService({
    corpusDir: corpus,
    snapshotDir: data,
    store: openSqliteStore(':memory:'),
    logger: recordingLogger(logged),
    buildInWorker: false,
    mergeShare,
  });
}

/** Questions from the corpus's own words, with the words the changes bring. */
const questionsFrom = (kb: KnowledgeBase) =>
  questionsFromCorpus(
    kb,
    ['تيلرسون', 'كم دولة في التحالف', 'who pledged 200 million dollars', 'مؤتمر الكويت 2018', 'اجتماع طارئ الرباط', 'سفينة الصيد'],
    1,
  );

/** What a question gives: every candidate passage (by id, ties in id order) with its score, and the answer. */
function results(kb: KnowledgeBase, question: string): unknown {
  const hits = kb.index
    .search(question, 500)
    .hits.map((h) => ({ id: kb.passages[h.passage]!.id, score: h.score, coverage: h.coverage, terms: [...h.matchedTerms].sort() }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  const answer = answerQuestion(kb, question);
  return { hits, status: answer.status, cited: answer.passages.map((p) => p.id) };
}

/** A bot over a copy of the corpus, started, then reloaded after changeCorpus, with its delta saved. */
async function savedWithDelta() {
  const corpus = copyCorpus();
  const data = mkdtempSync(join(tmpdir(), 'qa-data-'));
  const bot = botOver(corpus, data);
  await bot.reload({ initial: true });
  changeCorpus(corpus);
  await bot.reload();
  await bot.saved;
  return { corpus, data, bot };
}

async function freshBuild(corpus: string): Promise<KnowledgeBase> {
  return buildKnowledgeBase((await loadCorpus(corpus)).corpus);
}

/** Changes an article, adds two, removes one and touches another without changing it; one added word gives an unchanged article's word another term. */
function changeCorpus(corpus: string): void {
  appendFileSync(join(corpus, `${ARTICLES[0]}.txt`), '\nفقرة جديدة عن اجتماع طارئ للتحالف في الرباط\n');
  writeFileSync(join(corpus, 'zzz_bare.txt'), 'سفينة كبيرة تصل إلى الميناء\n');
  writeFileSync(join(corpus, 'aaa_new.txt'), 'مقال آخر في أول القائمة عن الصومال\n');
  rmSync(join(corpus, `${ARTICLES[2]}.txt`));
  rmSync(join(corpus, `${ARTICLES[2]}.json`), { force: true });
  const later = new Date(Date.now() + 5000);
  utimesSync(join(corpus, `${ARTICLES[3]}.txt`), later, later);
}

const builtIn = (logged: Logged[]) => logged.filter((l) => l.message === 'index built and serving').map((l) => l.fields.builtIn);

describe('a reload by delta', () => {
  it('reads only what changed, reports it, and answers every question as a full build of the files now', async () => {
    const corpus = copyCorpus();
    // "وسفينة" keeps its و while the corpus has no bare "سفينة": the bare word added later changes its term
    writeFileSync(join(corpus, 'ship.txt'), 'رست وسفينة الصيد في ميناء المدينة\n');
    const logged: Logged[] = [];
    const bot = botOver(corpus, mkdtempSync(join(tmpdir(), 'qa-data-')), logged);
    await bot.reload({ initial: true });
    const before = bot.knowledgeBase;
    changeCorpus(corpus);

    const report = await bot.reload();
    expect(report.swapped).toBe(true);
    expect(report.changes).toEqual({ added: ['aaa_new', 'zzz_bare'], changed: [ARTICLES[0]], removed: [ARTICLES[2]] });
    expect(builtIn(logged)).toEqual(['main thread', 'delta']);
    const kb = bot.knowledgeBase;
    expect(kb.index.built.segmented).toBeDefined();
    // the base is shared, not copied
    expect(kb.segments!.base.kb).toBe(before);
    // the unchanged article whose word takes another term is indexed again, in the delta
    expect(kb.passages.slice(before.passages.length).map((p) => p.article.id)).toContain('ship');
    expect([...kb.segments!.articles.keys()]).not.toContain('ship');

    const fresh = await freshBuild(corpus);
    expect(kb.articles.map((a) => a.id)).toEqual(fresh.articles.map((a) => a.id));
    expect(bot.size()).toEqual({
      articles: fresh.articles.length,
      passages: fresh.passages.length,
      synonymGroups: fresh.index.synonymGroups,
    });
    const questions = questionsFrom(fresh);
    expect(questions.length).toBeGreaterThan(50);
    for (const question of questions) expect(results(kb, question), question).toEqual(results(fresh, question));
  });

  it('drops a removed article: no answer cites it, no list shows it', async () => {
    const corpus = copyCorpus();
    const bot = botOver(corpus, mkdtempSync(join(tmpdir(), 'qa-data-')));
    await bot.reload({ initial: true });
    const removed = bot.knowledgeBase.articles.find((a) => a.id === ARTICLES[2])!;
    const question = removed.paragraphs[0]!.text.split(/\s+/).slice(0, 8).join(' ');
    expect(results(bot.knowledgeBase, question)).toMatchObject({ cited: expect.arrayContaining([expect.stringContaining(ARTICLES[2])]) });

    rmSync(join(corpus, `${ARTICLES[2]}.txt`));
    rmSync(join(corpus, `${ARTICLES[2]}.json`), { force: true });
    const report = await bot.reload();
    expect(report.changes).toEqual({ added: [], changed: [], removed: [ARTICLES[2]] });
    const kb = bot.knowledgeBase;
    const cited = kb.index.search(question, 500).hits.map((h) => kb.passages[h.passage]!.article.id);
    expect(cited).not.toContain(ARTICLES[2]);
    expect(bot.articles().map((a) => a.id)).not.toContain(ARTICLES[2]);
    expect(bot.findArticle(ARTICLES[2])).toBeUndefined();
  });

  it('stacks on the same base: a second reload puts both changes in one delta, and undoing a change empties it', async () => {
    const corpus = copyCorpus();
    const bot = botOver(corpus, mkdtempSync(join(tmpdir(), 'qa-data-')));
    await bot.reload({ initial: true });
    const file = join(corpus, `${ARTICLES[1]}.txt`);
    const original = readFileSync(file);
    appendFileSync(file, '\nفقرة عن قمة في نواكشوط\n');
    await bot.reload();
    writeFileSync(join(corpus, 'zzz_new.txt'), 'مقال جديد عن مؤتمر المانحين في نواكشوط\n');
    const second = await bot.reload();
    expect(second.changes).toEqual({ added: ['zzz_new'], changed: [], removed: [] });
    expect([...bot.knowledgeBase.segments!.articles.keys()].sort()).toEqual([ARTICLES[1], 'zzz_new']);
    const fresh = await freshBuild(corpus);
    for (const question of ['نواكشوط', 'قمة في نواكشوط', 'مؤتمر المانحين'])
      expect(results(bot.knowledgeBase, question), question).toEqual(results(fresh, question));

    writeFileSync(file, original);
    rmSync(join(corpus, 'zzz_new.txt'));
    const undone = await bot.reload();
    expect(undone.changes).toEqual({ added: [], changed: [ARTICLES[1]], removed: ['zzz_new'] });
    expect(bot.knowledgeBase.segments!.articles.size).toBe(0);
    expect(bot.knowledgeBase.index.search('نواكشوط', 5).hits).toEqual([]);
  });

  it('keeps the index it has when a changed file has an error', async () => {
    const corpus = copyCorpus();
    const bot = botOver(corpus, mkdtempSync(join(tmpdir(), 'qa-data-')));
    await bot.reload({ initial: true });
    const serving = bot.knowledgeBase;
    appendFileSync(join(corpus, `${ARTICLES[0]}.txt`), '\nفقرة جديدة\n');
    writeFileSync(join(corpus, 'orphan.json'), '{}');
    const report = await bot.reload();
    expect(report.swapped).toBe(false);
    expect(report.problems.some((p) => p.severity === 'error' && p.file === 'orphan.json')).toBe(true);
    expect(bot.knowledgeBase).toBe(serving);
  });

  it('is saved beside the snapshot: a restart serves the snapshot with its delta, without building', async () => {
    const { corpus, data } = await savedWithDelta();
    expect(existsSync(join(data, DELTA_FILE))).toBe(true);

    const logged: Logged[] = [];
    const restarted = botOver(corpus, data, logged);
    await restarted.reload({ initial: true });
    expect(logged.map((l) => l.message)).toContain('index snapshot loaded, with its delta');
    expect(builtIn(logged)).toEqual(['snapshot and delta']);
    const fresh = await freshBuild(corpus);
    for (const question of questionsFrom(fresh).slice(0, 40))
      expect(results(restarted.knowledgeBase, question), question).toEqual(results(fresh, question));

    // and a reload after the restart goes on the same base
    writeFileSync(join(corpus, 'zzz_more.txt'), 'مقال عن مؤتمر في نواكشوط\n');
    const report = await restarted.reload();
    expect(report.changes).toEqual({ added: ['zzz_more'], changed: [], removed: [] });
    expect(builtIn(logged).at(-1)).toBe('delta');
  });

  it.each([
    ['stale (a file changed since)', (corpus: string) => appendFileSync(join(corpus, `${ARTICLES[1]}.txt`), '\nأخرى\n'), 'other files'],
    [
      'damaged',
      (_corpus: string, data: string) => {
        const bytes = readFileSync(join(data, DELTA_FILE));
        bytes[bytes.length >> 1]! ^= 0xff;
        writeFileSync(join(data, DELTA_FILE), bytes);
      },
      'damaged',
    ],
    [
      'truncated',
      (_corpus: string, data: string) => writeFileSync(join(data, DELTA_FILE), readFileSync(join(data, DELTA_FILE)).subarray(0, 100)),
      'truncated',
    ],
    ['without the snapshot it goes on', (_corpus: string, data: string) => rmSync(join(data, SNAPSHOT_FILE)), 'goes on'],
  ])('when %s, is not trusted: the index is built, with one log line saying why', async (_what, spoil, reason) => {
    const { corpus, data } = await savedWithDelta();
    spoil(corpus, data);

    const logged: Logged[] = [];
    const restarted = botOver(corpus, data, logged);
    await restarted.reload({ initial: true });
    const lines = logged.filter((l) => l.message.startsWith('index snapshot not used'));
    expect(lines).toHaveLength(1);
    expect(lines[0]!.message).toContain(reason);
    expect(builtIn(logged)).toEqual(['main thread']);
    // the build's snapshot holds every change: the delta is gone
    await restarted.saved;
    expect(existsSync(join(data, DELTA_FILE))).toBe(false);
  });

  it('is folded into a new snapshot by a full build once it holds more than its share of the passages', async () => {
    const corpus = copyCorpus();
    const data = mkdtempSync(join(tmpdir(), 'qa-data-'));
    const logged: Logged[] = [];
    const bot = botOver(corpus, data, logged, 0.05);
    await bot.reload({ initial: true });
    appendFileSync(join(corpus, `${ARTICLES[0]}.txt`), '\nفقرة جديدة عن اجتماع طارئ للتحالف في الرباط\n');
    await bot.reload();
    expect(builtIn(logged)).toEqual(['main thread', 'delta']);
    // the full build starts once the delta serves, in the background
    await new Promise((resolve) => setImmediate(resolve));
    await bot.reload();
    expect(builtIn(logged)).toEqual(['main thread', 'delta', 'main thread']);
    expect(bot.knowledgeBase.segments!.articles.size).toBe(0);
    expect(bot.knowledgeBase.index.built.segmented).toBeUndefined();
    await bot.saved;
    expect(existsSync(join(data, DELTA_FILE))).toBe(false);
    expect(bot.knowledgeBase.index.search('اجتماع طارئ الرباط', 1).hits).toHaveLength(1);
  });
});

describe('the snapshot key worked out in pieces', () => {
  it('is the key worked out at once', async () => {
    const stamps = Array.from({ length: 4321 }, (_, k) => ({ name: `a${k}.txt`, size: k * 7, mtimeMs: 1.5e12 + k / 3 }));
    const pause = () => Promise.resolve();
    for (const some of [stamps, stamps.slice(0, 1), stamps.slice(0, 2000), []])
      expect(await snapshotKeyInPieces(some, { a: 1 }, { ranking: { b: 2 } }, pause)).toBe(
        snapshotKey(some, { a: 1 }, { ranking: { b: 2 } }),
      );
  });
});

describe('ArticlePlaces', () => {
  it("gives each article of the base its place and its passages' range", () => {
    const paragraph = { n: 1, line: 1, text: 'نص' };
    const article = (id: string, paragraphs: number) =>
      ({ id, label: id, lang: 'ar', file: `${id}.txt`, paragraphs: Array.from({ length: paragraphs }, () => paragraph) }) as Article;
    const places = new ArticlePlaces([article('a', 2), article('b', 0), article('c', 3)]);
    expect(places.get('a')).toEqual({ index: 0, first: 0, count: 2 });
    expect(places.get('b')).toEqual({ index: 1, first: 2, count: 0 });
    expect(places.get('c')).toEqual({ index: 2, first: 2, count: 3 });
    expect(places.get('d')).toBeUndefined();
    expect([places.has('c'), places.has('d')]).toEqual([true, false]);
  });
});
