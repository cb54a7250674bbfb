import { describe, expect, it } from 'vitest';
import { hasArabicLetter, normalizeText } from '../../src/text/index.js';

describe('normalizeText', () => {
  it.each([
    ['removes tashkeel', 'وَزِيرُ الخَارِجِيَّةِ', 'وزير الخارجيه'],
    ['removes tatweel', 'الـ٢٠٠ مليون', 'ال200 مليون'],
    ['maps hamza forms on alef to a bare alef', 'أكد إجتماع آليات ٱلتحالف', 'اكد اجتماع اليات التحالف'],
    ['maps ؤ to و and ئ to ي', 'مؤتمر النتائج', 'موتمر النتايج'],
    ['maps taa marbuta to ha', 'القمة الخليجية', 'القمه الخليجيه'],
    ['maps alef maqsura to ya', 'مصطفى اليحيى', 'مصطفي اليحيي'],
    ['maps Arabic-Indic digits', '٧٥ دولة', '75 دوله'],
    ['maps Persian digits', '۲۰۱۸', '2018'],
    ['maps Persian yeh and keheh', 'کویتی', 'كويتي'],
    ['unfolds presentation forms (NFKC)', 'ﻻ', 'لا'],
    ['drops zero-width and bidi controls', 'داع\u200Bش\u202E', 'داعش'],
    ['lower-cases Latin', 'Rex Tillerson', 'rex tillerson'],
    ['takes the accents off Latin letters', 'Temüjin married Börte in Dénia', 'temujin married borte in denia'],
    ['keeps Latin letters with no plain form', 'Øresund Straße', 'øresund straße'],
    ['leaves hamza on Arabic letters to the Arabic map', 'أكد مؤتمر', 'اكد موتمر'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('is idempotent on a corpus sentence', () => {
    const sentence = 'وذكر تريسلون الذي تعهد بتقديم 200 مليون دولار في افتتاح المؤتمر، أن هذه الأموال متعلقة بتحقيق الاستقرار';
    expect(normalizeText(normalizeText(sentence))).toBe(normalizeText(sentence));
  });

  it('tells Arabic text from Latin text', () => {
    expect(hasArabicLetter('داعش')).toBe(true);
    expect(hasArabicLetter('ISIS 2018')).toBe(false);
  });
});
