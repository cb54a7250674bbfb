import { describe, expect, it } from 'vitest';
import {
  copyCounts,
  countAppositions,
  countRows,
  countsFromRows,
  findAppositions,
  MAX_NAMES_PER_ROLE,
  mineAppositions,
  mineTextAppositions,
} from '../../src/corpus/appositions.js';
import type { Article, OneWaySynonym } from '../../src/corpus/index.js';

const article = (id: string, texts: string[], lang: 'ar' | 'en' = 'ar'): Article => ({
  id,
  label: id,
  lang,
  file: `${id}.txt`,
  paragraphs: texts.map((text, k) => ({ n: k + 1, line: k + 1, text })),
});

describe('findAppositions', () => {
  it.each([
    // sentences of the bundled corpus
    [
      'a role and a two-word name',
      'وقال وزير الخارجية الأمريكي ريكس تريلسون في المؤتمر ذاته إن "التحالف حقق نجاحا"',
      [['وزير الخارجيه الامريكي', 'تريلسون']],
    ],
    [
      'the role nearest the name in a chain of titles, past an honorific',
      'ترأس نائب رئيس مجلس الوزراء وزير الخارجية الكويتي الشيخ صباح خالد الحمد الصباح الاجتماع',
      [['وزير الخارجيه الكويتي', 'خالد']],
    ],
    [
      'two honorifics, a long nasab cut after two names',
      'ترأس وزير الخارجية الكويتي الشيخ الدكتور أحمد ناصر المحمد الصباح وفد دولة الكويت',
      [['وزير الخارجيه الكويتي', 'ناصر']],
    ],
    [
      'a name followed by the object of the verb',
      'افتتح وزير الخارجية الأمريكي ريكس تيلرسون المؤتمر الدولي في الكويت',
      [['وزير الخارجيه الامريكي', 'تيلرسون']],
    ],
    ['a name that ends after its family name with ال', 'قال وزير الإسكان ماجد الحقيل طلب الوزير', [['وزير الاسكان', 'الحقيل']]],
    ['honorifics of a royal', 'وصل وزير الدفاع صاحب السمو الملكي الأمير محمد بن سلمان', [['وزير الدفاع', 'سلمان']]],
    [
      'a name that stops at a conjunction',
      'وزير الخارجية الأمريكي مايك بومبيو ونظيره الإيطالي لويجي دي مايو',
      [['وزير الخارجيه الامريكي', 'بومبيو']],
    ],
    ['a name that stops at a time word', 'وزير الخارجية الشيخ صباح الخالد أمس', [['وزير الخارجيه', 'الخالد']]],
    ['a definite head with a fused particle', 'شدد الرئيس الأميركي دونالد ترامب على اهتمامه', [['رييس الاميركي', 'ترامب']]],
    ['hamza written as bare alef', 'وزير الخارجية الامريكي ريكس تيلرسون', [['وزير الخارجيه الامريكي', 'تيلرسون']]],
    ['tashkeel', 'وَزِيرُ الخَارِجِيَّةِ الأَمْرِيكِيُّ رِكْس تِيلَرْسُون', [['وزير الخارجيه الامريكي', 'تيلرسون']]],
    [
      'a construct role («الأمين العام»)',
      'دعا الأمين العام للأمم المتحدة أنطونيو غوتيريش إلى الهدوء',
      [['امين العام للامم المتحده', 'غوتيريش']],
    ],
  ])('finds %s', (_what, text, expected) => {
    expect(findAppositions(text).map((a) => [a.role, a.name])).toEqual(expected);
  });

  it.each([
    ['a bare title', 'قال الرئيس دونالد ترامب'],
    ['a role whose last word is in the construct state', 'زار رئيس وزراء إسرائيل بنيامين نتنياهو'],
    ['a one-word "name", as often a verb', 'وزير الخارجية الكويتي وتم خلاله استعراض الوضع'],
    ['a role followed by a description', 'رئيس بعثة جامعة الدول العربية في واشنطن'],
    ['a role cut from its name by punctuation', 'وزير الخارجية الأمريكي، ريكس تيلرسون'],
    ['a role and a number', 'قال وزير التخطيط العراقي بأكثر من 88 مليار دولار'],
    ['a role going on behind ل, then a one-word name', 'قال الأمين العام لمجلس التعاون الخليجي الزياني إن'],
    ['a role going on behind ب, then a place', 'أوضح مدير الدفاع المدني بمنطقة الرياض اللواء'],
    ['the second word of «عبد الله»', 'استقبل ولي العهد الأمير محمد بن عبد الله الوفد'],
  ])('finds nothing in %s', (_what, text) => {
    expect(findAppositions(text)).toEqual([]);
  });
});

describe('mineAppositions', () => {
  it('lets a qualified role find each name it precedes, most frequent first, one way only', () => {
    const entries = mineAppositions([
      article('a', ['وقال وزير الخارجية الأمريكي ريكس تيلرسون إن التحالف حقق نجاحا']),
      article('b', ['ورحب وزير الخارجية الأميركي أنتوني بلينكن بالوفود', 'وقال وزير الخارجية الأمريكي أنتوني بلينكن إن']),
    ]);
    expect(entries).toEqual([
      { from: 'وزير الخارجيه الامريكي', to: ['بلينكن', 'تيلرسون'] },
      { from: 'وزير الخارجيه الاميركي', to: ['بلينكن'] },
    ]);
  });

  it('leaves out a role of two words seen before several names, keeps it before one', () => {
    const entries = mineAppositions([
      article('a', ['قال رئيس الوزراء نوري المالكي إن', 'قال رئيس الوزراء حيدر العبادي إن', 'قال الأمين العام أنطونيو غوتيريش إن']),
    ]);
    expect(entries).toEqual([{ from: 'امين العام', to: ['غوتيريش'] }]);
  });

  it('gives the role every spelling a known group gives the name', () => {
    const entries = mineAppositions(
      [article('a', ['وقال وزير الخارجية الأمريكي ريكس تريلسون في المؤتمر'])],
      [['تيلرسون', 'تريلسون', 'Tillerson']],
    );
    expect(entries).toEqual([{ from: 'وزير الخارجيه الامريكي', to: ['تيلرسون', 'تريلسون', 'Tillerson'] }]);
  });

  it('keeps the names seen at least a fifth as often as the most frequent one', () => {
    const texts = [
      ...Array.from({ length: 5 }, () => 'قال رئيس الوزراء التركي أحمد داود أوغلو إن'),
      'قال رئيس الوزراء التركي أحمد داود قال',
      'قال رئيس الوزراء التركي نعمان قورتولموش إن',
    ];
    expect(mineTextAppositions(texts)).toEqual([{ from: 'رييس الوزراء التركي', to: ['اوغلو', 'قال', 'قورتولموش'] }]);
    texts.push(...Array.from({ length: 6 }, () => 'قال رئيس الوزراء التركي أحمد داود أوغلو إن'));
    expect(mineTextAppositions(texts)).toEqual([{ from: 'رييس الوزراء التركي', to: ['اوغلو'] }]);
  });

  it('keeps only the most frequent names of a role', () => {
    const surnames = [...'ابتثجحخدذرزسش'].slice(0, MAX_NAMES_PER_ROLE + 3).map((letter) => `بخ${letter}ون`);
    const texts = surnames.map((surname) => `قال المتحدث باسم الحكومة سمير ${surname} في بيان`);
    texts.push(`قال المتحدث باسم الحكومة سمير ${surnames.at(-1)} في بيان`);
    const entries = mineTextAppositions(texts);
    expect(entries).toHaveLength(1);
    const { to } = entries[0] as OneWaySynonym;
    expect(to).toHaveLength(MAX_NAMES_PER_ROLE);
    expect(to[0]).toBe(surnames.at(-1));
  });

  it('keeps the counts a reload updates equal to counting again', () => {
    const before = ['وقال وزير الخارجية الأمريكي ريكس تيلرسون إن', 'ورحب وزير الخارجية الأميركي أنتوني بلينكن بالوفود'];
    const after = ['ورحب وزير الخارجية الأميركي أنتوني بلينكن بالوفود', 'وقال وزير الخارجية الأمريكي مايك بومبيو إن'];
    const updated = countAppositions([after[1]!], countAppositions([before[0]!], copyCounts(countAppositions(before)), -1));
    expect(countRows(updated)).toEqual(countRows(countAppositions(after)));
    expect(countsFromRows(countRows(updated))).toEqual(updated);
  });

  it('mines no English article', () => {
    expect(mineAppositions([article('e', ['Secretary of State Rex Tillerson said'], 'en')])).toEqual([]);
  });
});
