import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadCorpus } from '../../src/corpus/index.js';
import { BUNDLED_CORPUS } from '../support/bot.js';

function corpusDir(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const ARTICLE =
  'وشهد المؤتمر مشاركة دولية واسعة تمثلت بحضور أكثر من 75 دولة ومنظمة دولية.\nوعقد الاجتماع بالتزامن مع مؤتمر اعادة إعمار العراق.';

describe('loadCorpus on the bundled corpus', () => {
  it('loads the five seed articles under their file stems, with no problem', async () => {
    const { corpus, problems } = await loadCorpus(BUNDLED_CORPUS);
    expect(problems).toEqual([]);
    const stems = readdirSync(BUNDLED_CORPUS)
      .filter((f) => f.endsWith('.txt') && f !== 'synonyms.txt')
      .map((f) => f.slice(0, -4));
    expect(corpus.articles.map((a) => a.id).sort()).toEqual(stems.sort());
    expect(corpus.articles).toHaveLength(5);
    expect(corpus.synonyms.length).toBeGreaterThan(10);
  });

  it('takes metadata only from the sidecar, and labels an untitled article by its lead', async () => {
    const { corpus } = await loadCorpus(BUNDLED_CORPUS);
    const kuwait = corpus.articles.find((a) => a.id === '000_ef08b0032887354d')!;
    expect(kuwait.title).toBeUndefined();
    expect(kuwait.label.startsWith('الكويت 13 فبراير 2018')).toBe(true);
    expect(kuwait.date).toBe('2018-02-13');
    expect(kuwait.source).toBeUndefined();
    const smallGroup = corpus.articles.find((a) => a.id === '004_f054958bf221c085')!;
    expect(smallGroup.title).toContain('التصميم المشترك');
    expect(smallGroup.date).toBe('2020-06-04');
  });
});

describe('loadCorpus on broken files', () => {
  it('reports invalid JSON with the file and the fix, and still loads the rest', async () => {
    const dir = corpusDir({ 'good.txt': ARTICLE, 'good.json': '{"title": "عنوان"}', 'bad.txt': ARTICLE, 'bad.json': '{"title": "x",}' });
    const { corpus, problems } = await loadCorpus(dir);
    expect(corpus.articles.map((a) => a.id)).toEqual(['good']);
    expect(problems).toHaveLength(1);
    expect(formatProblem(problems[0]!)).toMatch(/^error: bad\.json: is not valid JSON .* — fix the JSON syntax/);
  });

  it.each([
    ['a date that is not a date', '{"date": "2018-02-30"}', 'date', /calendar date/],
    ['a date in another format', '{"date": "13/02/2018"}', 'date', /YYYY-MM-DD/],
    ['an unknown field', '{"titel": "x"}', 'titel', /unknown field/],
    ['a language we do not analyze', '{"lang": "fr"}', 'lang', /.+/],
    ['a URL that is not http(s)', '{"url": "ftp://x.org/a"}', 'url', /http/],
    ['an empty title', '{"title": "  "}', 'title', /empty/],
    ['JSON that is not an object', '[1, 2]', undefined, /object/],
  ])('names the field and the fix for %s', async (_what, json, field, message) => {
    const { problems, corpus } = await loadCorpus(corpusDir({ 'a.txt': ARTICLE, 'a.json': json }));
    expect(corpus.articles).toHaveLength(0);
    expect(problems[0]).toMatchObject({ severity: 'error', file: 'a.json', where: field });
    expect(problems[0]!.message).toMatch(message);
    expect(problems[0]!.fix.length).toBeGreaterThan(10);
  });

  it('refuses a binary file and a non-UTF-8 file', async () => {
    const { problems } = await loadCorpus(
      corpusDir({
        'bin.txt': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]),
        'cp1256.txt': Buffer.from([0xc7, 0xe1, 0xda, 0xd1, 0xc7, 0xde]),
      }),
    );
    expect(problems.map((p) => [p.file, p.message])).toEqual(
      expect.arrayContaining([
        ['bin.txt', expect.stringMatching(/binary/)],
        ['cp1256.txt', expect.stringMatching(/UTF-8/)],
      ]),
    );
  });

  it('reports an empty article, metadata without an article, and an article without metadata (warning)', async () => {
    const { problems, corpus } = await loadCorpus(corpusDir({ 'empty.txt': '\n  \n', 'orphan.json': '{}', 'bare.txt': ARTICLE }));
    expect(corpus.articles.map((a) => a.id)).toEqual(['bare']);
    expect(problems.map((p) => [p.severity, p.file])).toEqual(
      expect.arrayContaining([
        ['error', 'empty.txt'],
        ['error', 'orphan.json'],
        ['warning', 'bare.txt'],
      ]),
    );
  });

  it('reports a missing directory and an empty one', async () => {
    const missing = await loadCorpus(join(tmpdir(), 'no-such-corpus-dir-xyz'));
    expect(missing.problems[0]!.message).toMatch(/does not exist/);
    const empty = await loadCorpus(corpusDir({}));
    expect(empty.problems[0]!.message).toMatch(/no articles/);
  });

  it('reports a synonyms line with a single expression', async () => {
    const { problems, corpus } = await loadCorpus(corpusDir({ 'a.txt': ARTICLE, 'synonyms.txt': '# comment\nداعش = ISIS\nوحيد\n' }));
    expect(corpus.synonyms).toEqual([['داعش', 'ISIS']]);
    expect(problems.filter((p) => p.file === 'synonyms.txt')).toMatchObject([{ severity: 'error', where: 'line 3' }]);
  });

  it('refuses a file name that cannot be an article id', async () => {
    const dir = corpusDir({});
    copyFileSync(join(BUNDLED_CORPUS, '003_dbecf9ef6e395945.txt'), join(dir, 'bad name!.txt'));
    const { problems } = await loadCorpus(dir);
    expect(problems[0]!.message).toMatch(/not a usable article id/);
  });
});
