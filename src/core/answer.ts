import type { KnowledgeBase } from './knowledge-base.js';
import { checkQuestion, questionLanguage, DEFAULT_MAX_QUESTION_LENGTH, type RejectReason } from './question.js';
import { highlightPassage, type Span } from './snippet.js';

export type AnswerStatus = 'answered' | 'not_found' | 'rejected';

/**
 * A passage quoted in an answer, with everything a citation needs.
 *
 * @example { articleId: '000_ef08b0032887354d', title: '…', date: '2018-02-13', paragraph: 11,
 *            text: 'وذكر تريسلون الذي تعهد بتقديم 200 مليون دولار …', sentence: '…', terms: ['تعهد', '200'], score: 14.2 }
 */
export interface CitedPassage {
  /** `<articleId>#<paragraph>` */
  id: string;
  articleId: string;
  /** the headline, or the lead's opening words when the article has none */
  title: string;
  source?: string;
  date?: string;
  url?: string;
  /** 1-based paragraph of the article */
  paragraph: number;
  /** the paragraph, verbatim */
  text: string;
  /** the sentence of the paragraph that best matches the question, verbatim */
  sentence: string;
  sentenceSpan: Span;
  /** words of the paragraph that matched the question, as written there */
  terms: string[];
  termSpans: Span[];
  score: number;
}

/**
 * What the core says to a question. Adapters render it; it carries no
 * platform formatting.
 */
export interface Answer {
  question: string;
  status: AnswerStatus;
  /** set when status is `rejected` */
  reason?: RejectReason;
  /** language to reply in */
  lang: 'ar' | 'en';
  /** best first; empty unless `answered` */
  passages: CitedPassage[];
  /** passages that qualified beyond the ones returned, for a "more sources" button */
  more: CitedPassage[];
}

export interface AnswerOptions {
  /** passages to cite */
  maxPassages: number;
  /** passages kept for "more sources" */
  maxMore: number;
  /**
   * Share of the question's weight a passage must match to be cited. Below it
   * the answer is "nothing relevant found" rather than an unrelated quote.
   */
  minCoverage: number;
  /** a passage scoring below this share of the best one is not worth citing */
  relativeScoreFloor: number;
  /** another article's best passage is cited second when it scores this share of the best */
  otherArticleFloor: number;
  maxQuestionLength: number;
}

export const DEFAULT_ANSWER_OPTIONS: AnswerOptions = {
  maxPassages: 3,
  maxMore: 6,
  minCoverage: 0,
  relativeScoreFloor: 0.4,
  otherArticleFloor: 0.6,
  maxQuestionLength: DEFAULT_MAX_QUESTION_LENGTH,
};

const CANDIDATES = 30;

/**
 * Orders qualifying hits so that other articles get a say: when two outlets
 * report the same fact (74 vs 75 countries), the other outlet's best paragraph
 * comes before a second paragraph of the first, if it scores close enough.
 */
function spreadOverArticles<T extends { articleId: string; score: number }>(ranked: readonly T[], closeEnough: number): T[] {
  const [first, ...rest] = ranked;
  if (!first) return [];
  const seen = new Set([first.articleId]);
  const promoted: T[] = [];
  for (const item of rest) {
    if (!seen.has(item.articleId) && item.score >= closeEnough * first.score) promoted.push(item);
    seen.add(item.articleId);
  }
  return [first, ...promoted, ...rest.filter((item) => !promoted.includes(item))];
}

export function answerQuestion(kb: KnowledgeBase, input: unknown, options: AnswerOptions = DEFAULT_ANSWER_OPTIONS): Answer {
  const checked = checkQuestion(input, options.maxQuestionLength);
  const lang = questionLanguage(checked.question);
  if (!checked.ok) return { question: checked.question, status: 'rejected', reason: checked.reason, lang, passages: [], more: [] };

  const question = checked.question;
  const { hits } = kb.index.search(question, CANDIDATES);
  const best = hits[0];
  if (!best || best.coverage < options.minCoverage) return { question, status: 'not_found', lang, passages: [], more: [] };

  const qualifying = hits.filter((h) => h.coverage >= options.minCoverage && h.score >= options.relativeScoreFloor * best.score);
  const ordered = spreadOverArticles(
    qualifying.map((hit) => ({ hit, score: hit.score, articleId: kb.passages[hit.passage]!.article.id })),
    options.otherArticleFloor,
  );
  const cited = ordered.slice(0, options.maxPassages + options.maxMore).map(({ hit }) => {
    const ref = kb.passages[hit.passage]!;
    const text = ref.paragraph.text;
    const highlight = highlightPassage(text, new Set(hit.matchedTerms), (t) => kb.index.termIdf(t), kb.index.analyzer);
    const passage: CitedPassage = {
      id: ref.id,
      articleId: ref.article.id,
      title: ref.article.label,
      source: ref.article.source,
      date: ref.article.date,
      url: ref.article.url,
      paragraph: ref.paragraph.n,
      text,
      sentence: text.slice(highlight.sentence.start, highlight.sentence.end),
      sentenceSpan: highlight.sentence,
      terms: highlight.surfaces,
      termSpans: highlight.terms,
      score: Math.round(hit.score * 1000) / 1000,
    };
    return passage;
  });
  return { question, status: 'answered', lang, passages: cited.slice(0, options.maxPassages), more: cited.slice(options.maxPassages) };
}
