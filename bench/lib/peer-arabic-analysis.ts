import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { normalizeArabic } from './arabic-normalizer.js';

/**
 * What an operator adds to a peer for Arabic from public, documented parts:
 * - the Arabic stop-word list that ships with lunr-languages (lunr.ar.js),
 *   read from the installed package rather than copied here;
 * - the light stemmer of Lucene's ArabicStemmer (Elasticsearch's `arabic`
 *   analyzer, after Larkey, Ballesteros & Connell 2002): one definite-article
 *   prefix or و, then each listed suffix once, keeping at least two letters.
 * Deliberately NOT our src/text pipeline.
 */

const require = createRequire(import.meta.url);

function lunrArabicStopWords(): Set<string> {
  const source = readFileSync(require.resolve('lunr-languages/lunr.ar.js'), 'utf8');
  const list = /lunr\.ar\.stopWordFilter\s*=\s*lunr\.generateStopWordFilter\('([^']*)'/.exec(source)?.[1];
  if (!list) throw new Error('lunr-languages/lunr.ar.js no longer holds its stop-word list where expected');
  return new Set(list.split(' ').filter(Boolean).map(normalizeArabic));
}

export const PEER_ARABIC_STOPWORDS: ReadonlySet<string> = lunrArabicStopWords();

const PREFIXES = ['ال', 'وال', 'بال', 'كال', 'فال', 'لل', 'و'];
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ية', 'ه', 'ة', 'ي'];

/** Lucene's ArabicStemmer.stem, on normalized text. */
export function luceneArabicStem(word: string): string {
  let s = word;
  for (const prefix of PREFIXES) {
    const minimum = prefix === 'و' ? 3 : prefix.length + 1;
    if (s.startsWith(prefix) && s.length > minimum) {
      s = s.slice(prefix.length);
      break;
    }
  }
  for (const suffix of SUFFIXES) {
    if (s.endsWith(suffix) && s.length > suffix.length + 1) s = s.slice(0, -suffix.length);
  }
  return s;
}

/** A term as the peers index it, or null for a stop word. */
export function peerArabicTerm(term: string): string | null {
  const normalized = normalizeArabic(term);
  if (PEER_ARABIC_STOPWORDS.has(normalized)) return null;
  return luceneArabicStem(normalized);
}
