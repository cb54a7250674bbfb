import { Encoder, Index } from 'flexsearch';
import { normalizeArabic } from '../lib/arabic-normalizer.js';
import { luceneArabicStem, PEER_ARABIC_STOPWORDS } from '../lib/peer-arabic-analysis.js';
import type { SearchSystem } from './system.js';
import { titledText } from './titled-text.js';

/**
 * FlexSearch set up for Arabic by an operator who read its docs:
 * - doc/encoder.md ("Adding custom functions to the encoder pipeline"): a custom
 *   `normalize` function replaces the default NFKD charset normalization, so
 *   hamza forms, tashkeel and tatweel are folded before the text is split into
 *   letter/number runs (the encoder's default `include`); its `filter` takes a
 *   stop-word set (lunr-languages' Arabic list) and `finalize` a function over
 *   the terms (Lucene's Arabic light stemmer), both from lib/peer-arabic-analysis.ts;
 * - README "Tokenizer": `tokenize: "strict"` indexes whole words (Arabic
 *   prefixes make the partial tokenizers match almost everything);
 * - README "Suggestions": `suggest: true` at query time, so a question whose
 *   words are not all in one passage still returns the closest passages
 *   instead of nothing.
 * Everything else stays at its documented default (resolution 9, dedupe, cache).
 */
export const flexsearchArabic: SearchSystem = {
  name: 'flexsearch-ar',
  ours: false,
  config:
    'FlexSearch 0.8 Index({ tokenize: "strict", encoder: new Encoder({ normalize: Arabic normalizer, filter: lunr-languages ar stop words, finalize: Lucene Arabic light stemmer }) }); search(q, { limit: 10, suggest: true }); title prepended to text',
  build(passages) {
    const encoder = new Encoder({
      normalize: normalizeArabic,
      filter: PEER_ARABIC_STOPWORDS as Set<string>,
      finalize: (terms: string[]) => terms.map(luceneArabicStem),
    });
    const index = new Index({ tokenize: 'strict', encoder });
    passages.forEach((passage, i) => index.add(i, titledText(passage)));
    return {
      search: (question, limit) => index.search(question, { limit, suggest: true }) as number[],
    };
  },
};
