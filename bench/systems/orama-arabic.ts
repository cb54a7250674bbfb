import { create, insertMultiple, search } from '@orama/orama';
import { language, stemmer } from '@orama/stemmers/arabic';
import type { SearchSystem } from './system.js';

/**
 * Orama 3 with its Arabic language and stemmer, as its docs set it up
 * (docs.orama.com/open-source/text-analysis/stemming and the @orama/stemmers
 * README): `components.tokenizer = { language, stemming: true, stemmer }` with
 * `language` and `stemmer` from `@orama/stemmers/arabic`. Its Arabic splitter is
 * `/[^a-z0-9أ-ي]+/` (components/tokenizer/languages.ts), so ء, آ and tashkeel
 * split words: that is Orama's own Arabic setup, and no normalizer is added, by
 * design. Search: default BM25 relevance, OR of the terms (default threshold 1),
 * and `boost: { title: 2 }` as on docs.orama.com/open-source/usage/search/fields-boosting.
 */
export const oramaArabic: SearchSystem = {
  name: 'orama-ar',
  ours: false,
  config:
    'Orama 3 schema { title, text: "string" }, tokenizer { language: "arabic", stemming: true, stemmer: @orama/stemmers/arabic }; search { term, limit: 10, boost: { title: 2 } }',
  async build(passages) {
    const db = create({
      schema: { title: 'string', text: 'string' } as const,
      components: { tokenizer: { language, stemming: true, stemmer } },
    });
    await insertMultiple(
      db,
      passages.map((passage, i) => ({ id: String(i), title: passage.title ?? '', text: passage.text })),
    );
    return {
      async search(question, limit) {
        const results = await search(db, { term: question, limit, boost: { title: 2 } });
        return results.hits.map((hit) => Number(hit.id));
      },
    };
  },
};
