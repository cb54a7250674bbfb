import type { ConceptSummary } from '../search/index.js';
import type { KnowledgeBase } from './knowledge-base.js';

const YEAR = /^(?:19|20)\d\d$/;
const YEARS_IN_TEXT = /(?<!\d)(?:19|20)\d\d(?!\d)/g;

/**
 * For each article, the years it could be about: its date's year, or for an
 * undated article the years its text names, give or take one (an article
 * saying "until September 2025" may be from 2024); undefined when it names
 * none, so that any year is possible.
 */
function articleYears(kb: KnowledgeBase): (Set<number> | undefined)[] {
  return kb.articles.map((article) => {
    if (article.date) return new Set([Number(article.date.slice(0, 4))]);
    const named = article.paragraphs.flatMap((p) => [...p.text.matchAll(YEARS_IN_TEXT)].map((m) => Number(m[0])));
    return named.length ? new Set(named.flatMap((y) => [y - 1, y, y + 1])) : undefined;
  });
}

const cache = new WeakMap<KnowledgeBase, (Set<number> | undefined)[]>();

/**
 * The articles that may be about the year a concept names, by their date or
 * their text. A year the question names that no passage contains rules the
 * corpus out only when this is empty: an undated article that names no
 * year, or one next to it, may be about that year.
 */
export function articlesAbout(kb: KnowledgeBase, concept: ConceptSummary): Set<string> {
  const word = concept.words.find((w) => YEAR.test(w));
  if (!word) return new Set();
  let years = cache.get(kb);
  if (!years) cache.set(kb, (years = articleYears(kb)));
  const year = Number(word);
  return new Set(kb.articles.filter((_, i) => years[i] === undefined || years[i]!.has(year)).map((a) => a.id));
}

/** Whether a concept is a year (its word a year, like "2024"). */
export function isYearConcept(concept: ConceptSummary): boolean {
  return concept.words.length === 1 && YEAR.test(concept.words[0]!);
}
