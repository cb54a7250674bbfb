/**
 * A light Arabic stemmer in the Light10 family (Larkey et al.), on normalized
 * text (see normalize.ts: ة is already ه, ى is ي, hamza carriers are ا).
 *
 * It strips the definite article with the particles fused to it, then up to two
 * layers of suffixes, and never leaves fewer than three letters: short roots
 * stay whole rather than collapse into each other.
 *
 * Single-letter particles (و ف ب ك ل) are not stripped here: "وزير" and "بلد"
 * begin with a root letter, "وقال" and "بعفرين" with a particle, and only the
 * corpus vocabulary can tell them apart (see clitics.ts).
 *
 * @example stemArabic('والاجتماعات') // → 'اجتماع'
 */

export const MIN_STEM_LENGTH = 3;

/** Longest first, so "وال" wins over "ال". */
export const DEFINITE_PREFIXES = ['وبال', 'فبال', 'وكال', 'فكال', 'ولل', 'فلل', 'وال', 'فال', 'بال', 'كال', 'لل', 'ال'];

/**
 * Feminine duals, pronouns, sound plurals, nisba endings, the feminine/
 * pronoun ه, and the alef of tanween and of country names ("سوريا"/"سوري").
 * Longest first.
 */
export const SUFFIXES = ['تين', 'تان', 'هما', 'كما', 'ات', 'ان', 'ون', 'ين', 'يه', 'ها', 'هم', 'كم', 'نا', 'وا', 'ه', 'ي', 'ا'];

const MAX_SUFFIX_LAYERS = 2;

export function stripDefiniteArticle(word: string): string {
  for (const prefix of DEFINITE_PREFIXES) {
    if (word.startsWith(prefix) && word.length - prefix.length >= MIN_STEM_LENGTH) {
      return word.slice(prefix.length);
    }
  }
  return word;
}

export function stripSuffixes(word: string): string {
  let stem = word;
  for (let layer = 0; layer < MAX_SUFFIX_LAYERS; layer++) {
    const suffix = SUFFIXES.find((s) => stem.endsWith(s) && stem.length - s.length >= MIN_STEM_LENGTH);
    if (!suffix) break;
    stem = stem.slice(0, -suffix.length);
  }
  return stem;
}

export function stemArabic(word: string): string {
  if (word.length <= MIN_STEM_LENGTH) return word;
  return stripSuffixes(stripDefiniteArticle(word));
}
