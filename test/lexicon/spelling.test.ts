import { describe, expect, it } from 'vitest';
import { shippedLexicon } from '../../src/lexicon/index.js';
import { oneEditAway } from '../../src/lexicon/spelling.js';

describe('oneEditAway', () => {
  const words = new Set(['countries', 'coalition', 'collision', 'meeting', 'meting', 'kuwait']);
  const known = (w: string) => words.has(w);
  it.each([
    ['two letters swapped', 'countires', ['countries']],
    ['a letter changed', 'coalision', ['coalition', 'collision']],
    ['a letter left out', 'meting', ['meeting']],
    ['a letter added', 'meeeting', ['meeting']],
    ['two keystrokes away', 'coalitoins', []],
    ['the word itself', 'kuwait', []],
  ])('%s: %s', (_what, word, expected) => {
    expect(oneEditAway(word, known)).toEqual(expected);
  });
});

describe('Lexicon spelling', () => {
  const lexicon = shippedLexicon();
  it('knows a word by itself, its dictionary form or its irregular base, not by its relatives only', () => {
    expect(lexicon.knows('meetings')).toBe(true);
    expect(lexicon.knows('held')).toBe(true);
    expect(lexicon.knows('countires')).toBe(false);
  });

  it('gives the headwords a keystroke from a misspelled word', () => {
    expect(lexicon.spellingNeighbors('countires')).toEqual(['countries']);
    expect(lexicon.spellingNeighbors('coalision')).toEqual(expect.arrayContaining(['coalition', 'collision']));
  });
});
