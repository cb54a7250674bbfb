import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuildJob } from '../../src/core/build-job.js';
import { describeReload } from '../../src/core/reload-report.js';
import { SnapshotReader } from '../../src/core/snapshot-format.js';
import { SNAPSHOT_FILE } from '../../src/core/snapshot-store.js';
import { reloadLines } from '../../src/present/index.js';
import { createAnalyzer } from '../../src/text/index.js';
import { BUNDLED_CORPUS } from '../support/bot.js';

const ARTICLES = ['000_ef08b0032887354d', '001_a80aa5ff78102834', '002_83dec01cb59a7f27', '003_dbecf9ef6e395945'];

function copyCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qa-corpus-'));
  cpSync(BUNDLED_CORPUS, dir, { recursive: true });
  return dir;
}

/** Each section's checksum, without the ones that differ by nature (build time, the order problems were found in). */
function sectionChecksums(path: string): Record<string, number> {
  const { sections } = SnapshotReader.fromBytes(readFileSync(path)).header;
  return Object.fromEntries(
    Object.entries(sections)
      .filter(([name]) => name !== 'kb.meta' && name !== 'load.problems')
      .map(([name, e]) => [name, e.crc]),
  );
}

describe('a reload by difference', () => {
  it('reads only what changed, reports it, and gives the index a full build gives, section for section', async () => {
    const corpus = copyCorpus();
    const data = mkdtempSync(join(tmpdir(), 'qa-data-'));
    const first = await runBuildJob({ corpusDir: corpus, snapshotDir: data, initial: true });
    expect(first.ok).toBe(true);

    appendFileSync(join(corpus, `${ARTICLES[0]}.txt`), '\nفقرة جديدة عن اجتماع طارئ للتحالف في الرباط\n');
    writeFileSync(join(corpus, 'zzz_new.txt'), 'مقال جديد عن مؤتمر المانحين في نواكشوط\nوفقرة ثانية عنه\n');
    writeFileSync(join(corpus, 'aaa_new.txt'), 'مقال آخر في أول القائمة عن الصومال\n');
    rmSync(join(corpus, `${ARTICLES[2]}.txt`));
    rmSync(join(corpus, `${ARTICLES[2]}.json`), { force: true });
    const later = new Date(Date.now() + 5000);
    utimesSync(join(corpus, `${ARTICLES[3]}.txt`), later, later); // touched, not changed

    const reload = await runBuildJob({ corpusDir: corpus, snapshotDir: data, initial: false, byDifference: true });
    expect(reload.ok && reload.changes).toEqual({ added: ['aaa_new', 'zzz_new'], changed: [ARTICLES[0]], removed: [ARTICLES[2]] });

    const fullData = mkdtempSync(join(tmpdir(), 'qa-data-'));
    const full = await runBuildJob({ corpusDir: corpus, snapshotDir: fullData, initial: false });
    expect(full.ok && full.changes).toBeUndefined();
    expect(sectionChecksums(join(data, SNAPSHOT_FILE))).toEqual(sectionChecksums(join(fullData, SNAPSHOT_FILE)));
    if (reload.ok && full.ok)
      expect(new Set(reload.problems.map((p) => JSON.stringify(p)))).toEqual(new Set(full.problems.map((p) => JSON.stringify(p))));
  });

  it('analyzes again the words of unchanged articles whose stem counts changed, and still gives what a full build gives', async () => {
    const corpus = copyCorpus();
    const data = mkdtempSync(join(tmpdir(), 'qa-data-'));
    const vocabulary = async (dir: string) =>
      (await SnapshotReader.fromBytes(readFileSync(join(dir, SNAPSHOT_FILE))).utf8('index.vocabulary')).split('\n');
    const sameAsFullBuild = async () => {
      const fullData = mkdtempSync(join(tmpdir(), 'qa-data-'));
      await runBuildJob({ corpusDir: corpus, snapshotDir: fullData, initial: false });
      expect(sectionChecksums(join(data, SNAPSHOT_FILE))).toEqual(sectionChecksums(join(fullData, SNAPSHOT_FILE)));
    };
    // "وسفينة" keeps its و while the corpus has no bare "سفينة" (the term is its light stem)
    const whole = createAnalyzer().terms('وسفينة')[0]!;
    writeFileSync(join(corpus, 'ship.txt'), 'رست وسفينة الصيد في ميناء المدينة\n');
    await runBuildJob({ corpusDir: corpus, snapshotDir: data, initial: true });
    expect(await vocabulary(data)).toContain(whole);

    // another article brings the bare word: the unchanged article's word is now stemmed to it
    writeFileSync(join(corpus, 'bare.txt'), 'سفينة كبيرة تصل إلى الميناء\n');
    const added = await runBuildJob({ corpusDir: corpus, snapshotDir: data, initial: false, byDifference: true });
    expect(added.ok && added.changes).toEqual({ added: ['bare'], changed: [], removed: [] });
    expect(await vocabulary(data)).not.toContain(whole);
    await sameAsFullBuild();

    // and back when it goes
    rmSync(join(corpus, 'bare.txt'));
    const removed = await runBuildJob({ corpusDir: corpus, snapshotDir: data, initial: false, byDifference: true });
    expect(removed.ok && removed.changes).toEqual({ added: [], changed: [], removed: ['bare'] });
    expect(await vocabulary(data)).toContain(whole);
    await sameAsFullBuild();
  });

  it('reuses the titles the snapshot has, renumbered, and tokenizes only new ones: the same index as a full build', async () => {
    const corpus = copyCorpus();
    const data = mkdtempSync(join(tmpdir(), 'qa-data-'));
    const titled = (id: string, title: string, date: string) =>
      writeFileSync(join(corpus, `${id}.json`), JSON.stringify({ title, date, lang: 'ar' }));
    titled(ARTICLES[0]!, 'التحالف الدولي ضد داعش في العراق', '2018-02-13');
    titled(ARTICLES[1]!, 'مؤتمر الكويت لإعادة الإعمار', '2018-02-14');
    await runBuildJob({ corpusDir: corpus, snapshotDir: data, initial: true });
    const titles = async (dir: string) =>
      SnapshotReader.fromBytes(readFileSync(join(dir, SNAPSHOT_FILE))).json<string[]>('words.titles.texts');
    expect((await titles(data)).some((t) => t.startsWith('مؤتمر الكويت'))).toBe(true);

    // a new article first in order with a known title (its words numbered before the others'), an edited title, a new word in one
    writeFileSync(join(corpus, 'aaa_first.txt'), 'مقال في أول القائمة عن مؤتمر المانحين\n');
    titled('aaa_first', 'مؤتمر الكويت لإعادة الإعمار', '2018-02-14');
    titled(ARTICLES[0]!, 'التحالف الدولي ضد داعش في نواكشوط', '2018-02-13');
    const reload = await runBuildJob({ corpusDir: corpus, snapshotDir: data, initial: false, byDifference: true });
    expect(reload.ok && reload.changes).toEqual({ added: ['aaa_first'], changed: [ARTICLES[0]], removed: [] });

    const fullData = mkdtempSync(join(tmpdir(), 'qa-data-'));
    await runBuildJob({ corpusDir: corpus, snapshotDir: fullData, initial: false });
    expect(await titles(data)).toEqual(await titles(fullData));
    expect(sectionChecksums(join(data, SNAPSHOT_FILE))).toEqual(sectionChecksums(join(fullData, SNAPSHOT_FILE)));
  });

  it('writes the edited text of an article whose paragraphs keep their number, not the old text of the snapshot', async () => {
    const corpus = copyCorpus();
    const data = mkdtempSync(join(tmpdir(), 'qa-data-'));
    await runBuildJob({ corpusDir: corpus, snapshotDir: data, initial: true });
    const file = join(corpus, `${ARTICLES[1]}.txt`);
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((line) => line.trim().length > 20);
    lines[at] = `${lines[at]} وأضاف مصدر ثان أن الاجتماع تأجل`;
    writeFileSync(file, lines.join('\n'));
    const reload = await runBuildJob({ corpusDir: corpus, snapshotDir: data, initial: false, byDifference: true });
    expect(reload.ok && reload.changes).toEqual({ added: [], changed: [ARTICLES[1]], removed: [] });
    const fullData = mkdtempSync(join(tmpdir(), 'qa-data-'));
    await runBuildJob({ corpusDir: corpus, snapshotDir: fullData, initial: false });
    expect(sectionChecksums(join(data, SNAPSHOT_FILE))).toEqual(sectionChecksums(join(fullData, SNAPSHOT_FILE)));
  });

  it('is refused, keeping the snapshot, when a changed file is broken', async () => {
    const corpus = copyCorpus();
    const data = mkdtempSync(join(tmpdir(), 'qa-data-'));
    await runBuildJob({ corpusDir: corpus, snapshotDir: data, initial: true });
    const before = readFileSync(join(data, SNAPSHOT_FILE));
    writeFileSync(join(corpus, `${ARTICLES[1]}.json`), '{"title": ');
    const reload = await runBuildJob({ corpusDir: corpus, snapshotDir: data, initial: false, byDifference: true });
    expect(reload.ok).toBe(false);
    expect(reload.problems.some((p) => p.file === `${ARTICLES[1]}.json` && p.severity === 'error')).toBe(true);
    expect(readFileSync(join(data, SNAPSHOT_FILE)).equals(before)).toBe(true);
  });

  it('reads everything when the snapshot is missing or damaged', async () => {
    const corpus = copyCorpus();
    const data = mkdtempSync(join(tmpdir(), 'qa-data-'));
    const missing = await runBuildJob({ corpusDir: corpus, snapshotDir: data, initial: false, byDifference: true });
    expect(missing.ok && missing.changes).toBeUndefined();
    writeFileSync(join(data, SNAPSHOT_FILE), readFileSync(join(data, SNAPSHOT_FILE)).subarray(0, 1000));
    const damaged = await runBuildJob({ corpusDir: corpus, snapshotDir: data, initial: false, byDifference: true });
    expect(damaged.ok && damaged.changes).toBeUndefined();
  });

  it('says what changed in the reload message', () => {
    const size = { articles: 5, passages: 70, synonymGroups: 3 };
    const text = describeReload({
      swapped: true,
      before: size,
      after: { ...size, articles: 6 },
      problems: [],
      ms: 12,
      changes: { added: ['a'], changed: ['b', 'c'], removed: [] },
    });
    expect(text).toContain('1 added (a), 2 changed (b, c)');
    const arabic = reloadLines(
      { swapped: true, before: size, after: size, problems: [], ms: 12, changes: { added: [], changed: [], removed: ['d'] } },
      'ar',
    );
    expect(arabic[1]).toBe('المقالات: حُذفت 1 (d).');
  });
});
