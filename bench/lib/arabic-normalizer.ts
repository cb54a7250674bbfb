/**
 * The plain Arabic normalizer the peers get: the character folding of
 * Lucene's ArabicNormalizer (Elasticsearch `arabic_normalization`, after
 * Larkey, Ballesteros & Connell 2002), plus lower-casing for Latin words.
 * Deliberately NOT our src/text pipeline: the comparison is our engine
 * against what an operator configures on a peer from its own docs.
 *
 * @example normalizeArabic('أَعْلَنَ الرئيسُ مبادرةً') === 'اعلن الرئيس مبادره'
 */
export function normalizeArabic(text: string): string {
  return text
    .replace(TASHKEEL_AND_TATWEEL, '')
    .replace(ALEF_WITH_HAMZA_OR_MADDA, 'ا')
    .replace(ALEF_MAKSURA, 'ي')
    .replace(TEH_MARBUTA, 'ه')
    .toLowerCase();
}

// Harakat, tanween, shadda, sukun, superscript alef, Quranic marks, tatweel.
const TASHKEEL_AND_TATWEEL = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const ALEF_WITH_HAMZA_OR_MADDA = /[\u0622\u0623\u0625\u0671]/g; // آ أ إ ٱ
const ALEF_MAKSURA = /\u0649/g; // ى
const TEH_MARBUTA = /\u0629/g; // ة
