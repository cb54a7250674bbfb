/**
 * Character-level normalization shared by indexing, querying and evaluation.
 *
 * Arabic is written with optional diacritics, several hamza carriers and
 * interchangeable final letters; people type whichever their keyboard gives.
 * Mapping all of them to one form makes "إجتماع", "اجتماع" and "اِجْتِمَاع" the
 * same word. Latin letters lose their accents the same way ("Temüjin" is
 * "temujin"), so a name typed without them still matches.
 *
 * @example normalizeText('الأَمْرِيكِيُّ ٢٠١٨') // → 'الامريكي 2018'
 */

/** Tashkeel, Quranic marks and the superscript alef. */
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/g;
const TATWEEL = /\u0640/g;

/** Zero-width and bidi control characters: invisible, never part of a word. */
export const INVISIBLE_CONTROLS = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;

const LETTER_MAP: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ٲ: 'ا',
  ٳ: 'ا',
  ى: 'ي',
  ی: 'ي',
  ې: 'ي',
  ۍ: 'ي',
  ة: 'ه',
  ۀ: 'ه',
  ە: 'ه',
  ھ: 'ه',
  ؤ: 'و',
  ئ: 'ي',
  ک: 'ك',
  ڪ: 'ك',
};

const LETTERS = new RegExp(`[${Object.keys(LETTER_MAP).join('')}]`, 'g');

/** Latin letters with accents (Latin-1 Supplement to Latin Extended-B, Latin Extended Additional): "Temüjin", "café". */
const ACCENTED_LATIN = /[\u00C0-\u024F\u1E00-\u1EFF]/g;

/** The letter without its accents ("ü" → "u"); one that has no plain form ("ß", "ø") stays. */
function withoutAccents(letter: string): string {
  const bare = letter.normalize('NFD').replace(/\p{M}+/gu, '');
  return bare.length === 1 ? bare : letter;
}

/** Arabic-Indic (U+0660…) and Extended/Persian (U+06F0…) digits to ASCII. */
const EASTERN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

function toAsciiDigit(digit: string): string {
  const code = digit.charCodeAt(0);
  return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
}

/** Normalizes one string; word boundaries are left where they are. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE_CONTROLS, '')
    .replace(ARABIC_MARKS, '')
    .replace(TATWEEL, '')
    .replace(LETTERS, (ch) => LETTER_MAP[ch] ?? ch)
    .replace(EASTERN_DIGITS, toAsciiDigit)
    .replace(ACCENTED_LATIN, withoutAccents)
    .toLowerCase();
}

/** True when the string contains at least one Arabic-script letter. */
export function hasArabicLetter(text: string): boolean {
  return /\p{Script=Arabic}/u.test(text) && /\p{L}/u.test(text);
}
