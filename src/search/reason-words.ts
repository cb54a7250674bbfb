import { normalizeText, splitWords } from '../text/index.js';

/** Words that ask why: MSA, the dialects, English. */
const WHY_WORDS = new Set(['لماذا', 'ليش', 'ليه', 'لويش', 'علاش', 'ليشو', 'why'].map(normalizeText));
/** «ما سبب…», «ما الهدف من…», «لأي غرض…», "for what purpose", "what was the reason". */
const WHY_PHRASES = [
  /(?:^| )(?:ما|ماهو|ماهي|شو|ايش)(?: (?:هو|هي))? (?:سبب|اسباب|السبب|الهدف|هدف|الغرض|غرض)(?: |$)/,
  /(?:^| )لاي (?:سبب|غرض|هدف)(?: |$)/,
  /\b(?:for what (?:purpose|reason)|what (?:is|was|were|are) the (?:reason|purpose|aim|goal))\b/,
];

/** Whether a question asks why (a reason or a purpose). */
export function asksWhy(question: string): boolean {
  const words = splitWords(normalizeText(question));
  if (words.some((w) => WHY_WORDS.has(w))) return true;
  const joined = words.join(' ');
  return WHY_PHRASES.some((p) => p.test(joined));
}

/**
 * Words news gives a reason or a purpose with, normalized: «بغية حشد الجهود»,
 * «بهدف ضمان…», «من أجل…», «نتيجة ظروف…», «بسبب…», «لأن…».
 */
const REASON_WORDS = new Set(
  [
    'بغية',
    'بهدف',
    'لهدف',
    'اجل',
    'لاجل',
    'لان',
    'لأن',
    'لانه',
    'لأنه',
    'لانها',
    'لأنها',
    'بسبب',
    'نتيجة',
    'نتيجه',
    'جراء',
    'بفضل',
    'كون',
    'كونه',
    'كونها',
    'كي',
    'لكي',
    'لكيلا',
    'سعيا',
    'because',
    'since',
    'purpose',
    'order',
    'reason',
    'due',
  ].map(normalizeText),
);

/** Whether a paragraph gives a reason or a purpose, by its wording. */
export function givesReason(text: string): boolean {
  return splitWords(normalizeText(text)).some((w) => REASON_WORDS.has(w));
}
