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

/** How the candidates matched each of the question's places and numbers: the index terms, and the weight earned. */
export type ConstraintMatches = ReadonlyMap<number, { terms: ReadonlySet<string>; mass: number }>;

/** The terms and weight through which any hit matched each constraint concept (a place, a number) of the question. */
export function constraintMatches(hits: readonly ScoredPassage[], concepts: readonly ConceptSummary[]): ConstraintMatches {
  const found = new Map<number, { terms: Set<string>; mass: number }>();
  for (const hit of hits)
    hit.matchedConcepts.forEach((concept, k) => {
      if (!concepts[concept]!.constraint) return;
      const entry = found.get(concept) ?? { terms: new Set<string>(), mass: 0 };
      for (const term of hit.conceptTerms?.[k] ?? []) entry.terms.add(term);
      entry.mass = Math.max(entry.mass, hit.conceptMass?.[k] ?? concepts[concept]!.mass);
      found.set(concept, entry);
    });
  return found;
}

/**
 * A lede the ranking left out of the candidates (it shares only a place with
 * the question: «الكويت 13 فبراير 2018 / أكدت دول التحالف…»), as a hit on the
 * places and numbers other candidates matched through a term its setting has.
 */
function ledeAsHit(lede: number, matches: ConstraintMatches, setting: ReadonlySet<string>): ScoredPassage | undefined {
  const matched = [...matches].filter(([, m]) => [...m.terms].some((t) => setting.has(t)));
  if (matched.length === 0) return undefined;
  return {
    passage: lede,
    score: 0,
    coverage: 0,
    matchedTerms: [],
    matchedWords: 0,
    matchedConcepts: matched.map(([concept]) => concept),
    conceptTerms: matched.map(([, m]) => [...m.terms]),
    conceptMass: matched.map(([, m]) => m.mass),
    answerTypes: 0,
  };
}

/**
 * A hit credited with the places and numbers (the question's constraint
 * concepts) its article's lede matches; see withCarriedConcepts. A lede among
 * the candidates lends what it matched; one left out, what `matches` says the
 * places its setting names match.
 */
export function withLedeSetting(
  hit: ScoredPassage,
  passages: readonly PassageRef[],
  hitOf: (passage: number) => ScoredPassage | undefined,
  concepts: readonly ConceptSummary[],
  conceptWords: readonly number[],
  totalMass: number,
  termsOf: (words: readonly string[]) => string[],
  matches: ConstraintMatches = new Map(),
): ScoredPassage {
  // a paragraph that matches one thing of the question only is not about it because its article is set there
  // (a name of several words is more than one thing: «عبدالله اليحيا» is who, not a topic)
  if (hit.matchedConcepts.length < MIN_OWN_CONCEPTS && hit.matchedWords < MIN_OWN_CONCEPTS) return hit;
  const lede = ledeOf(passages, hit.passage);
  if (lede === undefined || lede === hit.passage) return hit;
  const setting = new Set(termsOf(ledeSetting(passages, hit.passage)));
  const from = hitOf(lede) ?? ledeAsHit(lede, matches, setting);
  if (!from) return hit;
  // matched there by a place's name or a number, not an adjective («العاصمة الأميركية» is no setting for "the US");
  // evidence only: every paragraph of the article would rise alike, above the other articles' answers
  return withCarriedConcepts(hit, from, setting, conceptWords, totalMass, {
    only: (concept) => concepts[concept]!.constraint,
    withScore: false,
  });
}
