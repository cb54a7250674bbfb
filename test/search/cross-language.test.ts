import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answer.js';
import type { KnowledgeBase } from '../../src/core/knowledge-base.js';
import { loadKnowledgeBase } from '../../src/core/load.js';
import { Lexicon } from '../../src/lexicon/index.js';
import { idf } from '../../src/search/bm25.js';
import { PassageIndex } from '../../src/search/index.js';
import { BUNDLED_CORPUS } from '../support/bot.js';

const ARABIC = [
  { text: 'عقد وزراء خارجية التحالف اجتماعا في الكويت لبحث إعادة إعمار العراق.', group: 'a' },
  { text: 'تعهد تيلرسون بتقديم 200 مليون دولار لدعم الاستقرار.', group: 'a' },
  { text: 'فاز فريق برونكوس بالمباراة النهائية في دنفر.', group: 'b' },
  { text: 'ارتفعت أسعار النفط في الأسواق العالمية هذا الأسبوع.', group: 'c' },
];

const ENGLISH = [
  { text: 'The coalition ministers held a meeting in Kuwait on reconstruction.', group: 'a' },
  { text: 'Oil prices rose on world markets this week.', group: 'b' },
];

const lexicon = Lexicon.parse(
  [
    'meeting\tالاجتماع',
    'ministers\tالوزراء',
    'pledged\tمتعهد',
    'pledging\tالتعهد',
    'pledge\tالوعد',
    'oil\tالنفط',
    'prices\tالاسعار',
    'world\tالعالم',
    'minister\tالوزير',
    'reconstruction\tاعاده الاعمار',
  ].join('\n'),
);

const top = (index: PassageIndex, question: string) => index.search(question, 3).hits.map((h) => h.passage);

describe('questions in the other language than the corpus', () => {
  const arabic = PassageIndex.build(ARABIC, { lexicon });

  it('finds an Arabic passage for an English question through the lexicon and the Arabic pipeline', () => {
    // "meeting" → "الاجتماع", which the pipeline matches with "اجتماعا"
    expect(top(arabic, 'meeting of ministers in Kuwait')[0]).toBe(0);
    // "pledged" → "متعهد", the passage has "تعهد": the translated word's family
    expect(top(arabic, 'Who pledged 200 million?')[0]).toBe(1);
  });

  it("finds a translated verb's verbal noun, with the particle the passage fuses to it", () => {
    const index = PassageIndex.build(
      [{ text: 'وشهد المؤتمر مشاركة دولية واسعة تمثلت بحضور أكثر من 75 دولة ومنظمة دولية.' }, ...ARABIC.slice(3)],
      { lexicon: Lexicon.parse('attended\tحضر') },
    );
    // "attended" → «حضر», a verb no passage has; the passage has its verbal noun «حضور», as «بحضور»
    expect(index.search('Who attended?', 3).hits[0]).toMatchObject({ passage: 0, matchedTerms: ['بحضور'] });
  });

  it('finds the Arabic spelling of a name by its sound, with no list of names', () => {
    expect(top(arabic, 'What did Tillerson say?')[0]).toBe(1);
    expect(top(arabic, 'Where did the Broncos win?')[0]).toBe(2);
    expect(top(PassageIndex.build(ARABIC, { lexicon: null }), 'What did Tillerson say?')).toEqual([]);
  });

  it.each([
    ['Which river flows through Cambridge?', 'يمر نهر كام في مدينة كامبريدج البريطانية.'],
    ['How large is Jacksonville?', 'جاكسونفيل هي أكبر مدينة في ولاية فلوريدا من حيث المساحة.'],
    ['What did Tillerson say?', 'تعهد تيلرسون بتقديم 200 مليون دولار لدعم الاستقرار.'],
  ])('finds a long name whose vowels the two scripts write differently: %s', (question, text) => {
    const index = PassageIndex.build([{ text }, ...ARABIC.slice(2)], { lexicon });
    expect(top(index, question)[0]).toBe(0);
  });

  it('finds a short name among the many words that share its consonants, by the nearest spelling', () => {
    // «قاطع», «القطة», «خطأ», «قطاع», «قطعة» share the consonants of "Kyoto" and are nearly as near
    const passages = [
      { text: 'وقعت الدول البروتوكول في مدينة كيوتو اليابانية.' },
      { text: 'قاطع الحزب الانتخابات البرلمانية.' },
      { text: 'أكلت القطة الطعام كله.' },
      { text: 'ارتكب الحارس خطأ فادحا.' },
      { text: 'نما قطاع الخدمات بسرعة.' },
      { text: 'قطعة من الخبز.' },
    ];
    expect(top(PassageIndex.build(passages, { lexicon }), 'What happened in Kyoto?')).toEqual([0]);
  });

  it('finds a name typed with or without its accents', () => {
    const index = PassageIndex.build([{ text: 'تزوج تيموجين من بورتي في سن السادسة عشرة.' }, ...ARABIC.slice(2)], { lexicon });
    expect(top(index, 'Whom did Temüjin marry?')[0]).toBe(0);
    expect(top(index, 'Whom did Temujin marry?')[0]).toBe(0);
  });

  it('finds a name written as one by its sound even where a passage quotes it in Latin letters', () => {
    const passages = [
      { text: 'أطلق اسم Tesla على وحدة كثافة الفيض المغناطيسي.' },
      { text: 'عاش تسلا معظم حياته في فنادق نيويورك.' },
      { text: 'ارتفعت أسعار النفط في الأسواق العالمية.' },
    ];
    const hits = PassageIndex.build(passages, { lexicon }).search('Where did Tesla live?', 3).hits;
    expect(hits.map((h) => h.passage)).toContain(1);
    expect(hits.map((h) => h.passage)).toContain(0);
  });

  it('scales, for a translated question, each passage by how much of the question it covers', () => {
    const passages = [
      { text: 'النفط ثم النفط ثم النفط والنفط.' },
      { text: 'قال التقرير الذي نشر اليوم في العاصمة إن أسعار النفط ارتفعت في الأسواق العالمية خلال الأسبوع الماضي.' },
      { text: 'ارتفعت أسعار الذهب.' },
      { text: 'عقد الوزراء اجتماعا في الكويت.' },
    ];
    const scores = (question: string, translatedCoverageExponent: number) =>
      new Map(
        PassageIndex.build(passages, { lexicon, ranking: { translatedCoverageExponent } })
          .search(question, 4)
          .hits.map((h) => [h.passage, h]),
      );
    const plain = scores('oil prices', 0);
    const scaled = scores('oil prices', 0.25);
    // a passage with "oil" four times but no "prices" falls by its coverage to the power; one with both keeps its score
    expect(plain.get(0)!.coverage).toBeLessThan(1);
    expect(scaled.get(0)!.score).toBeCloseTo(plain.get(0)!.score * plain.get(0)!.coverage ** 0.25);
    expect(scaled.get(1)!.score).toBeCloseTo(plain.get(1)!.score);
    // an Arabic question over Arabic passages is ranked by BM25 alone
    expect(scores('أسعار النفط', 1).get(0)!.score).toBeCloseTo(scores('أسعار النفط', 0).get(0)!.score);
  });

  it('leaves out a word whose translations are all function words, and reads Roman numerals as numbers', () => {
    const withUntil = Lexicon.parse(['until\t', 'prices\tالاسعار', 'oil\tالنفط'].join('\n'));
    const index = PassageIndex.build([...ARABIC, { text: 'انتهت الدورة 33 من البطولة.' }], { lexicon: withUntil });
    expect(index.search('oil prices until', 1).hits[0]!.coverage).toBeCloseTo(1);
    expect(top(index, 'the XXXIII edition')[0]).toBe(4);
  });

  it('finds nothing through the lexicon when it has no index', () => {
    const bare = PassageIndex.build(ARABIC, { lexicon: null });
    expect(bare.search('oil prices', 3).hits).toEqual([]);
  });

  it('counts a match through a generic translation as weaker evidence of what the passage is about', () => {
    const passages = [{ text: 'العمل والأسعار' }, { text: 'النفط والأسعار' }, { text: 'شيء آخر' }];
    const generic = ['job', 'act', 'labor', 'action', 'deed', 'business', 'task', 'effort', 'toil', 'duty', 'chore', 'post'];
    const lexicon = Lexicon.parse(['oil\tالنفط', 'prices\tالاسعار', 'work\tالعمل', ...generic.map((w) => `${w}\tالعمل`)].join('\n'));
    const coverage = (question: string, genericFanIn?: number) =>
      PassageIndex.build(passages, { lexicon, ...(genericFanIn === undefined ? {} : { ranking: { genericFanIn } }) }).search(question, 1)
        .hits[0]!.coverage;
    // "العمل" translates thirteen English words: matching it says less than matching "النفط"
    expect(coverage('oil prices')).toBeCloseTo(1);
    expect(coverage('work prices')).toBeLessThan(0.9);
    expect(coverage('work prices', 0)).toBeCloseTo(1);
  });

  it('counts the passages of a weak translation toward how common the word is only as much as it weighs', () => {
    const passages = [
      ...Array.from({ length: 6 }, (_, k) => ({ text: `العمل في المصنع رقم ${k + 1}` })),
      { text: 'الشغل والأسعار' },
      { text: 'النفط' },
      { text: 'الذهب' },
      { text: 'القمح' },
    ];
    const generic = ['job', 'act', 'labor', 'action', 'deed', 'business', 'task', 'effort', 'toil', 'duty', 'chore', 'post'];
    const lexicon = Lexicon.parse(['work\tالعمل,الشغل', ...generic.map((w) => `${w}\tالعمل`)].join('\n'));
    const [work] = PassageIndex.build(passages, { lexicon }).search('work', 3).concepts;
    // seven passages hold a translation of "work", but six only through the generic «العمل»
    expect(work!.idf).toBeGreaterThan(idf(7, passages.length));
    expect(work!.idf).toBeLessThan(idf(1, passages.length));
  });

  it('credits a passage with the translation it has, not the surest one the corpus has', () => {
    const passages = [{ text: 'الشغل والأسعار' }, { text: 'العمل والأسعار' }, { text: 'شيء آخر' }];
    const generic = ['job', 'act', 'labor', 'action', 'deed', 'business', 'task', 'effort', 'toil', 'duty', 'chore', 'post'];
    const lexicon = Lexicon.parse(['prices\tالاسعار', 'work\tالعمل,الشغل', ...generic.map((w) => `${w}\tالعمل`)].join('\n'));
    const hits = PassageIndex.build(passages, { lexicon }).search('work prices', 2).hits;
    const coverage = (passage: number) => hits.find((h) => h.passage === passage)!.coverage;
    // both passages match "work", but only the first through a translation that says which work
    expect(coverage(0)).toBeCloseTo(1);
    expect(coverage(1)).toBeLessThan(0.9);
  });

  it("counts a match through a WordNet synonym's translation as weaker evidence than through the word's own", () => {
    const passages = [{ text: 'رئيس المجلس' }, { text: 'كرسي المجلس' }, { text: 'شيء آخر' }];
    const lexicon = Lexicon.parse(['chair\tالكرسي\tالرئيس', 'council\tالمجلس', ''].join('\n'));
    const hits = PassageIndex.build(passages, { lexicon }).search('chair council', 2).hits;
    const coverage = (passage: number) => hits.find((h) => h.passage === passage)!.coverage;
    expect(hits[0]!.passage).toBe(1);
    expect(coverage(1)).toBeCloseTo(1);
    // found through the synonym ("chairman" «الرئيس»), but only a quarter as surely
    expect(coverage(0)).toBeGreaterThan(0.5);
    expect(coverage(0)).toBeLessThan(0.7);
  });

  it('serves an English corpus asked in Arabic with the same lexicon read backwards', () => {
    const english = PassageIndex.build(ENGLISH, { lexicon });
    expect(top(english, 'أسعار النفط')[0]).toBe(1);
    expect(top(english, 'اجتماع الوزراء')[0]).toBe(0);
  });

  it("leaves questions in the corpus's own language alone", () => {
    const withLexicon = arabic.search('أسعار النفط', 3).hits;
    const without = PassageIndex.build(ARABIC, { lexicon: null }).search('أسعار النفط', 3).hits;
    expect(withLexicon).toEqual(without);
  });
});

describe('English questions over the bundled Arabic corpus, with the shipped lexicon', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    ({ kb } = await loadKnowledgeBase(BUNDLED_CORPUS));
  });

  it.each([
    ['How much money did Tillerson pledge?', '000_ef08b0032887354d#11'],
    ['Where did the coalition meet in 2018?', '000_ef08b0032887354d'],
    // "chair" is «الكرسي» in FreeDict; WordNet's "chairman" lends «الرئيس»: «نائب رئيس مجلس الوزراء»
    ['Who is the chair of the Council of Ministers?', '001_a80aa5ff78102834#5'],
    // "coalision" is a keystroke from "coalition" and "collision": the passages have «التحالف»
    ['when did the coalision meet in kuwait?', '000_ef08b0032887354d#2'],
  ])('answers %s', (question, expected) => {
    const answer = answerQuestion(kb, question);
    expect(answer.status).toBe('answered');
    expect(answer.passages.map((p) => p.id).join(' ')).toContain(expected);
  });

  it.each([
    'What is the population of Brazil?',
    // a person's age: no article gives one («العمر»); "old" is «قديم», whose family («تقديم», «قادم») the articles have
    'How old is Tillerson?',
    'Who wrote the novel about the white whale?',
    'How do plants make their food?',
    'Which team won the football world cup?',
    'Who is the president of the international football federation?',
  ])('finds nothing for %s', (question) => {
    expect(answerQuestion(kb, question).status).toBe('not_found');
  });
});
