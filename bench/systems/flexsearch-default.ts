import { Index } from 'flexsearch';
import type { SearchSystem } from './system.js';
import { titledText } from './titled-text.js';

/**
 * What a naive user gets: `new Index()` and `index.search(query, limit)`, as in
 * the "Basic Usage" section of the FlexSearch 0.8 README
 * (https://github.com/nextapps-de/flexsearch#basic-usage-and-variants).
 * Without `suggest`, a multi-word query only returns passages holding every
 * word, and the default encoder's NFKD normalization cuts words at every
 * hamza (أ إ آ ؤ ئ decompose into a letter and a combining mark, and the split
 * keeps letters only: "الرئيس" → "الري" + "يس"). Both are what the defaults do
 * to Arabic.
 */
export const flexsearchDefault: SearchSystem = {
  name: 'flexsearch-default',
  ours: false,
  config: 'FlexSearch 0.8 new Index() (default encoder, tokenize "strict", resolution 9); search(q, 10); title prepended to text',
  build(passages) {
    const index = new Index();
    passages.forEach((passage, i) => index.add(i, titledText(passage)));
    return {
      search: (question, limit) => index.search(question, limit) as number[],
    };
  },
};
