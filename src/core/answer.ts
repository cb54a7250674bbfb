import { ANSWER_TYPE_BIT, answerTypeOf, askedAttribute, countedNoun, datesItself } from '../search/answer-type.js';
import type { ConceptSummary, ScoredPassage, SearchOutcome } from '../search/index.js';
import { asksWhy, givesReason } from '../search/reason-words.js';
import { type Analyzer, normalizeText, splitWords } from '../text/index.js';
import { constraintMatches, withLedeSetting } from './article-lede.js';
import { type Candidate, chooseLead, orderCitations } from './citation-order.js';
import { offersCount } from './count-evidence.js';
import {
  countedTerms,
  countingParagraphs,
  countingParagraphsOfOtherArticles,
  countsAnswerInAnsweringArticles,
  countsWith,
} from './counting-paragraph.js';
import { evidenceNeeded } from './evidence.js';
import { corpusWord, type KnowledgeBase, type PassageRef } from './knowledge-base.js';
import { givesMeasure, isMeasuredAttribute } from './measure-evidence.js';
import { checkQuestion, DEFAULT_MAX_QUESTION_LENGTH, questionLanguage, type RejectReason } from './question.js';
import { reportedSpeaker, speakerText, withReportedSpeaker } from './reported-speaker.js';
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
  /** who is speaking, as an earlier paragraph names them, when this one goes on with their words («واعتبر أن…») */
  speaker?: string;
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
   * The same, when the question is not in the corpus's language: each word
   * counts by how sure the translation the passage has is, and a question
   * that matches only through weak translations stays below it. 0.5 on the
   * dev splits: XQuAD English cites its gold paragraph for 0.530 (0.457 at 0.6)
   * while 2 of 624 English off-corpus questions get an answer (1 at 0.6, 5 at 0.45).
   */
  minCoverageAcrossLanguages: number;
  /**
   * The same, for a passage that writes half the names and numbers of a
   * question in the other language, one at least, each as a whole
   * (src/core/cross-language-evidence.ts); it may then also miss one of the
   * words it must match, as a question in the corpus's language may (not one
   * of two). Measured on the dev splits: XQuAD English cites its gold paragraph
   * for 0.564 → 0.609 with no more off-corpus answers; 0.25 or 0.2 add 0.005 at most.
   */
  minCoverageWithNames: number;
  /**
   * The best passage must match at least this many of the question's words
   * (a question of one or two words: all of them; of three: two): one shared
   * word is a topic, not an answer. Measured with 3: wrong answers to 1,430
   * unrelated questions fell from 17% to 3% while every answerable seed
   * question kept its answer. Counted both in words and in concepts: a
   * name of three words ("الولايات المتحدة الأمريكية") is one thing asked about.
   */
  minMatchedWords: number;
  /**
   * When words no article uses carry this share of the question's weight,
   * it is about something else (measured on the dev splits' off-corpus
   * questions: 0.6 refuses 4 more of 2,678 and no answerable one; 0.55
   * three more, no seed question and one XQuAD Arabic one of 624; 0.5
   * refuses seed questions).
   */
  maxUnknownShare: number;
  /**
   * Share of a question's words (stop words aside, one at least) the passage
   * cited first must have as written, with or without the article or a fused
   * particle: the stemmer and the synonyms match relatives ("العرب" /
   * "العربية", "تقام" / "قام"), which find the topic but are no evidence on
   * their own. Not for questions in the other language (translations are
   * weighed by the cross-language floor). See README "How it answers".
   */
  minWrittenShare: number;
  /** a passage scoring below this share of the best one is not worth citing */
  relativeScoreFloor: number;
  /**
   * For a question that does not say what kind of thing it asks for, another
   * article's passage is cited right after the lead when it covers this share
   * of what the lead covers (typed questions: when it offers that type).
   */
  otherArticleCoverage: number;
  /** a passage scoring this share of the best one leads instead when it covers more of the question */
  leadCloseScore: number;
  maxQuestionLength: number;
}

export const DEFAULT_ANSWER_OPTIONS: AnswerOptions = {
  maxPassages: 3,
  maxMore: 6,
  minCoverage: 0.3,
  minCoverageAcrossLanguages: 0.5,
  minCoverageWithNames: 0.3,
  minMatchedWords: 3,
  maxUnknownShare: 0.55,
  minWrittenShare: 0.25,
  relativeScoreFloor: 0.4,
  otherArticleCoverage: 0.75,
  leadCloseScore: 0.95,
  maxQuestionLength: DEFAULT_MAX_QUESTION_LENGTH,
};

export const CANDIDATES = 30;
/** How many of the candidates one article may hold (see fewPerArticle). */
const CANDIDATES_PER_ARTICLE = 10;
/** How far down the ranking the leading passage may be. */
export const LEAD_CANDIDATES = 5;

/** Whether a paragraph's own words include a term the question matched there (the rest came from its headline). */
function bodyMatches(text: string, matched: readonly string[], analyzer: Analyzer): boolean {
  if (matched.length === 0) return false;
  const own = new Set(analyzer.terms(text));
  return matched.some((term) => own.has(term));
}

/** Whether a paragraph is nothing but its article's headline (some outlets print the headline as the first line). */
function isHeadline(ref: PassageRef): boolean {
  const title = ref.article.title;
  if (!title || ref.paragraph.text.length > 2 * title.length) return false;
  const words = (text: string) => splitWords(normalizeText(text)).join(' ');
  const paragraph = words(ref.paragraph.text);
  return paragraph.length > 0 && words(title).includes(paragraph);
}

/** Each hit credited with the speaker its paragraph goes on with (reported-speaker.ts) and its article's setting (article-lede.ts). */
function withArticleContext(kb: KnowledgeBase, hits: readonly ScoredPassage[], concepts: readonly ConceptSummary[]): ScoredPassage[] {
  const byPassage = new Map(hits.map((hit) => [hit.passage, hit]));
  const totalMass = concepts.reduce((sum, c) => sum + c.mass, 0);
  const conceptWords = concepts.map((c) => c.words.length);
  const termsOf = (words: readonly string[]) => words.flatMap((w) => kb.index.analyzer.termOf(w) ?? []);
  const known = corpusWord(kb);
  const hitOf = (p: number) => byPassage.get(p);
  const matches = constraintMatches(hits, concepts);
  return hits
    .map((hit) =>
      withLedeSetting(
        withReportedSpeaker(hit, kb.passages, hitOf, conceptWords, totalMass, termsOf, known),
        kb.passages,
        hitOf,
        concepts,
        conceptWords,
        totalMass,
        termsOf,
        matches,
      ),
    )
    .sort((a, b) => b.score - a.score);
}

/**
 * The first CANDIDATES hits, at most CANDIDATES_PER_ARTICLE of any one article: an
 * article's headline is indexed with each of its paragraphs, so a long article whose
 * headline holds the question's words would fill the candidates and leave out another
 * outlet's report of the same event («…أكثر من 75 دولة» under «How many countries took
 * part in the coalition meeting in Kuwait?»).
 */
function fewPerArticle(kb: KnowledgeBase, question: string): SearchOutcome {
  const perArticle = (hits: readonly ScoredPassage[]) => {
    const taken = new Map<PassageRef['article'], number>();
    return hits.filter((hit) => {
      const article = kb.passages[hit.passage]!.article;
      const n = taken.get(article) ?? 0;
      taken.set(article, n + 1);
      return n < CANDIDATES_PER_ARTICLE;
    });
  };
  const found = kb.index.search(question, CANDIDATES);
  // most questions spread over many articles: the second, longer search only when one article crowds the first
  if (perArticle(found.hits).length === found.hits.length) return found;
  const more = kb.index.search(question, CANDIDATES * 3);
  return { ...more, hits: perArticle(more.hits).slice(0, CANDIDATES) };
}

export function answerQuestion(kb: KnowledgeBase, input: unknown, options: AnswerOptions = DEFAULT_ANSWER_OPTIONS): Answer {
  const checked = checkQuestion(input, options.maxQuestionLength);
  const lang = questionLanguage(checked.question);
  if (!checked.ok) return { question: checked.question, status: 'rejected', reason: checked.reason, lang, passages: [], more: [] };

  const question = checked.question;
  const found = fewPerArticle(kb, question);
  const { concepts } = found;
  const hits = withArticleContext(kb, found.hits, concepts);
  const notFound: Answer = { question, status: 'not_found', lang, passages: [], more: [] };
  const needed = evidenceNeeded(kb, question, concepts, lang !== kb.mainLanguage, options);
  if (!needed) return notFound;
  const { floor, mayBeAbout } = needed;
  const wanted = answerTypeOf(question);
  // "why": a paragraph that gives a reason or a purpose («بغية…», «نتيجة…») is what is asked for
  const why = wanted === undefined && asksWhy(question);
  const counted = wanted === 'number' ? countedNoun(question) : undefined;
  const acrossLanguages = lang !== kb.mainLanguage;
  // the dictionary only for a question in the other language: one in the corpus's never reads it
  const countedForms =
    counted === undefined
      ? undefined
      : countedTerms(counted, kb.index.analyzer, acrossLanguages ? kb.index.dictionary() : undefined, acrossLanguages);
  const countedTerm = countedForms?.size ? countedForms : null;
  const candidates: Candidate[] = hits.map((hit) => {
    const ref = kb.passages[hit.passage]!;
    let ownText: boolean | undefined;
    let holds: boolean | undefined;
    let offersType: boolean | undefined;
    return {
      hit,
      articleId: ref.article.id,
      answers: needed.answers(hit, ref.article.id),
      // «أمس» answers "when" only beside the article's date; the paragraph is read only for the candidates asked
      get offersType() {
        offersType ??= why
          ? givesReason(ref.paragraph.text)
          : !wanted ||
            ((hit.answerTypes & ANSWER_TYPE_BIT[wanted]) !== 0 &&
              (wanted !== 'date' || ref.article.date !== undefined || datesItself(ref.paragraph.text)));
        return offersType;
      },
      typed: wanted !== undefined || why,
      typePreferred: why,
      counts: countedTerm !== null && countsWith(ref.paragraph.text, countedTerm, kb.index.analyzer.termOf),
      headline: isHeadline(ref),
      // analyzing the paragraph costs: only for the few candidates that may lead or be quoted
      get bodyMatches() {
        ownText ??= bodyMatches(ref.paragraph.text, hit.matchedTerms, kb.index.analyzer);
        return ownText;
      },
      get holds() {
        holds ??= needed.holds(hit);
        return holds;
      },
    };
  });
  // ranking alone may put first a paragraph of the right article that does not itself answer
  // passages of articles the year rules out take no place among those that may lead
  const best = chooseLead(
    candidates.filter((c) => mayBeAbout(c.articleId)),
    LEAD_CANDIDATES,
    options.leadCloseScore,
  );
  if (!best) return notFound;
  if (countedTerm !== null) countsAnswerInAnsweringArticles(candidates);

  // further passages need less coverage than the first: they are read next to it; a passage that
  // answers "how many" with a number next to what is counted qualifies whatever its score
  // a passage whose own text holds no word of the question quotes nothing that answers: only its headline matched
  const qualifying = candidates.filter(
    (c) =>
      c === best ||
      (((c.counts && c.answers) ||
        (mayBeAbout(c.articleId) && c.hit.coverage >= floor / 2 && c.hit.score >= options.relativeScoreFloor * best.hit.score)) &&
        c.bodyMatches),
  );
  // a paragraph that gives the count and is worth citing answers "how many"
  for (const c of qualifying) if (c.counts) c.answers = true;
  // a cited article's paragraph that gives the count, wherever the ranking put it
  const counting = countedTerm === null ? [] : countingParagraphs(qualifying, kb.passages, countedTerm, kb.index.analyzer);
  // a lead that does not count what is asked («مشاركة 75 جهة» for «كم جلسة…») gives way to a paragraph that does, of its article first
  const countingFirst = [...qualifying, ...counting].filter((c) => c.counts && c.answers);
  const countsInLeadArticle = countingFirst.find((c) => c.articleId === best.articleId) ?? countingFirst[0];
  const countingLead = (!best.counts && countsInLeadArticle) || best;
  // "What is the population of Iraq?": a paragraph giving the figure, a number by the word or its unit
  // («4,5 مليون نسمة»), leads; without one, the corpus does not say («يقطنها عدد كبير من السكان»)
  const measured = [askedAttribute(question), counted].find(isMeasuredAttribute);
  const lead =
    measured === undefined
      ? countingLead
      : [countingLead, ...qualifying].find(
          (c) => c.answers && c.holds && givesMeasure(kb.passages[c.hit.passage]!.paragraph.text, measured),
        );
  if (!lead) return notFound;
  // "how many" led by a passage with no number and no dual of what is counted: it matched the words, not the count
  if (countedTerm !== null && !offersCount(lead.hit, kb.passages[lead.hit.passage]!.paragraph.text, countedTerm, kb.index.analyzer.termOf))
    return notFound;
  // another outlet's count of the same event, in an article about the place asked (see countingParagraphsOfOtherArticles)
  const constraints = concepts.flatMap((c, i) => (c.constraint && !needed.leftOut.has(i) ? [i] : []));
  const otherCounts =
    countedTerm === null
      ? []
      : countingParagraphsOfOtherArticles(
          candidates,
          new Set([...qualifying, ...counting].map((c) => c.articleId)),
          constraints,
          kb.passages,
          countedTerm,
          kb.index.analyzer,
        );
  const ordered = orderCitations(lead, [...new Set([...qualifying, ...counting, ...otherCounts])], options.otherArticleCoverage);
  const cited = ordered.slice(0, options.maxPassages + options.maxMore).map(({ hit }) => {
    const ref = kb.passages[hit.passage]!;
    const text = ref.paragraph.text;
    const highlight = highlightPassage(text, new Set(hit.matchedTerms), (t) => kb.index.termIdf(t), kb.index.analyzer);
    const speaker = reportedSpeaker(kb.passages, hit.passage, corpusWord(kb));
    const passage: CitedPassage = {
      ...(speaker && { speaker: speakerText(kb.passages[speaker.passage]!.paragraph.text, speaker.words) }),
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
