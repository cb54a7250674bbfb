import { ANSWER_TYPE_BIT } from '../search/answer-type.js';
import type { ScoredPassage } from '../search/index.js';
import { normalizeText, splitWords } from '../text/index.js';

/**
 * Whether a passage cited first for a "how many" question can give the count:
 * it has a number, in digits or in words («74 دولة», «ثلاثة أيام»), writes
 * what is counted in the dual («وشهد الاجتماع جلستين», two sessions), or
 * counts vaguely («العديد من المتتبعين», «في أحيان كثيرة»). A lead with none
 * of these matched the question's words, not its number («كم عدد
 * المحافظات في العراق؟» over «المحافظة على ما تحقق… في العراق»).
 */
export function offersCount(
  hit: ScoredPassage,
  text: string,
  counted: ReadonlySet<string>,
  termOf: (norm: string) => string | null,
): boolean {
  return (hit.answerTypes & ANSWER_TYPE_BIT.number) !== 0 || writesDual(text, counted, termOf) || countsVaguely(text);
}

/** «عدة», «العديد», «بضعة», «كثيرة», «قليل», «عدد من»: a count without a number. «بعده», «وعده» are other words. */
const QUANTIFIER = /^(?:عده|و?(?:ال)?(?:عديد|بضع|بضعه|كثير|كثيره|قليل|قليله|عدد|عددا))$/;

/** Whether a paragraph counts something without a number: «في نظر العديد من المتتبعين», «في مجالات عدة». */
export function countsVaguely(text: string): boolean {
  return splitWords(normalizeText(text)).some((word) => QUANTIFIER.test(word));
}

/** Whether a paragraph writes one of the counted word's terms with a dual ending: «جلستين», «شهرين», «دولتان». */
export function writesDual(text: string, counted: ReadonlySet<string>, termOf: (norm: string) => string | null): boolean {
  return splitWords(normalizeText(text)).some((word) => isDualOf(word, counted, termOf));
}

/** A dual's endings, masculine and feminine; the feminine ones alone are no plural's («المقاتلين», «بلدان»). */
const DUAL_ENDINGS = ['ين', 'ان', 'تين', 'تان'];
export const FEMININE_DUAL_ENDINGS = ['تين', 'تان'];

/**
 * Whether a normalized word is one of the counted terms with a dual ending, the article and a fused
 * particle aside (the stemmer drops a feminine «ه»: «جلسه» → «جلس», dual «جلستين»). With every ending,
 * a masculine plural («المقاتلين») reads as a dual too: enough to let a lead through, not to say which
 * paragraph counts (countsWith takes FEMININE_DUAL_ENDINGS).
 */
export function isDualOf(
  word: string,
  counted: ReadonlySet<string>,
  termOf: (norm: string) => string | null,
  endings: readonly string[] = DUAL_ENDINGS,
): boolean {
  // the ending first: most words have none, and need no stemming
  if (!endings.some((ending) => word.endsWith(ending))) return false;
  const term = termOf(word);
  if (term === null || !counted.has(term)) return false;
  const bare = word.replace(/^(?:[وفبلك]?ال|[وفبلك])/, '');
  return endings.some((ending) => bare === term + ending);
}
