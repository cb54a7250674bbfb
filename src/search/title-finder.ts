import { Encoder, Index } from 'flexsearch';
import { normalizeText, splitWords } from '../text/index.js';

/** و/ف, then ب/ل/ك, then the article: «وبالكويت» is also found as «الكويت» and «كويت». */
const LEADING_PARTICLES = /^(?:[وف]?[بلك]?ال|[وف]?[بلك]|[وف])(?=\p{L}{3})/u;

/** A title's words, each also without the particles fused to its front. */
function wordsOf(text: string): string {
  return splitWords(text)
    .flatMap((word) => {
      const bare = word.replace(LEADING_PARTICLES, '');
      return bare === word ? [word] : [word, bare];
    })
    .join(' ');
}

/**
 * Type-ahead over article titles (Discord's autocomplete of /source): FlexSearch
 * with forward tokenization finds a title by the beginning of each word typed,
 * after our normalization (hamza, ة/ه, ى/ي, tashkeel, digits), so «اجتما»
 * finds «إجتماع» and «باجتماع». Words are not stemmed: one being typed is not
 * a word yet. FlexSearch's own encoder would cut Arabic words at hamza and
 * tashkeel, hence ours.
 */
export class TitleFinder {
  private readonly index: Index;

  constructor(titles: readonly string[]) {
    const encoder = new Encoder({
      normalize: (text: string) => normalizeText(text),
      // the words, space-separated: FlexSearch then splits on a plain space, not a Unicode regex
      prepare: wordsOf,
      split: ' ',
      numeric: false, // it would split "2018" into "201" + "8"
      dedupe: false, // it collapses doubled letters: "حقق" → "حق"
      rtl: false,
      cache: false, // its cache keeps a timer alive
    });
    this.index = new Index({ tokenize: 'forward', encoder });
    titles.forEach((title, i) => this.index.add(i, title));
  }

  /** Positions of the titles holding a word that begins with each word typed, at most `limit`. */
  find(typed: string, limit: number): number[] {
    return this.index.search(typed, { limit }) as number[];
  }
}
