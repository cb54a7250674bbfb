import { describe, expect, it } from 'vitest';
import { TypoNeighbors, withinOneEdit } from '../../src/search/typo-neighbors.js';
import { Vocabulary } from '../../src/search/vocabulary.js';

describe('withinOneEdit', () => {
  it.each([
    ['تيلرسون', 'تليرسون', true], // two letters swapped
    ['كمياء', 'كيمياء', true], // one letter left out
    ['يواججه', 'يواجه', true], // one letter doubled
    ['تريلس', 'تريسل', true],
    ['اجتماع', 'اجتماع', false], // the same word is not a typo of itself
    ['تريلسون', 'تيلرسون', false], // two edits
    ['باريس', 'بغداد', false],
  ])('%s ~ %s: %s', (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
  });
});

describe('TypoNeighbors', () => {
  const vocabulary = new Vocabulary();
  for (const term of ['كيمياء', 'كيمياوي', 'يواجه', 'تليرس', 'تيلرس', 'اجتماع']) vocabulary.intern(term);
  vocabulary.countPassage([0, 2, 3]);
  vocabulary.countPassage([0, 3]);
  const neighbors = new TypoNeighbors(vocabulary);

  it('finds the terms one edit away, the most common first, whatever letter the typo hit', () => {
    expect(neighbors.of('كمياء')).toEqual(['كيمياء']);
    expect(neighbors.of('يواججه')).toEqual(['يواجه']);
    expect(neighbors.of('تلرس')).toEqual(['تليرس', 'تيلرس']);
    expect(neighbors.of('ليمياء')).toEqual(['كيمياء']); // the first letter
  });

  it('does not guess for short words', () => {
    expect(neighbors.of('كيم')).toEqual([]);
  });
});
