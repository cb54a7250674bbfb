import { describe, expect, it } from 'vitest';
import { pastsOfImperative } from '../../src/lexicon/imperative.js';

describe('pastOfImperative', () => {
  it.each([
    ['خن', ['خان', 'وخن']],
    ['صل', ['صال', 'وصل']],
    ['احضر', ['حضر']],
    ['ادفع', ['دفع']],
  ])('%s may come from %j', (imperative, pasts) => {
    expect(pastsOfImperative(imperative)).toEqual(pasts);
  });

  it.each([
    ['الحضور'], // a noun with the article
    ['الم'], // three letters
    ['يد'], // a long vowel: not a hollow verb's imperative
    ['حضر'], // already a past
    ['استلم'],
    ['احضر الكتاب'],
  ])('leaves %s alone', (word) => {
    expect(pastsOfImperative(word)).toEqual([]);
  });
});
