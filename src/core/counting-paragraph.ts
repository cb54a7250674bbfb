import type { Lexicon } from '../lexicon/index.js';
import { ANSWER_TYPE_BIT, isNumberWord } from '../search/answer-type.js';
import type { Analyzer } from '../text/index.js';
import { hasArabicLetter, normalizeText, splitWords } from '../text/index.js';
import type { Candidate } from './citation-order.js';
import { FEMININE_DUAL_ENDINGS, isDualOf } from './count-evidence.js';
import type { PassageRef } from './knowledge-base.js';

/**
 * Whether a paragraph puts a number right before one of the counted word's
 * terms ("74 دولة" for "كم دولة"), or has a dual of it («جلستين»).
 */
export function countsWith(text: string, counted: ReadonlySet<string>, termOf: (norm: string) => string | null): boolean {
  const words = splitWords(normalizeText(text));
  // "والمقدر عددها بـ74 دولة": a particle fused to the digits
  return words.some((w, i) => {
    // «وشهد الاجتماع جلستين» for «كم جلسة…»: a feminine dual, not «ين»/«ان», which also end «الدوليين» and «بلدان»
    if (isDualOf(w, counted, termOf, FEMININE_DUAL_ENDINGS)) return true;
    if (!isNumberWord(w.replace(/^[وبل](?=\d)/, '')) || i + 1 >= words.length) return false;
    const next = termOf(words[i + 1]!);
    return next !== null && counted.has(next);
  });
}

/**
 * The terms a passage may write the counted word with: its own, or, for a
 * question in the other language than the corpus's, its dictionary
 * translations and its synonyms' ("countries" → «البلدان», and «الدولة» of
 * "state"; a number before it is what makes it count, not how sure it is), not
 * those of its family; or the English headwords an Arabic word translates.
 */
export function countedTerms(counted: string, analyzer: Analyzer, lexicon: Lexicon | undefined, acrossLanguages: boolean): Set<string> {
  const words = !acrossLanguages
    ? [counted]
    : hasArabicLetter(counted)
      ? (lexicon?.reverse(counted).map((r) => r.headword) ?? [])
      : (lexicon
          ?.translate(counted)
          .filter((t) => !t.related && !t.text.includes(' '))
          .map((t) => t.text) ?? []);
  return new Set(words.flatMap((w) => analyzer.termOf(w) ?? []));
}

/**
 * For a "how many" question, once the lead is chosen: a candidate that gives
 * the count ("74 دولة") answers when another candidate of its article does,
 * although it matches fewer of the question's words (the article's headline
 * or first paragraph carries those); so does one that is cited anyway (see
 * answerQuestion). So it may stand for its article.
 */
export function countsAnswerInAnsweringArticles(candidates: Candidate[]): void {
  const answering = new Set(candidates.filter((c) => c.answers).map((c) => c.articleId));
  for (const c of candidates) if (c.counts && answering.has(c.articleId)) c.answers = true;
}

/**
 * For a "how many" question: in each article cited (a candidate of it
 * qualifies) whose candidates give no count, its first paragraph that
 * does ("وشهد المؤتمر مشاركة … أكثر من 75 دولة ومنظمة دولية"). Ranking weighs
 * the question's other words, which the article's headline or first
 * paragraph carries and the paragraph with the number often does not, so
 * that paragraph may lie far below the candidates; within an article that
 * answers, it is the one with the number asked for. It stands for its article
 * (see orderCitations), with the standing of the article's best candidate. Only the paragraphs of those few articles are read.
 */
export function countingParagraphs(
  candidates: readonly Candidate[],
  passages: readonly PassageRef[],
  counted: ReadonlySet<string>,
  analyzer: Analyzer,
): Candidate[] {
  const found: Candidate[] = [];
  const seen = new Set<string>();
  const questionTerms = new Set(candidates.flatMap((c) => c.hit.matchedTerms));
  // candidates come best first: the first of an article is its best
  for (const best of candidates) {
    if (seen.has(best.articleId)) continue;
    seen.add(best.articleId);
    if (candidates.some((c) => c.articleId === best.articleId && c.counts)) continue;
    // an article's paragraphs are consecutive passages (a changed article's old ones are another Article object)
    const article = passages[best.hit.passage]!.article;
    let first = best.hit.passage;
    while (first > 0 && passages[first - 1]!.article === article) first--;
    for (let p = first; p < passages.length && passages[p]!.article === article; p++) {
      const text = passages[p]!.paragraph.text;
      if (!countsWith(text, counted, analyzer.termOf)) continue;
      const own = new Set(analyzer.terms(text));
      const matchedTerms = [...questionTerms].filter((t) => own.has(t));
      found.push({
        articleId: best.articleId,
        answers: true,
        typed: best.typed,
        hit: {
          passage: p,
          score: best.hit.score,
          coverage: best.hit.coverage,
          matchedTerms,
          matchedWords: matchedTerms.length,
          matchedConcepts: [],
          answerTypes: ANSWER_TYPE_BIT.number,
        },
        offersType: true,
        counts: true,
        headline: false,
        bodyMatches: matchedTerms.length > 0,
        // read after the lead is chosen: it stands for its article, whose question-holding was weighed on its best paragraphs
        holds: true,
      });
      break;
    }
  }
  return found;
}

/**
 * For a "how many" question naming a place or a number ("كم دولة حضرت مؤتمر
 * الكويت؟"): each article not cited, whose candidates together match every
 * such constraint, stands by its paragraph that gives the count. Another
 * outlet reports the same event in its own words («وعقد ممثلو 74 دولة…
 * اجتماعهم» where the question asks who attended): no one paragraph of it
 * matches enough of the question, or scores near the lead, but the article is
 * about the place asked, and counts what is asked. Read only once a lead answers.
 */
export function countingParagraphsOfOtherArticles(
  candidates: readonly Candidate[],
  cited: ReadonlySet<string>,
  constraints: readonly number[],
  passages: readonly PassageRef[],
  counted: ReadonlySet<string>,
  analyzer: Analyzer,
): Candidate[] {
  if (constraints.length === 0) return [];
  const byArticle = new Map<string, Candidate[]>();
  for (const c of candidates) {
    if (cited.has(c.articleId)) continue;
    const own = byArticle.get(c.articleId);
    if (own) own.push(c);
    else byArticle.set(c.articleId, [c]);
  }
  const found: Candidate[] = [];
  for (const own of byArticle.values()) {
    const matched = new Set(own.flatMap((c) => c.hit.matchedConcepts));
    if (!constraints.every((k) => matched.has(k))) continue;
    const counting = own.find((c) => c.counts && c.bodyMatches);
    if (counting) {
      counting.answers = true;
      found.push(counting);
    } else found.push(...countingParagraphs([own[0]!], passages, counted, analyzer));
  }
  return found;
}
