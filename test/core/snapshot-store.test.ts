import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answer.js';
import { buildKnowledgeBase, type KnowledgeBase } from '../../src/core/knowledge-base.js';
import { loadKnowledgeBase } from '../../src/core/load.js';
import { SnapshotReader } from '../../src/core/snapshot-format.js';
import { encodeSnapshot, restoreSnapshot, SNAPSHOT_FILE, writeSnapshot } from '../../src/core/snapshot-store.js';
import type { Article } from '../../src/corpus/index.js';
import { loadQaDataset, SHARED_MISSING, sharedDir } from '../../src/eval/shared-data.js';
import { BUNDLED_CORPUS } from '../support/bot.js';
import { questionsFromCorpus } from '../support/corpus-questions.js';

const questionsFrom = (kb: KnowledgeBase, limit: number) =>
  questionsFromCorpus(
    kb,
    ['تيلرسون', 'كم دولة في التحالف', 'who pledged 200 million dollars', 'مؤتمر الكويت 2018', 'الوضع بعفرين'],
    2,
    limit,
  );

/** What a search and an answer give, in full, for comparing two knowledge bases. */
function results(kb: KnowledgeBase, question: string): unknown {
  const { hits, concepts } = kb.index.search(question, 10);
  return {
    hits: hits.map((h) => ({ ...h, id: kb.passages[h.passage]!.id })),
    concepts,
    answer: JSON.parse(JSON.stringify(answerQuestion(kb, question))),
  };
}

describe('index snapshot', () => {
  let fresh: KnowledgeBase;
  beforeAll(async () => {
    ({ kb: fresh } = await loadKnowledgeBase(BUNDLED_CORPUS));
  });

  it('answers every question exactly as a fresh build, on the bundled corpus', async () => {
    const { kb: loaded } = await restoreSnapshot(encodeSnapshot(fresh, 'k', [], []));
    expect(loaded.passages.map((p) => [p.id, p.paragraph.n, p.paragraph.line, p.paragraph.text])).toEqual(
      fresh.passages.map((p) => [p.id, p.paragraph.n, p.paragraph.line, p.paragraph.text]),
    );
    expect(loaded.articles.map((a) => ({ ...a, paragraphs: a.paragraphs.length }))).toEqual(
      fresh.articles.map((a) => ({ ...a, paragraphs: a.paragraphs.length })),
    );
    const questions = questionsFrom(fresh, 200);
    expect(questions.length).toBeGreaterThan(100);
    for (const question of questions) expect(results(loaded, question), question).toEqual(results(fresh, question));
  });

  it('a snapshot of a loaded snapshot has the same sections (nothing is lost on the way but the words kept for reloads)', async () => {
    const bytes = encodeSnapshot(fresh, 'k', [], []);
    const { kb } = await restoreSnapshot(bytes);
    const again = encodeSnapshot({ ...kb, builtAt: fresh.builtAt, buildMs: fresh.buildMs }, 'k', [], []);
    const sections = (b: Uint8Array) =>
      Object.entries(SnapshotReader.fromBytes(b).header.sections)
        .filter(([name]) => !name.startsWith('words.'))
        .map(([name, e]) => [name, e.length, e.crc]);
    expect(sections(again)).toEqual(sections(bytes));
    expect(sections(bytes).length).toBeGreaterThan(25);
  });

  it('is written section by section as the same bytes it encodes to', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qa-snapshot-'));
    await writeSnapshot(dir, { kb: fresh, key: 'k', stamps: [], problems: [] });
    expect(readFileSync(join(dir, SNAPSHOT_FILE)).equals(Buffer.from(encodeSnapshot(fresh, 'k', [], [])))).toBe(true);
  });

  it.skipIf(!sharedDir())('answers the TyDi QA dev questions exactly as a fresh build (top 10)', async () => {
    const { passages, questions } = loadQaDataset(sharedDir()!, 'tydiqa-goldp-ar', 'dev');
    const articles: Article[] = passages.slice(0, 400).map((p) => ({
      id: p.id,
      title: p.title,
      label: p.title ?? p.id,
      lang: 'ar',
      file: `${p.id}.txt`,
      paragraphs: [{ n: 1, line: 1, text: p.text }],
    }));
    const built = buildKnowledgeBase({ articles, synonyms: [] });
    const { kb: loaded } = await restoreSnapshot(encodeSnapshot(built, 'k', [], []));
    for (const { question } of questions.slice(0, 300)) {
      expect(loaded.index.search(question, 10), question).toEqual(built.index.search(question, 10));
    }
  });
  if (!sharedDir()) it.skip(SHARED_MISSING, () => {});
});

describe('a snapshot in DATA_DIR', () => {
  const logged: string[] = [];
  const logger = {
    info: (o: unknown, m?: string) => logged.push(String(m ?? o)),
    warn: (o: unknown, m?: string) => logged.push(String(m ?? o)),
  };
  const load = (dir: string) => loadKnowledgeBase(BUNDLED_CORPUS, [], { snapshotDir: dir, logger: logger as never });

  it('is written after a build and loaded at the next start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qa-snapshot-'));
    const first = await load(dir);
    expect(first.fromSnapshot).toBe(false);
    await first.snapshotSaved;
    const second = await load(dir);
    expect(second.fromSnapshot).toBe(true);
    expect(second.problems).toEqual(first.problems);
    // the texts stay in the file and are read when quoted
    expect(second.kb.passages.map((p) => p.paragraph.text)).toEqual(first.kb.passages.map((p) => p.paragraph.text));
    for (const question of questionsFrom(first.kb, 40)) expect(results(second.kb, question), question).toEqual(results(first.kb, question));
  });

  it.each([
    ['missing', (_path: string) => {}, 'there is none yet', true],
    ['truncated', (path: string) => writeFileSync(path, readFileSync(path).subarray(0, 5000)), 'truncated', false],
    [
      'damaged in a section',
      (path: string) => {
        const bytes = readFileSync(path);
        bytes[bytes.length >> 1]! ^= 0xff;
        writeFileSync(path, bytes);
      },
      'checksum',
      false,
    ],
    [
      'damaged in the header',
      (path: string) => {
        const bytes = readFileSync(path);
        bytes[40]! ^= 0x01;
        writeFileSync(path, bytes);
      },
      'header',
      false,
    ],
    ['not a snapshot', (path: string) => writeFileSync(path, 'hello, this is not a snapshot at all'), 'not a snapshot', false],
    [
      'of another container version',
      (path: string) => {
        const bytes = readFileSync(path);
        bytes.writeUInt32LE(999, 4);
        writeFileSync(path, bytes);
      },
      'version',
      false,
    ],
  ])('when %s, is not trusted: the index is built, with one log line saying why', async (_what, spoil, reason, fresh) => {
    const dir = mkdtempSync(join(tmpdir(), 'qa-snapshot-'));
    if (!fresh) await (await load(dir)).snapshotSaved;
    spoil(join(dir, SNAPSHOT_FILE));
    logged.length = 0;
    const loaded = await load(dir);
    expect(loaded.fromSnapshot).toBe(false);
    const lines = logged.filter((l) => l.startsWith('index snapshot not used'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(reason);
    await loaded.snapshotSaved;
    expect((await load(dir)).fromSnapshot).toBe(true);
  });

  it('is stale once a corpus file changes', async () => {
    const { cpSync, appendFileSync } = await import('node:fs');
    const corpus = mkdtempSync(join(tmpdir(), 'qa-corpus-'));
    cpSync(BUNDLED_CORPUS, corpus, { recursive: true });
    const dir = mkdtempSync(join(tmpdir(), 'qa-snapshot-'));
    await (await loadKnowledgeBase(corpus, [], { snapshotDir: dir })).snapshotSaved;
    const file = join(corpus, '000_ef08b0032887354d.txt');
    appendFileSync(file, '\nفقرة جديدة عن اجتماع طارئ للتحالف في الرباط\n');
    logged.length = 0;
    const loaded = await loadKnowledgeBase(corpus, [], { snapshotDir: dir, logger: logger as never });
    expect(loaded.fromSnapshot).toBe(false);
    expect(logged.join('\n')).toContain('other files');
    expect(loaded.kb.index.search('اجتماع طارئ الرباط', 1).hits).toHaveLength(1);
  });
});
