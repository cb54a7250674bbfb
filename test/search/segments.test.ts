import { describe, expect, it } from 'vitest';
import { type BaseWord, PassageIndex, type PassageInput, retermedWords, stemCountsAfter } from '../../src/search/index.js';
import { beforeNormalization, normalizeText, splitWords } from '../../src/text/index.js';

interface TestArticle {
  id: string;
  title: string;
  paragraphs: string[];
}

const article = (id: string, title: string, ...paragraphs: string[]): TestArticle => ({ id, title, paragraphs });
const passagesOf = (articles: readonly TestArticle[]): PassageInput[] =>
  articles.flatMap((a) => a.paragraphs.map((text) => ({ text, title: a.title, group: a.id })));
const idsOf = (articles: readonly TestArticle[]) => articles.flatMap((a) => a.paragraphs.map((_, k) => `${a.id}#${k}`));
const wordsOf = (text: string) => splitWords(normalizeText(beforeNormalization(text)));

const BEFORE = [
  article(
    'a',
    'اجتماع التحالف في الكويت',
    'أكد وزير الخارجية أن التحالف الدولي سيواصل دعم العراق.',
    'وقال الوزير إن المؤتمر جمع مليارات الدولارات.',
  ),
  article('b', 'مؤتمر الرباط', 'عقد الاجتماع في مدينة الرباط بحضور ممثلين عن الدول الأعضاء.', 'وفسطاط المدينة القديم زاره الوفد.'),
  article(
    'c',
    'تقرير الأمم المتحدة',
    'أصدرت الأمم المتحدة تقريرا عن اللاجئين في سوريا.',
    'وذكر التقرير أن عدد اللاجئين تجاوز خمسة ملايين.',
  ),
  article('d', 'اجتماع التحالف في الكويت', 'تعهدت الدول بتقديم مساعدات لإعادة إعمار المناطق المحررة.'),
  article('e', 'قمة باريس', 'استضافت باريس قمة لمناقشة مستقبل التحالف بعد هزيمة داعش.'),
];

// b changed (a new paragraph, with a word that makes "وفسطاط" stem to "فسطاط"), c removed, f added, d's twin title kept
const AFTER = [
  BEFORE[0]!,
  article('b', 'مؤتمر الرباط', ...BEFORE[1]!.paragraphs, 'ويقع فسطاط قرب الميناء حسب ما قاله الوزير.'),
  BEFORE[3]!,
  BEFORE[4]!,
  article('f', 'مؤتمر الرباط الثاني', 'عاد وزير الخارجية إلى الرباط لحضور اجتماع جديد للتحالف الدولي.'),
];

const QUESTIONS = [
  'ماذا قال وزير الخارجية عن التحالف؟',
  'أين عقد الاجتماع في الرباط؟',
  'كم عدد اللاجئين في سوريا؟',
  'فسطاط المدينة',
  'وفسطاط',
  'مؤتمر الرباط',
  'اجتماع التحالف في الكويت',
  'إعادة إعمار المناطق',
  'قمة باريس داعش',
  'Tillerson coalition meeting',
];

/** base + delta for BEFORE → AFTER, the way the reload by difference makes it (here: every base word checked for a new term) */
async function withDelta(): Promise<{ index: PassageIndex; ids: string[]; retermed: BaseWord[]; base: PassageIndex }> {
  const base = PassageIndex.build(passagesOf(BEFORE));
  const after = new Map(AFTER.map((a) => [a.id, a]));
  const touched = BEFORE.filter((a) => after.get(a.id) !== a);
  const added = AFTER.filter((a) => !BEFORE.includes(a));
  const counts = await stemCountsAfter(base.built.stemCounts, {
    removedBodies: touched.flatMap((a) => a.paragraphs),
    removedTitles: ['تقرير الأمم المتحدة'],
    addedBodies: added.flatMap((a) => a.paragraphs),
    addedTitles: ['مؤتمر الرباط الثاني'],
  });
  const baseWords = new Map<string, number>();
  for (const text of passagesOf(BEFORE).flatMap((p) => [p.text, p.title!]))
    for (const word of wordsOf(text)) {
      const term = base.analyzer.termOf(word);
      baseWords.set(word, term === null ? -1 : base.built.vocabulary.id(term)!);
    }
  const retermed = await retermedWords(
    base.built,
    [...baseWords].map(([word, term]) => ({ word, term })),
    counts.counts,
  );
  // the articles holding a retermed word are indexed again, in the delta
  const again = BEFORE.filter(
    (a) => !touched.includes(a) && a.paragraphs.some((p) => wordsOf(p).some((w) => retermed.some((r) => r.word === w))),
  );
  const baseIds = idsOf(BEFORE);
  const removedArticles = [...touched, ...again];
  const removed = baseIds.flatMap((id, p) => (removedArticles.some((a) => id.startsWith(`${a.id}#`)) ? [p] : []));
  const deltaArticles = AFTER.filter((a) => added.includes(a) || again.includes(a));
  const index = await base.withDelta(
    { removed, added: passagesOf(deltaArticles), counts: counts.counts, retermed: new Set(retermed.map((r) => r.word)) },
    [],
  );
  return { index, ids: [...baseIds, ...idsOf(deltaArticles)], retermed, base };
}

describe('a base segment with a delta', () => {
  it('ranks every question as a full build of the corpus as it is now: same passages, same scores', async () => {
    const fresh = PassageIndex.build(passagesOf(AFTER));
    const freshIds = idsOf(AFTER);
    const { index, ids, retermed } = await withDelta();
    await index.prepare(async () => {});
    // the test covers a base word whose term the delta changes
    expect(retermed.map((r) => r.word)).toContain('وفسطاط');
    expect(index.size).toBe(fresh.size);
    expect(index.vocabularySize).toBeGreaterThanOrEqual(fresh.vocabularySize);
    for (const question of QUESTIONS) {
      const expected = fresh.search(question, 50);
      const got = index.search(question, 50);
      const shape = (hits: typeof expected.hits, names: string[]) =>
        hits
          .map((h) => ({ id: names[h.passage], score: h.score, coverage: h.coverage, terms: [...h.matchedTerms].sort() }))
          .sort((x, y) => (x.id! < y.id! ? -1 : 1));
      expect(shape(got.hits, ids), question).toEqual(shape(expected.hits, freshIds));
      expect(got.concepts, question).toEqual(expected.concepts);
    }
  });

  it('makes its per-passage totals on its first search: the base under it, never searched, has none', async () => {
    const { index, base } = await withDelta();
    const totals = (i: PassageIndex) => (i as unknown as { scratch?: unknown }).scratch;
    expect(totals(base)).toBeUndefined();
    expect(totals(index)).toBeUndefined();
    index.search('مؤتمر الرباط', 10);
    expect(totals(index)).toBeDefined();
    expect(totals(base)).toBeUndefined();
  });

  it('never returns a removed passage', async () => {
    const { index, ids } = await withDelta();
    const hits = index.search('كم عدد اللاجئين في سوريا؟', 50).hits.map((h) => ids[h.passage]);
    expect(hits.some((id) => id!.startsWith('c#'))).toBe(false);
  });

  it('counts the stems of removed and added texts', async () => {
    const base = PassageIndex.build(passagesOf(BEFORE));
    const { counts, changed } = await stemCountsAfter(base.built.stemCounts, {
      removedBodies: ['وفسطاط المدينة القديم زاره الوفد.'],
      removedTitles: [],
      addedBodies: ['فسطاط'],
      addedTitles: [],
    });
    expect(counts.get('فسطاط')).toBe(1);
    expect(counts.get('وفسطاط')).toBeUndefined();
    expect(changed).toEqual(expect.arrayContaining(['فسطاط', 'وفسطاط']));
    expect(counts.get('الوزير') ?? counts.get('وزير')).toBe(base.built.stemCounts.get('الوزير') ?? base.built.stemCounts.get('وزير'));
  });
});
