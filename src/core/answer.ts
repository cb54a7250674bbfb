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
  /**
   * The same, when the question is not in the corpus's language and matches
   * only through the glossary of synonyms: translated evidence is weaker.
   */
  minCoverageAcrossLanguages: number;
  /**
   * The best passage must match at least this many of the question's words
   * (a question of one or two words: all of them; of three: two): one shared
   * word is a topic, not an answer. Measured with 3: wrong answers to 1,430
   * unrelated questions fell from 17% to 3% while every answerable seed
   * question kept its answer.
   */
  minMatchedWords: number;
  /** a passage scoring below this share of the best one is not worth citing */
  relativeScoreFloor: number;
  /** another article's best passage is cited second when it scores this share of the best */
  otherArticleFloor: number;
  maxQuestionLength: number;
}

export const DEFAULT_ANSWER_OPTIONS: AnswerOptions = {
  maxPassages: 3,
  maxMore: 6,
  minCoverage: 0.3,
  minCoverageAcrossLanguages: 0.6,
  minMatchedWords: 3,
  relativeScoreFloor: 0.4,
  otherArticleFloor: 0.6,
  maxQuestionLength: DEFAULT_MAX_QUESTION_LENGTH,
};

const CANDIDATES = 30;
/** How far down the ranking the leading passage may be. */
const LEAD_CANDIDATES = 5;

/**
 * Orders qualifying hits so that another article gets a say: when two outlets
 * report the same fact (74 vs 75 countries), the other outlet's best paragraph
 * is cited second if it scores close enough to the best; the rest keep their
 * order, so a second paragraph of the best article is not pushed far down.
 */
function spreadOverArticles<T extends { articleId: string; score: number }>(ranked: readonly T[], closeEnough: number): T[] {
  const [first, ...rest] = ranked;
  if (!first) return [];
  const other = rest.find((item) => item.articleId !== first.articleId);
  if (!other || other.score < closeEnough * first.score) return [...ranked];
  return [first, other, ...rest.filter((item) => item !== other)];
}

export function answerQuestion(kb: KnowledgeBase, input: unknown, options: AnswerOptions = DEFAULT_ANSWER_OPTIONS): Answer {
  const checked = checkQuestion(input, options.maxQuestionLength);
  const lang = questionLanguage(checked.question);
  if (!checked.ok) return { question: checked.question, status: 'rejected', reason: checked.reason, lang, passages: [], more: [] };

  const question = checked.question;
  const { hits, concepts } = kb.index.search(question, CANDIDATES);
  const notFound: Answer = { question, status: 'not_found', lang, passages: [], more: [] };
  // A place or a number that no article mentions at all: the corpus does not cover what is asked.
  if (concepts.some((c) => c.constraint && !c.known)) return notFound;
  const acrossLanguages = lang !== kb.mainLanguage;
  const floor = acrossLanguages ? options.minCoverageAcrossLanguages : options.minCoverage;
  const questionWords = concepts.reduce((sum, c) => sum + c.words.length, 0);
  // translated evidence is weaker: a question in the other language may not leave out a word of the few it must match
  const allowedMissing = acrossLanguages ? 0 : 1;
  const wordsNeeded = questionWords <= 2 ? questionWords : Math.min(options.minMatchedWords, questionWords - allowedMissing);
  // the best-ranked passage that matches enough of the question leads; ranking alone may put first a
  // paragraph of the right article that does not itself answer
  const best = hits.slice(0, LEAD_CANDIDATES).find((h) => h.coverage >= floor && h.matchedWords >= wordsNeeded);
  if (!best) return notFound;

  // further passages need less coverage than the first: they are read next to it
  const qualifying = [best, ...hits.filter((h) => h !== best && h.coverage >= floor / 2 && h.score >= options.relativeScoreFloor * best.score)];
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
