import { describe, expect, it } from 'vitest';
import { ENGLISH_FRAME_WORDS } from '../../src/search/english-frame-words.js';

describe('ENGLISH_FRAME_WORDS', () => {
  it.each([
    ['a generic verb of the SMART list', 'known'],
    ['a past form the SMART list gives', 'took'],
    ['a passive', 'used'],
    ['an adverb of time', 'currently'],
    ['a category noun of a question', 'name'],
    ['a verb of naming', 'called'],
    ['a category noun', 'type'],
  ])('holds %s: %s', (_what, word) => {
    expect(ENGLISH_FRAME_WORDS.has(word)).toBe(true);
  });

  it.each([['coalition'], ['ministers'], ['countries'], ['summit'], ['fighters'], ['washington'], ['threat'], ['group']])(
    'leaves out the content word %s',
    (word) => {
      expect(ENGLISH_FRAME_WORDS.has(word)).toBe(false);
    },
  );

  it('has no word with an apostrophe (a question is split into words without them)', () => {
    expect([...ENGLISH_FRAME_WORDS].filter((w) => !/^[a-z]+$/.test(w))).toEqual([]);
  });
});
