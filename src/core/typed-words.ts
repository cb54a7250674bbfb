import { type Analyzer, hasArabicLetter, normalizeText, splitWords, stripDefiniteArticle } from '../text/index.js';

/** A conjunction or preposition fused to a word without the article ("وشارك", "بتقديم"), leaving three letters or more. */
const FUSED_PARTICLE = /^[وفبل](?=.{3,})/;

/** Endings of gender, number and the dual ("المانحون" / "المانحة", "الأوروبيون" / "الأوروبي"): inflection, not another word. */
const INFLECTION = /(?:تين|تان|ات|ون|ين|ان|ه)$/;

/** Without its inflection ending, when three letters or more remain. */
function uninflected(word: string): string {
  const stem = word.replace(INFLECTION, '');
  return stem.length >= 3 ? stem : word;
}

/**
 * The forms under which a normalized word is the word as written: without
 * the article or a fused particle, and without an ending of gender or
 * number; a derivation ("العرب" / "العربية") is another word.
 */
function writtenForms(word: string): string[] {
  return [...new Set([word, stripDefiniteArticle(word), word.replace(FUSED_PARTICLE, '')].map(uninflected))];
}

/**
 * The question's words as the asker wrote them (normalized, stop words
 * aside), each with the forms it may take in a passage and still be the
 * same word: with or without the article or a fused particle. A word in
 * another script than the corpus's counts only when the corpus has it
 * ("AS-206" does): "Tillerson" asked of Arabic articles crosses by sound
 * and is never written so. Words in `leftOut` (a year no passage can confirm) are not counted.
 */
export function typedWords(
  question: string,
  analyzer: Analyzer,
  corpusLanguage: 'ar' | 'en',
  known: (term: string) => boolean,
  leftOut: ReadonlySet<string> = new Set(),
): string[][] {
  const words = new Set<string>();
  for (const w of splitWords(normalizeText(question))) {
    const term = analyzer.termOf(w);
    if (term === null || leftOut.has(w)) continue;
    if (/^\d+$/.test(w) || hasArabicLetter(w) === (corpusLanguage === 'ar') || known(term)) words.add(w);
  }
  return [...words].map(writtenForms);
}

/**
 * How many of the question's words (see typedWords) a text has as written.
 * The stemmer puts a word's derivations together ("العرب" / "العربية",
 * "يدينون" / "دينية", "تقام" / "قام") and synonyms join other words: that
 * finds the passages on a topic, but a passage that has none of the
 * question's words as the asker wrote them shares only the topic. Stops
 * counting at `enough`.
 */
export function writtenMatches(typed: readonly string[][], text: string, enough = Number.POSITIVE_INFINITY): number {
  const wordOf = new Map<string, number>();
  for (const [i, forms] of typed.entries()) for (const f of forms) wordOf.set(f, i);
  const found = new Set<number>();
  for (const word of splitWords(normalizeText(text))) {
    for (const f of writtenForms(word)) {
      const i = wordOf.get(f);
      if (i !== undefined) found.add(i);
    }
    if (found.size >= enough) break;
  }
  return found.size;
}
