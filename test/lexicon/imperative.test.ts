import { describe, expect, it } from 'vitest';
import { pastOfImperative } from '../../src/lexicon/imperative.js';

describe('pastOfImperative', () => {
  it.each([
    ['خن', 'خان'],
    ['بع', 'باع'],
    ['احضر', 'حضر'],
    ['ادفع', 'دفع'],
  ])('%s → %s', (imperative, past) => {
    expect(pastOfImperative(imperative)).toBe(past);
  });

  it.each([
    ['الحضور'], // a noun with the article
    ['الم'], // three letters
    ['يد'], // a long vowel: not a hollow verb's imperative
    ['حضر'], // already a past
    ['استلم'],
    ['احضر الكتاب'],
  ])('leaves %s alone', (word) => {
    expect(pastOfImperative(word)).toBeUndefined();
  });
});
