import type { ConceptSummary } from '../search/index.js';

/** idf of a word in a quarter of the passages (see bm25.ts's idf: ln(1 + (n − df + 0.5) / (df + 0.5)) ≈ ln 4). */
const QUARTER_IDF = Math.log(4);

/**
 * Whether a question names nothing in particular: its one word that is not
 * how it asks is in a quarter of the passages or more («وماذا قال؟», «و متى
 * ذكر ذلك؟» — said by whom, about what?). Any paragraph with that word would
 * do, so none answers. A rarer word names something («من هو تيلرسون؟»), and
 * a name of several words is a thing of its own.
 */
export function namesNothing(weighed: readonly ConceptSummary[]): boolean {
  const only = weighed.length === 1 ? weighed[0]! : undefined;
  return only !== undefined && only.words.length === 1 && only.idf < QUARTER_IDF;
}
