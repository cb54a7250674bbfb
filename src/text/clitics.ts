import { MIN_STEM_LENGTH, stemArabic, stripDefiniteArticle } from './arabic-stemmer.js';
import { isStopword } from './stopwords.js';

/**
 * Particles written fused to the next word: و ف (and), ب (with/in), ك (as),
 * ل (for), and dialect ع ("على": "عالكويت"). Two-letter stacks first.
 */
const CLITIC_PREFIXES = ['وب', 'ول', 'وك', 'فب', 'فل', 'فك', 'و', 'ف', 'ب', 'ك', 'ل', 'ع'];

/**
 * A word that keeps a fused particle is rarely seen without it; a word whose
 * first letter is a root letter ("كتاب") may still leave a rare word behind
 * ("تاب"). Strip only when the bare form is at least this common, relative to
 * the whole form.
 */
const BARE_FORM_MIN_RATIO = 0.05;

/** Stem counts over a corpus: how often each light stem occurs. */
export type StemCounts = ReadonlyMap<string, number>;

/**
 * Stems an Arabic word, stripping a fused particle when the corpus shows the
 * word without it: "وقال" → "قال" and "بعفرين" → "عفرين", but "وزير" and
 * "برنامج" stay whole because "زير" and "رنامج" are not words of the corpus.
 *
 * Without counts (the first pass over a corpus) it is the plain light stem.
 */
export function stemWithClitics(word: string, counts?: StemCounts): string {
  const stem = stemArabic(word);
  if (!counts || stripDefiniteArticle(word) !== word) return stem;
  const wholeCount = counts.get(stem) ?? 0;
  for (const prefix of CLITIC_PREFIXES) {
    if (!word.startsWith(prefix) || word.length - prefix.length < MIN_STEM_LENGTH) continue;
    const rest = word.slice(prefix.length);
    if (isStopword(rest)) return stem;
    const bare = stemArabic(rest);
    const bareCount = counts.get(bare) ?? 0;
    if (bareCount > 0 && bareCount >= BARE_FORM_MIN_RATIO * wholeCount) return bare;
  }
  return stem;
}

/**
 * The stems whose counts stemWithClitics(word, counts) may read, whatever the
 * counts: its result changes only when one of theirs does (a reload by
 * difference re-stems only such words).
 */
export function cliticCountKeys(word: string): string[] {
  const stem = stemArabic(word);
  if (stripDefiniteArticle(word) !== word) return [];
  const keys = [stem];
  for (const prefix of CLITIC_PREFIXES) {
    if (!word.startsWith(prefix) || word.length - prefix.length < MIN_STEM_LENGTH) continue;
    const rest = word.slice(prefix.length);
    if (isStopword(rest)) break;
    keys.push(stemArabic(rest));
  }
  return keys;
}
