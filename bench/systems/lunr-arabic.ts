import lunr from 'lunr';
import lunrArabic from 'lunr-languages/lunr.ar.js';
import lunrStemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import type { SearchSystem } from './system.js';

lunrStemmerSupport(lunr);
lunrArabic(lunr);

/** What lunr-languages adds to lunr; @types/lunr does not know it. */
interface LunrWithArabic {
  ar: lunr.Builder.Plugin & { trimmer: lunr.PipelineFunction; stopWordFilter: lunr.PipelineFunction };
}
const { ar } = lunr as unknown as LunrWithArabic;

/**
 * lunr 2 with lunr-languages' Arabic support, as its README shows
 * (`require('lunr-languages/lunr.stemmer.support')(lunr)`,
 * `require('lunr-languages/lunr.ar')(lunr)`, then `this.use(lunr.ar)`): an
 * Arabic trimmer, stop-word filter and stemmer at indexing, the stemmer at search.
 *
 * Questions go through the query builder, not `idx.search(text)`: lunr's guide
 * ("Searching", lunrjs.com/guides/searching.html) reserves `- + ~ ^ :` in query
 * strings, and user questions contain them (many ARCD questions start with
 * "- ", which would mean "must not contain"). Each word is trimmed and
 * stop-filtered by the same lunr.ar functions the index used, so "الكويت؟"
 * is looked up as "الكويت"; lunr then applies its search pipeline (the stemmer).
 * Title boost 2 (Builder#field attributes.boost), the same weight as the other peers.
 */
export const lunrArabicSystem: SearchSystem = {
  name: 'lunr-ar',
  ours: false,
  config:
    'lunr 2 + lunr-languages ar (trimmer, stop words, stemmer); fields title (boost 2) and text; query builder with the trimmed, stop-filtered words',
  build(passages) {
    const index = lunr(function () {
      this.use(ar);
      this.ref('id');
      this.field('title', { boost: 2 });
      this.field('text');
      passages.forEach((passage, id) => this.add({ id: String(id), title: passage.title ?? '', text: passage.text }));
    });
    const queryPipeline = new lunr.Pipeline();
    queryPipeline.add(ar.trimmer, ar.stopWordFilter);
    return {
      search(question, limit) {
        const words = queryPipeline.run(lunr.tokenizer(question));
        if (words.length === 0) return [];
        return index
          .query((query) => query.term(words, {}))
          .slice(0, limit)
          .map((result) => Number(result.ref));
      },
    };
  },
};
