import { describe, expect, it } from 'vitest';
import { MIN_STEM_LENGTH, normalizeText, stemArabic } from '../../src/text/index.js';

const stem = (word: string) => stemArabic(normalizeText(word));

describe('stemArabic', () => {
  it.each([
    // the definite article and the particles fused to it
    ['الاجتماع', 'اجتماع'],
    ['والاجتماعات', 'اجتماع'],
    ['بالكويت', 'كويت'],
    ['للتحالف', 'تحالف'],
    ['فالتحالف', 'تحالف'],
    ['كالتنظيم', 'تنظيم'],
    // suffixes: plurals, duals, nisba, pronouns, feminine ending, tanween alef
    ['المؤتمرات', 'موتمر'],
    ['الخليجية', 'خليج'],
    ['الأمريكي', 'امريك'],
    ['جلستين', 'جلس'],
    ['اجتماعهم', 'اجتماع'],
    ['اجتماعا', 'اجتماع'],
    ['مالياً', 'مال'],
    // country names and their adjectives meet: سوريا / سورية
    ['سوريا', 'سور'],
    ['سورية', 'سور'],
    ['أمريكا', 'امريك'],
  ])('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it.each(['ضد', 'قال', 'دول', 'قوة', 'حرب'])('leaves short words whole: %s', (word) => {
    expect(stem(word)).toBe(normalizeText(word));
  });

  it('never shortens a word below three letters', () => {
    const words = 'الامن بها ابنه اليه منها هناك وهي ايار ستون جيشها الدول قواتها'.split(' ');
    for (const word of words) {
      const result = stem(word);
      expect(result.length, `${word} → ${result}`).toBeGreaterThanOrEqual(Math.min(MIN_STEM_LENGTH, normalizeText(word).length));
    }
  });

  it('does not strip a single و, ف, ب, ك or ل on its own (root letters look the same)', () => {
    expect(stem('وزير')).toBe('وزير');
    expect(stem('برنامج')).toBe('برنامج');
  });
});
