import { describe, expect, it } from 'vitest';
import { EnglishPhrases, shippedLexicon } from '../../src/lexicon/index.js';
import { normalizeText, splitWords } from '../../src/text/index.js';

const phrases = EnglishPhrases.parse(
  'take part\tparticipate\ntake place\thappen,occur\nset up\testablish,found\nget in touch\tconnect\nget in\tenter\n',
);
const wordsOf = (question: string) => splitWords(normalizeText(question));

describe('EnglishPhrases.find', () => {
  it.each([
    ['How many countries took part in the meeting?', [['take part', 3, 4]]],
    ['When is the summit taking place?', [['take place', 4, 5]]],
    ['Who sets up the working group?', [['set up', 1, 2]]],
    [
      'When was the coalition set up and where did it take place?',
      [
        ['set up', 4, 5],
        ['take place', 10, 11],
      ],
    ],
    ['Did they get in touch with Iraq?', [['get in touch', 2, 4]]],
    ['Did they get in the car?', [['get in', 2, 3]]],
    ['Which part did they take?', []],
    ['What took the most part?', []],
    ['TAKE PART', [['take part', 0, 1]]],
  ])('%s', (question, expected) => {
    expect(phrases.find(wordsOf(question)).map((m) => [m.phrase, m.first, m.last])).toEqual(expected);
  });

  it('gives the one-word verbs a phrase is translated through', () => {
    expect(phrases.find(wordsOf('took part'))[0]?.synonyms).toEqual(['participate']);
  });

  it('finds nothing with an empty list', () => {
    expect(new EnglishPhrases().find(wordsOf('took part'))).toEqual([]);
  });
});

describe('the shipped phrase list (lexicon/eng-phrases.tsv)', () => {
  it("is loaded with the lexicon and says what a light verb's phrase means", () => {
    const { phrases: shipped } = shippedLexicon();
    expect(shipped.size).toBeGreaterThan(100);
    expect(shipped.find(['took', 'part'])[0]?.synonyms).toContain('participate');
    expect(shipped.find(['set', 'up'])[0]?.synonyms).toContain('establish');
    // a verb that means something itself is found through that verb
    expect(shipped.find(['depend', 'on'])).toEqual([]);
    // one that means a generic verb ("happen") is left to its words, of which "take" says how the question asks
    expect(shipped.find(['take', 'place'])).toEqual([]);
  });
});
