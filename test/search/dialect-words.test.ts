import { describe, expect, it } from 'vitest';
import { dialectStems, standardWordsFor } from '../../src/search/dialect-words.js';

describe('standardWordsFor', () => {
  it.each([
    ['هتخلص', 'انتهاء'], // Egyptian future: «امتى هتخلص المهمة؟»
    ['بتخلص', 'نهاية'], // Levantine present
    ['حكى', 'قال'], // Levantine "said"
    ['بيحكي', 'قال'],
    ['حكا', 'تحدث'], // spelled with alif
    ['بدو', 'يسعى'], // "wants"
    ['الجاي', 'المقبل'], // "next"
    ['الجايه', 'القادمة'],
    ['فلوس', 'أموال'], // "money"
    ['مصاري', 'تمويل'],
    ['امبارح', 'أمس'],
    ['تلاتة', 'ثلاثة'], // ة typed
  ])('%s → %s among them', (dialect, standard) => {
    expect(standardWordsFor(dialect)).toContain(standard);
  });

  it.each(['اجتماع', 'التحالف', 'قال', 'مهمة'])('none for a Standard word: %s', (word) => {
    expect(standardWordsFor(word)).toEqual([]);
  });
});

describe('dialectStems', () => {
  it.each([
    ['بيحكي', 'حكي'], // the present's «ب» and the person's «ي»
    ['عميحكي', 'حكي'], // «عم» typed fused
    ['هتخلص', 'خلص'], // Egyptian future
    ['رحيخلص', 'خلص'], // Levantine future typed fused
    ['بيخلصوا', 'خلص'], // plural
  ])('%s → %s among them', (word, stem) => {
    expect(dialectStems(word)).toContain(stem);
  });

  it('keeps the word as typed first', () => {
    expect(dialectStems('تلاتين')[0]).toBe('تلاتين');
  });
});
