import type { ScoredPassage } from '../search/index.js';

/** A ranked passage, with what the answer layer knows about it beyond its score. */
export interface Candidate {
  hit: ScoredPassage;
  articleId: string;
  /** matches enough of the question (coverage and words) to be cited first; for "how many", also a paragraph giving the count in an article that answers (see counting-paragraph.ts) */
  answers: boolean;
  /** offers what the question asks for when its wording says (a number for "how many", a date for "when"); true otherwise */
  readonly offersType: boolean;
  /** the question says what kind of thing it asks for */
  typed: boolean;
  /** what it asks for is a preference among leads that score close to the best ("why": a paragraph giving a reason), not a requirement */
  typePreferred?: boolean;
  /** for a "how many" question: the passage puts a number next to what is counted ("74 دولة") */
  counts: boolean;
  /** the paragraph is nothing but its article's headline */
  headline: boolean;
  /** the paragraph's own text holds a word of the question (not only its article's headline, indexed with it) */
  readonly bodyMatches: boolean;
  /** read word by word, the paragraph still holds enough of the question to be cited first (see EvidenceNeeded.holds) */
  readonly holds: boolean;
}

/**
 * A headline paragraph says less than a body paragraph of its article that
 * matches the same concepts and more ("75 جهة ومنظمة شاركت باجتماع التحالف في
 * الكويت" against the paragraph that reports the 75 participants): the body
 * paragraph stands for the article. Since an article's headline is indexed
 * with each of its paragraphs, every body paragraph carries the headline's
 * words; it replaces the headline only when it matches strictly more.
 */
function forArticle(candidate: Candidate, pool: readonly Candidate[]): Candidate {
  if (!candidate.headline) return candidate;
  const own = new Set(candidate.hit.matchedConcepts);
  const body = pool.find(
    (c) =>
      c.articleId === candidate.articleId &&
      !c.headline &&
      c.answers &&
      c.hit.matchedConcepts.length > own.size &&
      [...own].every((k) => c.hit.matchedConcepts.includes(k)),
  );
  return body ?? candidate;
}

/** Of the best coverage among the leads, what a paragraph that only may offer what is asked ("why") must cover. */
const PREFERRED_TYPE_COVERAGE = 0.5;

/**
 * The passage cited first: among the best-ranked ones that match enough of
 * the question, the one covering most of it, among those scoring close to
 * the best (a paragraph on the planned meeting in Italy scores as high as
 * the one on the meeting in Kuwait, but does not match "Kuwait").
 */
export function chooseLead(candidates: readonly Candidate[], depth: number, closeScore: number): Candidate | undefined {
  const answering = candidates.slice(0, depth).filter((c) => c.answers && c.holds);
  // a paragraph that matches only through its article's headline quotes nothing the question asked ("تيلرسون:")
  const withBody = answering.filter((c) => c.bodyMatches);
  const quoting = withBody.length > 0 ? withBody : answering;
  // a "when" question: a paragraph that gives a date before one that does not («أمس» in an undated article),
  // further down the ranking if none of the first does (one article's headline may fill them)
  // "why": a paragraph giving a reason leads only if it covers half as much of the question as the best does
  // («لماذا حث تيلرسون الدول الأعضاء على عدم التراخي؟»: not another paragraph's «بهدف…» over the one that says it)
  const mostCovered = Math.max(0, ...quoting.map((c) => c.hit.coverage));
  const close = (c: Candidate) => !c.typePreferred || c.hit.coverage >= PREFERRED_TYPE_COVERAGE * mostCovered;
  const typed = quoting.filter((c) => c.typed && c.offersType && close(c));
  const further =
    typed.length === 0 && quoting[0]?.typed
      ? candidates
          .slice(depth)
          .find((c) => c.answers && c.holds && c.bodyMatches && c.offersType && close(c) && c.articleId !== quoting[0]!.articleId)
      : undefined;
  const eligible = further ? [further] : typed.length > 0 && typed.length < quoting.length ? typed : quoting;
  const top = eligible[0];
  if (!top) return undefined;
  let lead = top;
  for (const c of eligible) if (c.hit.score >= closeScore * top.hit.score && c.hit.coverage > lead.hit.coverage) lead = c;
  return forArticle(lead, candidates);
}

/**
 * Another article answers too when its passage offers what a typed question
 * asks for ("how many": 74 in one outlet, 75 in the other) and matches enough
 * of the question, or, for other questions, matches nearly as much of it as
 * the lead does.
 */
function alsoAnswers(c: Candidate, lead: Candidate, closeCoverage: number): boolean {
  if (!c.answers) return false;
  return c.typed ? c.offersType : c.hit.coverage >= closeCoverage * lead.hit.coverage;
}

/**
 * Citation order: the ranking's, except that every article that answers too
 * (two outlets on one event; a question about several meetings) has its
 * passage that best answers cited before a second passage of any article
 * answering, and a headline paragraph goes after the body paragraphs of its
 * article that say more. With one passage per article this is the ranking.
 */
export function orderCitations(lead: Candidate, qualifying: readonly Candidate[], closeCoverage: number): Candidate[] {
  const represented = new Map<string, Candidate>([[lead.articleId, lead]]);
  for (const c of qualifying) {
    if (represented.has(c.articleId)) continue;
    const own = qualifying.filter((o) => o.articleId === c.articleId);
    const answering = own.filter((o) => o.offersType && o.answers);
    const representative = forArticle(answering.find((o) => o.counts) ?? answering[0] ?? c, qualifying);
    if (alsoAnswers(representative, lead, closeCoverage)) represented.set(c.articleId, representative);
  }
  const representatives = [...represented.values()].filter((c) => c !== lead);
  // "how many", led by a count: the other outlets' counts («74 دولة») come next, before any other passage or number («كوفيد 19»)
  const ordered: Candidate[] = [lead, ...representatives.filter((r) => lead.counts && r.counts)];
  const flush = () => {
    for (const r of representatives) if (!ordered.includes(r)) ordered.push(r);
  };
  const late: Candidate[] = [];
  for (const c of qualifying) {
    if (ordered.includes(c)) continue;
    const further = represented.has(c.articleId) && represented.get(c.articleId) !== c;
    if (!further) ordered.push(c);
    else if (c.headline && forArticle(c, qualifying) !== c) late.push(c);
    else {
      flush();
      ordered.push(c);
    }
  }
  flush();
  return [...ordered, ...late];
}
