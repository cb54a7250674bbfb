import { isNumberWord } from '../search/answer-type.js';
import { normalizeText, splitWords } from '../text/index.js';

/**
 * Attributes a number measures ("What is the population of Iraq?", «ما هي
 * مساحة العراق؟», «كم عدد سكان الكويت؟»), and the words a passage that gives
 * the figure writes beside it: the attribute itself or its unit («4,5 مليون
 * نسمة», «17,818 كم مربع», "437,000 square miles"). A paragraph that only
 * mentions inhabitants («يقطنها عدد كبير من السكان») or has a number about
 * something else («200 مليون دولار») does not give the figure.
 */
const POPULATION = /^(?:[وفبلك]?(?:ال)?)(?:سكان|سكانه|سكانها|نسمه|ساكن|قاطن|population|inhabitants|residents|people)$/;
const AREA = /^(?:[وفبلك]?(?:ال)?)(?:مساحه|مساحته|مساحتها|مربع|مربعا|هكتار|فدان|دونم|square|acres|hectares|km2)$/;
// a length of time too: «ما طول رحلتها الفنية؟» → «لأكثر من 25 عاما»
const LENGTH =
  /^(?:[وفبلك]?(?:ال)?)(?:طول|طوله|طولها|ارتفاع|ارتفاعه|ارتفاعها|متر|مترا|امتار|كيلومتر|كيلومترا|كيلومترات|كم|ميل|ميلا|اميال|قدم|اقدام|عام|عاما|اعوام|سنه|سنوات|شهر|شهرا|اشهر|يوم|يوما|ايام|ساعه|ساعات|long|high|tall|meters|metres|kilometers|kilometres|km|miles|feet|years|months|days|hours)$/;

const MEASURES = new Map<string, RegExp>([
  ['population', POPULATION],
  ['سكان', POPULATION],
  ['area', AREA],
  ['مساحه', AREA],
  ['height', LENGTH],
  ['length', LENGTH],
  ['طول', LENGTH],
  ['ارتفاع', LENGTH],
]);

/** How far, in words, a number may stand from the word that says what it measures («عدد سكانها نحو 4,5 مليون نسمة»). */
const NEAR = 4;

/** Whether an attribute (askedAttribute's or countedNoun's normalized word) is one a number measures. */
export function isMeasuredAttribute(attribute: string | undefined): attribute is string {
  return attribute !== undefined && MEASURES.has(attribute);
}

/** Whether a paragraph gives a measured attribute's figure: a number within NEAR words of the attribute or its unit. */
export function givesMeasure(text: string, attribute: string): boolean {
  const measure = MEASURES.get(attribute);
  if (!measure) return true;
  const words = splitWords(normalizeText(text));
  const numbers = words.flatMap((word, i) => (isNumberWord(word) ? [i] : []));
  return words.some((word, i) => measure.test(word) && numbers.some((n) => Math.abs(n - i) <= NEAR));
}
