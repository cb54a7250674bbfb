import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/text/index.js';

const analyzer = createAnalyzer();

describe('the text pipeline', () => {
  it.each([
    ['diacritics', 'كَيْفَ وَصَفَ وَزِيرُ الخَارِجِيَّةِ الأَمْرِيكِيُّ قُوَّةَ التَّنْظِيمِ', 'كيف وصف وزير الخارجية الامريكي قوة التنظيم'],
    ['hamza written or not', 'متى إنعقد إجتماع وزراء خارجية التحالف في الكويت؟', 'متى انعقد اجتماع وزراء خارجية التحالف في الكويت'],
    ['ة written as ه', 'متى ستعقد القمه الخليجيه الامريكيه؟', 'متى ستعقد القمة الخليجية الأمريكية؟'],
    ['ى written as ي', 'مصطفي الكاظمي', 'مصطفى الكاظمي'],
    ['Arabic-Indic digits', 'الـ٢٠٠ مليون دولار', 'الـ200 مليون دولار'],
    ['tatweel', 'التحـــالف الدولـي', 'التحالف الدولي'],
    ['presentation forms', 'ﻻيزال', 'لايزال'],
  ])('reads a question the same way with or without %s', (_variant, a, b) => {
    expect(analyzer.terms(a)).toEqual(analyzer.terms(b));
  });

  it('drops question words and dialect function words', () => {
    expect(analyzer.terms('شو قال تيلرسون عن العراق؟')).toEqual(analyzer.terms('قال تيلرسون العراق'));
    expect(analyzer.terms('مين اللي كان رئيس وفد الكويت')).toEqual(analyzer.terms('رئيس وفد الكويت'));
    expect(analyzer.terms('ايش صار وين قديش ليش امتى')).toEqual([]);
  });

  it.each([
    ['ليش ظهر داعش حسب تيلرسون؟', 'ظهر داعش تيلرسون'],
    ['ما هي المبادئ بحسب البيان الختامي؟', 'المبادئ البيان الختامي'],
    ['ماذا يحدث وفقاً للاتفاق؟', 'يحدث للاتفاق'],
    ['ماذا يحدث وفق الاتفاق؟', 'يحدث الاتفاق'],
  ])('drops "according to", which says whose words, not what about: %s', (question, content) => {
    expect(analyzer.terms(question)).toEqual(analyzer.terms(content));
  });

  // «هنأ» folds into «هنا» (here), «فئة» into «فيه» (in it): the hamza typed says it is the other word, and stays as «ء»
  it.each([
    ['على ماذا هنأ الوزير نظيره؟', 'هنء', true],
    ['على ماذا هَنَّأَ الوزير نظيره؟', 'هنء', true],
    ['على ماذا هنا الوزير نظيره؟', 'هنا', false], // typed without the hamza: the stop word
    ['فئة الشباب', 'فءه', true],
    ['من هؤلاء الوزراء؟', 'هولاء', false], // a listed function word, typed as listed
    ['لأن الاجتماع انعقد', 'لان', false],
  ])('%s: %s kept? %s', (text, norm, kept) => {
    const token = analyzer.analyze(text).find((t) => t.norm === norm);
    expect(token !== undefined).toBe(kept);
  });

  it('gives the same terms through terms() as through analyze(), as the index has them', () => {
    for (const text of ['على ماذا هنأ الوزير نظيره؟', 'فئة الشباب', 'من هؤلاء الوزراء؟']) {
      expect(analyzer.terms(text)).toEqual(analyzer.analyze(text).map((t) => t.term));
    }
  });

  it('keeps offsets: the word kept is quoted as typed', () => {
    const text = 'على ماذا هَنَّأَ الوزير';
    const token = analyzer.analyze(text)[0]!;
    expect(text.slice(token.start, token.end)).toBe('هَنَّأَ');
  });

  it('analyzes English with English stop words and stemming', () => {
    expect(analyzer.terms('How much money did Tillerson pledge in Kuwait?')).toEqual(['monei', 'tillerson', 'pledg', 'kuwait']);
  });

  it('reads "US" in capitals as the country, not the pronoun', () => {
    expect(analyzer.terms('US troops')).toEqual(['usa', 'troop']);
    expect(analyzer.terms('tell us')).toEqual(['tell']);
  });

  it('gives each term the offsets of the word it came from', () => {
    const text = 'وشدد وزراء خارجية التحالف في ختام اجتماعهم اليوم (الثلاثاء) بالكويت';
    for (const token of analyzer.analyze(text)) {
      expect(token.term.length).toBeGreaterThan(0);
      expect(text.slice(token.start, token.end)).toMatch(/^[\p{L}\p{M}]+$/u);
    }
    expect(analyzer.analyze(text).map((t) => text.slice(t.start, t.end))).toContain('بالكويت');
  });
});
