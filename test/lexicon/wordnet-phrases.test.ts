import { describe, expect, it } from 'vitest';
import { verbPhrases } from '../../src/lexicon/wordnet-phrases.js';

// A few lines in WordNet 3.0's own format (index.verb, data.verb), license header included.
const HEADER = '  1 This software and database is being provided to you, the LICENSEE, by\n  2 Princeton University\n';
const INDEX = `${HEADER}take_part v 1 1 @ 1 1 00000010  
set_up v 2 1 @ 2 2 00000020 00000030  
team_up v 1 1 @ 1 0 00000040  
depend_on v 1 1 @ 1 0 00000050  
take_a_breath_of_air v 1 1 @ 1 0 00000060  
take v 1 1 @ 1 1 00000070  
make_up v 1 1 @ 1 0 00000080  
`;
const DATA = `${HEADER}00000010 41 v 02 participate 0 take_part 0 001 @ 00000070 v 0000 01 + 08 00 | share in something
00000020 36 v 04 establish 0 found 0 plant 0 set_up 0 000 01 + 08 00 | set up or found
00000030 36 v 02 arrange 0 set_up 1 000 01 + 08 00 | put into a proper order
00000040 41 v 02 team 0 team_up 0 000 01 + 08 00 | form a team
00000050 31 v 02 rely 0 depend_on 0 000 01 + 08 00 | have confidence in
00000060 29 v 01 take_a_breath_of_air 0 000 01 + 08 00 | breathe
00000070 40 v 01 take 0 000 01 + 08 00 | get into one's hands
00000080 42 v 03 constitute 0 Comprise(a) 0 make_up 0 000 01 + 08 00 | form or compose
`;

describe('verbPhrases', () => {
  const translated = new Set(['participate', 'establish', 'found', 'arrange', 'team', 'rely', 'constitute', 'comprise']);
  const phrases = verbPhrases(INDEX, DATA, (word) => translated.has(word));

  it.each([
    ['take part', ['participate']],
    // the most frequent sense only, and its one-word lemmas the dictionary translates ("plant" is not)
    ['set up', ['establish', 'found']],
    ['make up', ['constitute', 'comprise']],
  ])('%s → %j', (phrase, synonyms) => {
    expect(phrases.get(phrase)).toEqual(synonyms);
  });

  it.each([
    ['team up', 'its only synonym is its own verb'],
    ['depend on', 'its verb means something itself'],
    ['take a breath of air', 'longer than three words'],
    ['take', 'one word'],
  ])('leaves out %s: %s', (phrase) => {
    expect(phrases.has(phrase)).toBe(false);
  });
});
