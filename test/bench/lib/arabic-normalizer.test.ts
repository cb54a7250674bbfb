import { describe, expect, it } from 'vitest';
import { normalizeArabic } from '../../../bench/lib/arabic-normalizer.js';

describe('normalizeArabic (the peers’ plain normalizer)', () => {
  it('folds hamza-on-alef and teh marbuta in a corpus sentence, leaving other letters and digits alone', () => {
    expect(normalizeArabic('أعلن نائب رئيس مجلس الوزراء وزير الخارجية الشيخ صباح الخالد أمس، مشاركة 75 جهة ومنظمة دينية')).toBe(
      'اعلن نائب رئيس مجلس الوزراء وزير الخارجيه الشيخ صباح الخالد امس، مشاركه 75 جهه ومنظمه دينيه',
    );
  });

  it.each([
    ['tashkeel', 'أَعْلَنَ الشَّيْخُ', 'اعلن الشيخ'],
    ['tatweel', 'الخـــالد', 'الخالد'],
    ['hamza below and madda', 'إجتماع آليات', 'اجتماع اليات'],
    ['alef maksura', 'مصطفى', 'مصطفي'],
    ['Latin capitals', 'داعش ISIS', 'داعش isis'],
  ])('removes or folds %s: %s → %s', (_, input, expected) => {
    expect(normalizeArabic(input)).toBe(expected);
  });

  it('gives a word with and without diacritics the same form', () => {
    expect(normalizeArabic('التَّحَالُفُ الدَّوْلِيُّ')).toBe(normalizeArabic('التحالف الدولي'));
  });

  it('does no stemming: prefixes and the article stay on the word', () => {
    expect(normalizeArabic('وللتحالف بالكويت')).toBe('وللتحالف بالكويت');
  });
});
