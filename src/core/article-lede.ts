import type { ConceptSummary, ScoredPassage } from '../search/index.js';
import { isPlaceWord, normalizeText, splitWords } from '../text/index.js';
import { withCarriedConcepts } from './carried-concepts.js';
import type { PassageRef } from './knowledge-base.js';
import { perPassagesMemo } from './per-passages-memo.js';

/**
 * News names where (and when) once, in the paragraph that opens the report:
 * «عقد وزراء خارجية التحالف… اجتماعا في العاصمة الأميركية واشنطن امس…», then
 * «وترأس وزير الخارجية عبدالله اليحيا وفد الكويت…» says who chaired it without
 * naming the city again. A paragraph of the article holds the places and
 * years its lede names, as it holds its headline's words.
 */

/** Shorter paragraphs open nothing: datelines, «تابعنا على», headline lines. */
const MIN_LEDE_WORDS = 12;
/** How many of the question's concepts a paragraph must match itself to be lent its lede's setting ("What did Washington use?" matches one). */
const MIN_OWN_CONCEPTS = 2;

// by article object: after a reload by difference a changed article's old and new paragraphs share its id
const ledes = perPassagesMemo<PassageRef['article'], number>();

/** The article's first paragraph of MIN_LEDE_WORDS words or more, by passage number; undefined when it has none. */
export function ledeOf(passages: readonly PassageRef[], passage: number): number | undefined {
  const article = passages[passage]!.article;
  return ledes(passages, article, () => {
    // an article's paragraphs are consecutive passages
    let first = passage;
    while (first > 0 && passages[first - 1]!.article === article) first--;
    for (let p = first; p < passages.length && passages[p]!.article === article; p++) {
      if (splitWords(normalizeText(passages[p]!.paragraph.text)).length >= MIN_LEDE_WORDS) return p;
    }
    return undefined;
  });
}

const isSetting = (word: string) => isPlaceWord(word) || /^\d{2,}$/.test(word);

const settings = perPassagesMemo<number, string[]>();

/** The lede's places and numbers, normalized, for a paragraph of its article other than the lede itself. */
export function ledeSetting(passages: readonly PassageRef[], passage: number): string[] {
  const lede = ledeOf(passages, passage);
  if (lede === undefined || lede === passage) return [];
  // read once per lede: every candidate paragraph of its article asks for it, on each question
  return settings(passages, lede, () => splitWords(normalizeText(passages[lede]!.paragraph.text)).filter(isSetting)) ?? [];
}

/**
 * A hit credited with the places and numbers (the question's constraint
 * concepts) its article's lede matches; see withCarriedConcepts.
 */
export function withLedeSetting(
  hit: ScoredPassage,
  passages: readonly PassageRef[],
  hitOf: (passage: number) => ScoredPassage | undefined,
  concepts: readonly ConceptSummary[],
  conceptWords: readonly number[],
  totalMass: number,
  termsOf: (words: readonly string[]) => string[],
): ScoredPassage {
  // a paragraph that matches one thing of the question only is not about it because its article is set there
  if (hit.matchedConcepts.length < MIN_OWN_CONCEPTS) return hit;
  const lede = ledeOf(passages, hit.passage);
  const from = lede === undefined || lede === hit.passage ? undefined : hitOf(lede);
  if (!from) return hit;
  // matched there by a place's name or a number, not an adjective («العاصمة الأميركية» is no setting for "the US");
  // evidence only: every paragraph of the article would rise alike, above the other articles' answers
  return withCarriedConcepts(hit, from, new Set(termsOf(ledeSetting(passages, hit.passage))), conceptWords, totalMass, {
    only: (concept) => concepts[concept]!.constraint,
    withScore: false,
  });
}
