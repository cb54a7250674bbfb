import { normalizeText } from './normalize.js';
import { keepFoldedHamza } from './stopwords.js';

/**
 * A run of word characters in the original text: letters, digits, combining
 * marks (tashkeel), and the invisible joiners that may sit inside a word.
 */
const RAW_WORD = /U\.S\.(?:A\.)?|[\p{L}\p{N}\p{M}\u00AD\u061C\u200B-\u200F\u2060-\u2064\uFEFF]+/gu;

/** The country, in capitals: lower-casing would make "US" the pronoun "us" (see analyzer.ts, beforeNormalization). */
const US = /^(?:U\.S\.(?:A\.)?|USA?)$/;

/** Runs of letters, or of digits: the words of normalized text ("الـ200" → "ال", "200"). */
const LETTERS_OR_DIGITS = /\p{L}+|\p{N}+/gu;

/** Splits normalized text into words on anything that is not a letter or digit, and between letters and digits. */
export function splitWords(normalized: string): string[] {
  return normalized.match(LETTERS_OR_DIGITS) ?? [];
}

/** One word of the original text, normalized, with where it stands. */
export interface WordToken {
  /** normalized word ("الامريكي") */
  norm: string;
  /** offsets of the raw word in the original text, end exclusive */
  start: number;
  end: number;
  /** ordinal of the word in the text, counting every word */
  position: number;
}

/**
 * Words with offsets into the original text, so that a passage can be quoted
 * and marked exactly as written.
 *
 * @example tokenize('بـ74 دولة') // → [{norm:'ب',…},{norm:'74',…},{norm:'دوله',…}]
 */
export function tokenize(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  let position = 0;
  for (const match of text.matchAll(RAW_WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    // a hamza that makes the word another than the function word it folds into stays (see analyzer.ts, beforeNormalization)
    const raw = US.test(match[0]) ? 'usa' : keepFoldedHamza(match[0]);
    for (const norm of splitWords(normalizeText(raw))) {
      tokens.push({ norm, start, end, position: position++ });
    }
  }
  return tokens;
}
