import type { SynonymGroup } from '../corpus/index.js';
import { askedAttribute, evidenceFrameWords } from '../search/answer-type.js';
import { ENGLISH_FRAME_WORDS } from '../search/english-frame-words.js';
import type { ConceptSummary, ScoredPassage } from '../search/index.js';
import { SynonymTable } from '../search/synonym-table.js';
import { ledeSetting } from './article-lede.js';
import { namedEvidence } from './cross-language-evidence.js';
import { corpusWord, indexedTitle, type KnowledgeBase } from './knowledge-base.js';
import { heldConcepts, holdsQuestion } from './own-text-evidence.js';
import { reportedSpeaker } from './reported-speaker.js';
import { typedWords, writtenMatches } from './typed-words.js';
import { namesUnknownPhrase } from './unknown-phrase.js';
import { namesNothing } from './vague-question.js';
import { articlesAbout, isYearConcept } from './year-rule.js';

export interface EvidenceOptions {
  minCoverage: number;
  minCoverageAcrossLanguages: number;
  minCoverageWithNames: number;
  minMatchedWords: number;
  maxUnknownShare: number;
  minWrittenShare: number;
}

/** What a passage must match to answer a question, once the question is known to be answerable at all. */
export interface EvidenceNeeded {
  /** share of the question's weight to match (a year no passage can confirm left out) */
  floor: number;
  /** whether a passage matches enough of the question to be cited first */
  answers(hit: ScoredPassage, articleId: string): boolean;
  /**
   * whether what the paragraph's words hold of the question, read word by word, still answers it
   * (see own-text-evidence.ts); asked only of the passages that may be cited first
   */
  holds(hit: ScoredPassage): boolean;
  /** whether its article may be about the years the question names */
  mayBeAbout(articleId: string): boolean;
  /** the concepts left out of the weighing (a year no passage can confirm), by index */
  leftOut: ReadonlySet<number>;
  /** the share of the weighed concepts' weight a passage matches (what it earned for the left-out ones does not count) */
  coverage(hit: ScoredPassage): number;
}

/**
 * The concepts of a question in the other language that say how it is asked, not
 * what about: each of its words a generic one (ENGLISH_FRAME_WORDS: "known", "used",
 * "took", "name", "called"). A dictionary seldom finds them in the passage that
 * answers, which words the same fact its own way. Left out only while more content
 * words remain than a passage must match: a question of few content words would
 * then be matched in full by chance.
 */
function askingWords(
  concepts: readonly ConceptSummary[],
  unweighed: ReadonlySet<ConceptSummary>,
  minMatchedWords: number,
): ConceptSummary[] {
  const asking = concepts.filter((c) => !unweighed.has(c) && !c.constraint && c.words.every((w) => ENGLISH_FRAME_WORDS.has(w)));
  const contentWords = concepts.filter((c) => !unweighed.has(c) && !asking.includes(c)).reduce((sum, c) => sum + c.words.length, 0);
  return contentWords > minMatchedWords ? asking : [];
}

/**
 * Whether no passage has the attribute a question asks for («مساحة», "area"):
 * the question's concept for it is absent; or the question names it without
 * the word ("How old…": "age"), asks in the other language, and none of the
 * word's dictionary translations (its own senses, not a related word's: "age"
 * is «العمر», not «الإعمار», reconstruction) is a word of the corpus. The same
 * reading of a concept the question has cost XQuAD-en test 0.002.
 */
function attributeAbsent(kb: KnowledgeBase, attribute: string, concepts: readonly ConceptSummary[], acrossLanguages: boolean): boolean {
  const concept = concepts.find((c) => c.words.includes(attribute));
  if (concept?.absent) return true;
  const lexicon = acrossLanguages ? kb.index.dictionary() : undefined;
  // a concept of the question's own: weighed by the index like any other (its related senses count there)
  if (!lexicon || concept) return false;
  const translations = lexicon.translate(attribute).filter((t) => !t.related);
  return (
    translations.length > 0 && translations.every((t) => kb.index.analyzer.terms(t.text).every((term) => kb.index.termIdf(term) === 0))
  );
}

/**
 * Reads how a question meets the corpus. Undefined when the corpus cannot
 * answer it whatever the passage: a place or number no article mentions, or
 * two words side by side no article has in any form (unknown-phrase.ts); an
 * asked-for attribute no article uses ("ما هي مساحة…", area); words no
 * article uses carrying most of the question. Otherwise what a passage must
 * match: enough of the question's weight, and enough of its words and of its
 * concepts (a three-word name is one thing asked about). Left out of the
 * weighing: a year no passage can confirm, and a word naming the category
 * of what is asked ("ما اسم…", "what type of…": the passage gives the name,
 * not the word "name").
 */
export function evidenceNeeded(
  kb: KnowledgeBase,
  question: string,
  concepts: readonly ConceptSummary[],
  acrossLanguages: boolean,
  options: EvidenceOptions,
): EvidenceNeeded | undefined {
  // a year no passage contains: only the articles whose date or text allow it may answer
  const years = concepts.filter((c) => c.constraint && !c.known && isYearConcept(c)).map((c) => ({ c, articles: articlesAbout(kb, c) }));
  // left out of the weighing: such a year, and the word naming the category asked for ("what is the name of…")
  const frame = evidenceFrameWords(question);
  const unweighed = new Set([
    ...years.filter((y) => y.articles.size > 0).map((y) => y.c),
    ...concepts.filter((c) => !c.constraint && c.words.every((w) => frame.has(w))),
  ]);
  const mayBeAbout = (articleId: string) => years.every((y) => y.articles.has(articleId));
  if (concepts.some((c) => c.constraint && !c.known && !unweighed.has(c))) return undefined;
  if (!acrossLanguages && namesUnknownPhrase(question, concepts, unweighed)) return undefined;
  const attribute = askedAttribute(question);
  if (attribute !== undefined && attributeAbsent(kb, attribute, concepts, acrossLanguages)) return undefined;
  const totalMass = concepts.reduce((sum, c) => sum + c.mass, 0);
  const unknownMass = concepts.reduce((sum, c) => sum + (c.known || unweighed.has(c) ? 0 : c.mass), 0);
  if (unknownMass >= options.maxUnknownShare * totalMass) return undefined;
  if (acrossLanguages) for (const c of askingWords(concepts, unweighed, options.minMatchedWords)) unweighed.add(c);

  const floor = acrossLanguages ? options.minCoverageAcrossLanguages : options.minCoverage;
  const weighed = concepts.filter((c) => !unweighed.has(c));
  if (!acrossLanguages && namesNothing(weighed)) return undefined;
  const needed = (n: number, allowedMissing = 1) => (n <= 2 ? n : Math.min(options.minMatchedWords, n - allowedMissing));
  // translated evidence is weaker: a question in the other language may not leave out a word of the few it must match
  const weighedWords = weighed.reduce((sum, c) => sum + c.words.length, 0);
  const wordsNeeded = needed(weighedWords, acrossLanguages ? 0 : 1);
  const conceptsNeeded = needed(weighed.length);
  const leftOut = new Set(concepts.flatMap((c, i) => (unweighed.has(c) ? [i] : [])));
  const leftOutMass = [...unweighed].reduce((sum, c) => sum + c.mass, 0);
  // the share of the weighed concepts' weight a passage matches: what it earned for the left-out ones does not
  // count (for one matched through a weak translation, that share of its weight, not all of it)
  const coverage = (hit: ScoredPassage) => {
    if (leftOutMass === 0 || totalMass <= leftOutMass) return hit.coverage;
    const matchedLeftOut = hit.matchedConcepts.reduce(
      (sum, i, k) => sum + (leftOut.has(i) ? (hit.conceptMass?.[k] ?? concepts[i]!.mass) : 0),
      0,
    );
    return Math.max(0, hit.coverage * totalMass - matchedLeftOut) / (totalMass - leftOutMass);
  };
  // a question in the corpus's language: the passage has some of its words as written, not only their relatives
  const leftOutWords = new Set([...unweighed].flatMap((c) => c.words));
  const typed = acrossLanguages
    ? []
    : typedWords(question, kb.index.analyzer, kb.mainLanguage, (term) => kb.index.termIdf(term) > 0, leftOutWords);
  const writtenNeeded =
    typed.length === 0 || options.minWrittenShare <= 0 ? 0 : Math.max(1, Math.ceil(options.minWrittenShare * typed.length));
  const hasWritten = (hit: ScoredPassage) =>
    writtenNeeded === 0 || writtenMatches(typed, kb.passages[hit.passage]!.paragraph.text, writtenNeeded) >= writtenNeeded;
  const byNames = acrossLanguages
    ? namedEvidence(kb, question, {
        wordsNeeded: needed(weighedWords),
        conceptsNeeded,
        floor,
        lowerFloor: options.minCoverageWithNames,
      })
    : undefined;
  const covers = (hit: ScoredPassage) =>
    (coverage(hit) >= floor && hit.matchedWords >= wordsNeeded && hit.matchedConcepts.length >= conceptsNeeded) ||
    (byNames?.(coverage(hit), hit, kb.passages[hit.passage]!.paragraph.text) ?? false);
  // a question in the corpus's language: what the paragraph's words hold of it, one thing asked per word
  const holds = (hit: ScoredPassage) => {
    if (acrossLanguages) return true;
    const ref = kb.passages[hit.passage]!;
    // what the paragraph stands in: its article's headline, the speaker it goes on with («واعتبر أن…»), the lede's places
    const speaker = reportedSpeaker(kb.passages, hit.passage, corpusWord(kb));
    const setting = ledeSetting(kb.passages, hit.passage).join(' ');
    const context = [indexedTitle(ref.article), speaker?.words.join(' '), setting].filter(Boolean).join(' — ');
    const held = heldConcepts(hit, concepts, ref.paragraph.text, context || undefined, kb.index.analyzer, listedNames(kb));
    return holdsQuestion(held, concepts, { floor, wordsNeeded, conceptsNeeded, leftOut });
  };
  return {
    floor,
    mayBeAbout,
    leftOut,
    coverage,
    answers: (hit, articleId) => mayBeAbout(articleId) && covers(hit) && hasWritten(hit),
    holds,
  };
}

const namesOf = new WeakMap<readonly SynonymGroup[], SynonymTable>();

/** The names the corpus's synonyms.txt lists («حلف شمال الأطلسي», «الأمم المتحدة», «سوريا»), analyzed as the index analyzes them. */
function listedNames(kb: KnowledgeBase): SynonymTable {
  let names = namesOf.get(kb.corpusSynonyms);
  if (!names) {
    names = new SynonymTable(kb.corpusSynonyms, kb.index.analyzer);
    namesOf.set(kb.corpusSynonyms, names);
  }
  return names;
}
