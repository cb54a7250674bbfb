import { cliticCountKeys, type StemCounts, stemWithClitics } from './clitics.js';
import { stemEnglish } from './english-stemmer.js';
import { hasArabicLetter, normalizeText } from './normalize.js';
import { isStopword, keepFoldedHamza } from './stopwords.js';
import { splitWords, tokenize } from './tokenize.js';

/** A word of the text that carries meaning, with its index term. */
export interface Token {
  /** the index term ("اجتماع" for "والاجتماعات") */
  term: string;
  norm: string;
  start: number;
  end: number;
  position: number;
}

/**
 * The one text pipeline: normalize → split → drop stop words → stem. Indexing,
 * querying and FlexSearch's encoder all go through the same instance, so a
 * question and a passage always agree on what a word is.
 */
export interface Analyzer {
  /** Index term of one normalized word, or null for a stop word. */
  termOf(norm: string): string | null;
  /** Terms of a text with their offsets and positions. */
  analyze(text: string): Token[];
  /** Just the terms, in order. */
  terms(text: string): string[];
  /** Drops the per-word cache (after indexing a corpus, most of it will never be asked again). */
  forgetCache(): void;
}

const DIGITS = /^\p{N}+$/u;

/** "US troops": the country, which lower-casing would turn into the pronoun "us". */
const US_ACRONYM = /(?<![\p{L}.])(?:U\.S\.(?:A\.)?|USA?)(?![\p{L}])/gu;

/** Case-sensitive rewrites that must happen before normalization lower-cases everything (see tokenize.ts for the offset-keeping twin). */
export function beforeNormalization(text: string): string {
  return keepFoldedHamza(text.includes('U') ? text.replace(US_ACRONYM, ' USA ') : text);
}
const LATIN = /\p{Script=Latin}/u;
const TERM_CACHE_LIMIT = 500_000;

export interface AnalyzerOptions {
  /** Stem counts of the corpus, for telling fused particles from root letters. */
  stemCounts?: StemCounts;
}

/**
 * The stem counts an analyzer's termOf(norm) may read (see cliticCountKeys):
 * with other counts that agree on these, the word gets the same term.
 */
export function termCountKeys(norm: string): string[] {
  if (DIGITS.test(norm) || norm.length < 2 || isStopword(norm) || !hasArabicLetter(norm)) return [];
  return cliticCountKeys(norm);
}

export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  const { stemCounts } = options;
  const cache = new Map<string, string | null>();

  function computeTerm(norm: string): string | null {
    if (DIGITS.test(norm)) return norm.replace(/^0+(?=\d)/, '');
    if (norm.length < 2 || isStopword(norm)) return null;
    if (hasArabicLetter(norm)) return stemWithClitics(norm, stemCounts);
    if (LATIN.test(norm)) return stemEnglish(norm);
    return norm;
  }

  function termOf(norm: string): string | null {
    let term = cache.get(norm);
    if (term === undefined) {
      term = computeTerm(norm);
      if (cache.size >= TERM_CACHE_LIMIT) cache.clear();
      cache.set(norm, term);
    }
    return term;
  }

  function analyze(text: string): Token[] {
    const tokens: Token[] = [];
    for (const word of tokenize(text)) {
      const term = termOf(word.norm);
      if (term !== null) tokens.push({ term, ...word });
    }
    return tokens;
  }

  function terms(text: string): string[] {
    const out: string[] = [];
    for (const word of splitWords(normalizeText(beforeNormalization(text)))) {
      const term = termOf(word);
      if (term !== null) out.push(term);
    }
    return out;
  }

  return {
    termOf,
    analyze,
    terms,
    forgetCache: () => cache.clear(),
  };
}
