import type { ScoredPassage } from '../search/index.js';

/**
 * A hit credited with the question's concepts another hit of its article
 * matched through one of `through`'s terms (the speaker's words, the lede's
 * places) and the hit itself lacks; `only` narrows which concepts may be
 * carried. It earns their share of the question and the score they earned
 * `from`, in proportion to the rest of `from`'s match (unless `withScore` is
 * false: then it only counts toward the evidence). The hit unchanged when
 * nothing is carried. `totalMass` is the question's whole weight, as coverage
 * divides it.
 */
export function withCarriedConcepts(
  hit: ScoredPassage,
  from: ScoredPassage,
  through: ReadonlySet<string>,
  conceptWords: readonly number[],
  totalMass: number,
  { only = () => true, withScore = true }: { only?: (concept: number) => boolean; withScore?: boolean } = {},
): ScoredPassage {
  if (totalMass <= 0 || through.size === 0) return hit;
  const carried = from.matchedConcepts.flatMap((concept, k) =>
    !hit.matchedConcepts.includes(concept) && only(concept) && (from.conceptTerms?.[k] ?? []).some((t) => through.has(t))
      ? [{ concept, terms: from.conceptTerms?.[k] ?? [], mass: from.conceptMass?.[k] ?? 0 }]
      : [],
  );
  if (carried.length === 0) return hit;
  const mass = carried.reduce((sum, c) => sum + c.mass, 0);
  const fromMass = from.coverage * totalMass;
  return {
    ...hit,
    score: hit.score + (withScore && fromMass > 0 ? (from.score * mass) / fromMass : 0),
    coverage: hit.coverage + mass / totalMass,
    matchedWords: hit.matchedWords + carried.reduce((sum, c) => sum + conceptWords[c.concept]!, 0),
    matchedConcepts: [...hit.matchedConcepts, ...carried.map((c) => c.concept)],
    ...(hit.conceptTerms && { conceptTerms: [...hit.conceptTerms, ...carried.map((c) => c.terms)] }),
    ...(hit.conceptMass && { conceptMass: [...hit.conceptMass, ...carried.map((c) => c.mass)] }),
  };
}
