import type { ConceptSummary } from '../search/index.js';
import type { KnowledgeBase } from './knowledge-base.js';

const YEAR = /^(?:19|20)\d\d$/;
const YEARS_IN_TEXT = /(?<!\d)(?:19|20)\d\d(?!\d)/g;

/**
 * For each article, the years it could be about: its date's year; for an
 * undated article, the years its text names, give or take one (an article
 * saying "until September 2025" may be from 2024); for an undated article
 * that names none, the span of the corpus's dates and named years (it is one
 * of them); undefined when the corpus names no year at all.
 */
function articleYears(kb: KnowledgeBase): (Set<number> | undefined)[] {
  const own = kb.articles.map((article) => {
    if (article.date) return [Number(article.date.slice(0, 4))];
    const named = article.paragraphs.flatMap((p) => [...p.text.matchAll(YEARS_IN_TEXT)].map((m) => Number(m[0])));
    return named.flatMap((y) => [y - 1, y, y + 1]);
  });
  const all = own.flat();
  const first = Math.min(...all);
  const span = all.length ? new Set(Array.from({ length: Math.max(...all) - first + 1 }, (_, k) => first + k)) : undefined;
  return own.map((years) => (years.length ? new Set(years) : span));
}

const cache = new WeakMap<KnowledgeBase, (Set<number> | undefined)[]>();

/**
 * The articles that may be about the year a concept names, by their date or
 * their text. A year the question names that no passage contains rules the
 * corpus out only when this is empty: an undated article may be about a
 * year next to one it names, or within the corpus's years if it names none.
 */
export function articlesAbout(kb: KnowledgeBase, concept: ConceptSummary): Set<string> {
  const word = concept.words.find((w) => YEAR.test(w));
  if (!word) return new Set();
  let years = cache.get(kb);
  if (!years) {
    years = articleYears(kb);
    cache.set(kb, years);
  }
  const year = Number(word);
  return new Set(kb.articles.filter((_, i) => years[i] === undefined || years[i]!.has(year)).map((a) => a.id));
}

/** Whether a concept is a year (its word a year, like "2024"). */
export function isYearConcept(concept: ConceptSummary): boolean {
  return concept.words.length === 1 && YEAR.test(concept.words[0]!);
}
