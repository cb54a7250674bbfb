import type { ConceptSummary } from '../search/index.js';
import { normalizeText, splitWords } from '../text/index.js';

/**
 * Whether a question names a thing of two words or more that no article has in
 * any form, nor one typo away: two such words side by side («حجر الفلاسفة»,
 * «المسلسل التلفزيوني», a person's first and last names). Like a place no
 * article mentions, the corpus does not cover it, whatever else a passage
 * matches («لأول مرة»). One such word alone may be a paraphrase; a place or
 * a number is read by the year and place rules, and a word naming what is
 * asked («ما اسم…», «لأي غرض…») is left out (`skip`).
 *
 * @example namesUnknownPhrase('متى تم ذكر حجر الفلاسفة لأول مرة؟', concepts, new Set()) // true over the coalition articles
 */
export function namesUnknownPhrase(question: string, concepts: readonly ConceptSummary[], skip: ReadonlySet<ConceptSummary>): boolean {
  const unknown = new Set(
    concepts.filter((c) => c.words.length === 1 && c.absent && !c.constraint && !skip.has(c)).map((c) => c.words[0]!),
  );
  if (unknown.size < 2) return false;
  const words = splitWords(normalizeText(question));
  return words.some((word, i) => i > 0 && unknown.has(word) && unknown.has(words[i - 1]!));
}
