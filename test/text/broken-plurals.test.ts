import { describe, expect, it } from 'vitest';
import { brokenPluralForms } from '../../src/text/index.js';

describe('brokenPluralForms', () => {
  it.each([
    ['مال', 'اموال'],
    ['طفل', 'اطفال'],
    ['قلب', 'قلوب'],
    ['اموال', 'مال'],
    ['اطفال', 'طفل'],
    ['قلوب', 'قلب'],
  ])('guesses the other number of %s: %s', (stem, other) => {
    expect(brokenPluralForms(stem)).toContain(other);
  });

  it('guesses nothing for a long stem with no broken-plural pattern', () => {
    expect(brokenPluralForms('اجتماع')).toEqual([]);
  });
});
