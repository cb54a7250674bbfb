import { normalizeText, splitWords } from '../text/index.js';

/** Demonstratives that stand for something said before («ذلك», «هذه»), normalized. */
const DEMONSTRATIVES = new Set(
  ['ذلك', 'ذالك', 'ذاك', 'تلك', 'هذا', 'هاذا', 'هذه', 'هاذه', 'هذي', 'هؤلاء', 'أولئك', 'اولئك'].map(normalizeText),
);

/**
 * Whether a question points back at something it does not say: a
 * demonstrative standing alone, not before the noun it qualifies («و متى ذكر
 * ذلك؟», "when was that said?", against «هذا التحالف», "this coalition").
 * A chat has no earlier question it could refer to.
 */
export function refersBack(question: string): boolean {
  const words = splitWords(normalizeText(question));
  return words.some((w, i) => DEMONSTRATIVES.has(w) && !words[i + 1]?.startsWith('ال'));
}
