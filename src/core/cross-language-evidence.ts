import type { Lexicon } from '../lexicon/index.js';
import {
  type Analyzer,
  arabicSkeleton,
  latinSkeletons,
  nameDistance,
  normalizeText,
  splitWords,
  stripDefiniteArticle,
} from '../text/index.js';

/**
 * An Arabic word is a name in Arabic letters when this near it (see nameDistance), more for a long name,
 * as in src/search/cross-language.ts: "tesla" / «تسلا» 0.3, "denver" / «دنفر» 0.6.
 */
const TRANSLITERATION_DISTANCE = 0.8;
const TRANSLITERATION_DISTANCE_PER_LETTER = 0.125;
const DIGITS = /^\d+$/;
const CAPITAL = /^\p{Lu}/u;

/**
 * The names of a question in the other language, as written: runs of words
 * capitalized after the first ("Who coached the Denver Broncos?" → denver
 * broncos), and numbers. Normalized, each once.
 *
 * @example capitalizedNames('Did Tesla leave South Africa in 1884?', analyzer) // [['tesla'], ['south', 'africa'], ['1884']]
 */
export function capitalizedNames(question: string, analyzer: Analyzer): string[][] {
  const names: string[][] = [];
  let last = -2;
  for (const t of analyzer.analyze(question)) {
    if (DIGITS.test(t.norm)) names.push([t.norm]);
    else if (t.position > 0 && CAPITAL.test(question.slice(t.start, t.end))) {
      if (t.position === last + 1 && !DIGITS.test(names.at(-1)?.[0] ?? '')) names.at(-1)!.push(t.norm);
      else names.push([t.norm]);
      last = t.position;
    }
  }
  const seen = new Set<string>();
  return names.filter((n) => !seen.has(n.join(' ')) && seen.add(n.join(' ')));
}

function transliterationDistance(word: string): number {
  return Math.max(TRANSLITERATION_DISTANCE, TRANSLITERATION_DISTANCE_PER_LETTER * word.length);
}

/** Whether an Arabic word has a Latin name's consonants and near vowels. */
function soundsLike(name: string, word: string, skeletons: ReadonlySet<string>, distance: number): boolean {
  return skeletons.has(arabicSkeleton(word)) && nameDistance(name, word) <= distance;
}

/** A word's consonants begin a Latin word's, two at least («سكسوني» sksn, "saxon" sksn; «تيبتي» tbt, "tibetan" tbtn). */
function beginsLike(word: string, skeletons: ReadonlySet<string>): boolean {
  const arabic = arabicSkeleton(word);
  return arabic.length >= 2 && [...skeletons].some((latin) => latin.startsWith(arabic));
}

/** A word of a name and how a passage may write it. */
interface NameWord {
  word: string;
  skeletons: ReadonlySet<string>;
  /** written by sound: a number, a word the dictionary lacks, or translates by writing it in Arabic letters */
  proper: boolean;
  /** the index terms of its translations (only those in Arabic letters, for a proper one) */
  translations: string[][];
}

/**
 * How a passage may write a word of a name: a number as its digits; a word
 * the dictionary lacks, or translates by writing it in Arabic letters ("Kenya"
 * → «كينيا», "Jacksonville" → «جاكسونفيل»), by its sound; a word the dictionary
 * translates by meaning ("West" → «غرب», "Union" → «اتحاد») by that meaning.
 */
function nameWord(word: string, lexicon: Lexicon, analyzer: Analyzer): NameWord {
  const skeletons = new Set(latinSkeletons(word));
  if (DIGITS.test(word)) return { word, skeletons, proper: true, translations: [] };
  const translations = lexicon.translate(word).filter((t) => !t.related);
  const distance = transliterationDistance(word);
  // a translation in Arabic letters, or one whose consonants begin the word's: an Arabic ending on a name or
  // a loan ("Saxon" → «سكسوني», "Tibetan" → «تيبتي», "Parliament" → «البرلمان»)
  const sounded = translations.filter((t) =>
    t.text.split(' ').some((w) => soundsLike(word, w, skeletons, distance) || beginsLike(w, skeletons)),
  );
  const terms = (ts: typeof translations) => ts.map((t) => analyzer.terms(t.text)).filter((x) => x.length > 0);
  const proper = !lexicon.hasHeadword(word) || sounded.length > 0;
  return { word, skeletons, proper, translations: terms(proper ? sounded : translations) };
}

/**
 * Whether a passage writes a word of a name: a number as the same digits; a
 * proper word as its transliteration in the dictionary, or as an Arabic word
 * of the same sound that has no meaning of its own in the dictionary
 * («جاريد» is "Jared", but «الان», "now", is not "Allen", nor «كونها», "its
 * being", "Kenya"); a common word by one of its translations.
 */
function writes(name: NameWord, words: ReadonlySet<string>, terms: ReadonlySet<string>, lexicon: Lexicon): boolean {
  if (DIGITS.test(name.word)) return words.has(name.word);
  if (name.translations.some((t) => t.every((term) => terms.has(term)))) return true;
  if (!name.proper) return false;
  for (const word of words)
    if (soundsLike(name.word, word, name.skeletons, transliterationDistance(name.word)) && !hasOwnMeaning(word, name.word, lexicon))
      return true;
  return false;
}

const FUSED_PARTICLE = /^[وفبلك]/;
const PRONOUN_SUFFIX = /(?:ها|هم|هما|هن|كم|نا|ه)$/;

/**
 * Whether an Arabic word is, as written (a fused particle, the article or a
 * pronoun aside), the dictionary's translation of another English word that
 * is no name: «الان» "now", «كونها» "being". A translation that is itself a
 * name in Arabic letters («بولونيا» "Bologna") is no meaning of its own.
 */
function hasOwnMeaning(word: string, name: string, lexicon: Lexicon): boolean {
  const forms = new Set<string>();
  for (const w of [word, word.replace(FUSED_PARTICLE, '')]) {
    const bare = stripDefiniteArticle(w);
    forms.add(bare).add(bare.replace(PRONOUN_SUFFIX, ''));
  }
  return lexicon.reverse(word).some(({ headword }) => {
    if (headword === name) return false;
    const skeletons = new Set(latinSkeletons(headword));
    const distance = transliterationDistance(headword);
    return lexicon
      .translate(headword)
      .some((t) => !t.related && forms.has(stripDefiniteArticle(t.text)) && !soundsLike(headword, t.text, skeletons, distance));
  });
}

/**
 * The proper names and numbers of a question in the other language, and
 * whether a passage writes them. A dictionary translates a question's content
 * words by meaning, and the passage that answers often words the same fact
 * otherwise; its names it writes letter for letter. A passage that writes
 * the names a question is about is stronger evidence than the share of
 * translated words it matches; a passage about something else seldom writes
 * them (see README "How it answers").
 */
export interface QuestionNames {
  /** the question's names that hold a proper word or a number, each as its words */
  names: readonly (readonly string[])[];
  /** how many of them the passage writes, every word of each */
  writtenIn(text: string): number;
}

/**
 * Undefined when the question has no proper name or number. A name of several
 * words is one name, written only when all are: «أفريقيا» does not write
 * "South Africa", nor «الولايات المتحدة» alone "United States Navy".
 */
export function questionNames(question: string, analyzer: Analyzer, lexicon: Lexicon): QuestionNames | undefined {
  const names = capitalizedNames(question, analyzer)
    .map((words) => words.map((w) => nameWord(w, lexicon, analyzer)))
    .filter((name) => name.some((w) => w.proper));
  if (names.length === 0) return undefined;
  return {
    names: names.map((name) => name.map((w) => w.word)),
    writtenIn(text) {
      const words = new Set(splitWords(normalizeText(text)));
      const terms = new Set(analyzer.terms(text));
      return names.filter((name) => name.every((w) => writes(w, words, terms, lexicon))).length;
    },
  };
}

/** Share of a question's proper names and numbers a passage must write for the lower floor. */
const NAMES_WRITTEN_SHARE = 0.5;

/** How much of a translated question a passage that writes its names must match, as evidence.ts weighs it. */
export interface QuestionShape {
  /** the words and concepts to match when one may be missing, as for a question in the corpus's language */
  wordsNeeded: number;
  conceptsNeeded: number;
  /** the cross-language floor, and the lower one a passage that writes the names is held to */
  floor: number;
  lowerFloor: number;
}

/**
 * For a question in the other language with proper names or numbers: whether
 * a passage that writes half of them (one at least, a name of several words
 * as a whole) answers it. Such a passage is held to what a question in the
 * corpus's language must match: the lower floor, and one of its words and
 * concepts may be missing (see QuestionShape). Undefined when
 * the question has no name or number, or the index no dictionary.
 */
export function namedEvidence(
  kb: { index: { analyzer: Analyzer; dictionary(): Lexicon | undefined } },
  question: string,
  shape: QuestionShape,
): ((coverage: number, hit: { matchedWords: number; matchedConcepts: readonly number[] }, text: string) => boolean) | undefined {
  const lexicon = shape.lowerFloor < shape.floor ? kb.index.dictionary() : undefined;
  const names = lexicon && questionNames(question, kb.index.analyzer, lexicon);
  if (!names) return undefined;
  const written = Math.max(1, Math.ceil(NAMES_WRITTEN_SHARE * names.names.length));
  return (coverage, hit, text) =>
    coverage >= shape.lowerFloor &&
    hit.matchedWords >= shape.wordsNeeded &&
    hit.matchedConcepts.length >= shape.conceptsNeeded &&
    names.writtenIn(text) >= written;
}
