import MiniSearch from 'minisearch';
import { peerArabicTerm } from '../lib/peer-arabic-analysis.js';
import type { SearchSystem } from './system.js';

/**
 * MiniSearch as its README sets it up for a language of its own:
 * - "Term processing": `processTerm` normalizes every term and may drop it
 *   (returning null): here the plain Arabic normalizer, lunr-languages' Arabic
 *   stop words and Lucene's Arabic light stemmer (lib/peer-arabic-analysis.ts),
 *   at indexing and, by default, at search;
 *   the default tokenizer ("Tokenization") already splits on Unicode spaces and
 *   punctuation, so "؟" and "،" separate words;
 * - "Search options": `boost: { title: 2 }`, the README's own example of
 *   field boosting; ranking is its default BM25+, combining terms with OR.
 * No prefix or fuzzy search: on Arabic clitics they add noise and cost time.
 */
export const minisearchArabic: SearchSystem = {
  name: 'minisearch-ar',
  ours: false,
  config:
    'MiniSearch 7 fields [title, text], processTerm: Arabic normalizer + lunr-languages ar stop words + Lucene Arabic light stemmer, searchOptions { boost: { title: 2 } }, default BM25, OR',
  build(passages) {
    const index = new MiniSearch<{ id: number; title: string; text: string }>({
      fields: ['title', 'text'],
      processTerm: (term) => peerArabicTerm(term),
      searchOptions: { boost: { title: 2 } },
    });
    index.addAll(passages.map((passage, id) => ({ id, title: passage.title ?? '', text: passage.text })));
    return {
      search: (question, limit) =>
        index
          .search(question)
          .slice(0, limit)
          .map((result) => result.id as number),
    };
  },
};
