import type { ConceptSummary, ScoredPassage } from '../search/index.js';
import type { SynonymTable } from '../search/synonym-table.js';
import type { Analyzer, Token } from '../text/index.js';

/** Index ranges [first, last] of `tokens` where terms of `terms` stand together. */
function runs(tokens: readonly Token[], terms: ReadonlySet<string>): [number, number][] {
  const found: [number, number][] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!terms.has(tokens[i]!.term)) continue;
    let j = i;
    while (j + 1 < tokens.length && terms.has(tokens[j + 1]!.term)) j++;
    found.push([i, j]);
    i = j;
  }
  return found;
}

/**
 * Which of the question's concepts (by index) a paragraph holds, read word
 * by word in its own text and in its article's headline (indexed with every
 * paragraph), where the index counts each concept on its own: a word of the
 * paragraph stands for one thing asked, and a name (or a phrase standing for
 * one word of the question) takes its words first.
 * «كم عدد الولايات في الولايات المتحدة الأمريكية؟» asks about states; the one
 * «الولايات المتحدة الأمريكية» of a paragraph is the country, not them too.
 */
export function heldConcepts(
  hit: ScoredPassage,
  concepts: readonly ConceptSummary[],
  text: string,
  context: string | undefined,
  analyzer: Analyzer,
  names?: SynonymTable,
): Set<number> {
  const { conceptTerms } = hit;
  if (!conceptTerms) return new Set(hit.matchedConcepts);
  const held = new Set<number>();
  const found = hit.matchedConcepts.map((c, k) => ({ c, terms: new Set(conceptTerms[k]) }));
  for (const tokens of [analyzer.analyze(text), context ? analyzer.analyze(context) : []]) {
    // the passage's own names of several words («حلف شمال الأطلسي», «الأمم المتحدة») are held whole or not at all:
    // their «شمال» is no north, their «المتحدة» no other name's
    const { named, ownNames } = names ? nameRuns(tokens, names) : { named: [], ownNames: new Set<number>() };
    // held whole, or by a word of it that is a name of its own («سوريا» of «شمال شرق سوريا»)
    const whole = (first: number, last: number) =>
      named.every(([a, b]) => {
        if (b < first || a > last || (a >= first && b <= last)) return true;
        for (let i = Math.max(a, first); i <= Math.min(b, last); i++) if (!ownNames.has(i)) return false;
        return true;
      });
    // a name first, or any words the question's word stands for together («الولايات المتحدة» for «أمريكا»): they take their words
    const taken = new Set<number>();
    for (const { c, terms } of found) {
      for (const [first, last] of runs(tokens, terms)) {
        if ((concepts[c]!.words.length === 1 && last === first) || !whole(first, last)) continue;
        held.add(c);
        for (let i = first; i <= last; i++) taken.add(i);
      }
    }
    for (const { c, terms } of found) if (tokens.some((t, i) => terms.has(t.term) && !taken.has(i) && whole(i, i))) held.add(c);
  }
  return held;
}

/**
 * Where the listed names stand in `tokens`: the index ranges [first, last] of those of several words, and
 * the indices of the words that are a name of one word.
 */
function nameRuns(tokens: readonly Token[], names: SynonymTable): { named: [number, number][]; ownNames: Set<number> } {
  const terms = tokens.map((t) => t.term);
  const named: [number, number][] = [];
  const ownNames = new Set<number>();
  terms.forEach((_, i) => {
    for (const { length } of names.matchesAt(terms, i)) {
      if (length > 1) named.push([i, i + length - 1]);
      else ownNames.add(i);
    }
  });
  return { named, ownNames };
}

export interface HoldNeeds {
  /** share of the weighed concepts' weight to hold */
  floor: number;
  wordsNeeded: number;
  conceptsNeeded: number;
  /** concepts left out of the weighing (a year no passage confirms, a word naming the category asked for) */
  leftOut: ReadonlySet<number>;
}

/**
 * A word in more than two passages of three (idf below ln 1.5: «التحالف»,
 * «الدول» in the coalition articles) says what the corpus is about, not what
 * the question asks. («اجتماع», in half of them, still tells the meetings'
 * paragraphs from the others.)
 */
const SUBSTANTIVE_IDF = Math.log(1.5);

/**
 * Whether what a paragraph holds of the question (see heldConcepts) still
 * answers it: the same floor, words and concepts as the index's count, and,
 * when the question names two things or more that tell passages apart, two
 * of them: one of them and words that are everywhere is the topic, not the
 * question («أي دولة هي أكبر دولة في الشرق الأوسط؟» → a paragraph on the
 * Middle East, whose «الدول» every paragraph has).
 */
export function holdsQuestion(held: ReadonlySet<number>, concepts: readonly ConceptSummary[], needs: HoldNeeds): boolean {
  let weighedMass = 0;
  let heldMass = 0;
  let heldWords = 0;
  let substantive = 0;
  let substantiveHeld = 0;
  concepts.forEach((c, i) => {
    if (held.has(i)) heldWords += c.words.length;
    if (needs.leftOut.has(i)) return;
    weighedMass += c.mass;
    if (held.has(i)) heldMass += c.mass;
    if (c.idf >= SUBSTANTIVE_IDF) {
      substantive++;
      if (held.has(i)) substantiveHeld++;
    }
  });
  return (
    heldMass >= needs.floor * weighedMass &&
    heldWords >= needs.wordsNeeded &&
    held.size >= needs.conceptsNeeded &&
    (substantive < 2 || substantiveHeld >= 2)
  );
}
