import { isPlaceWord } from '../text/index.js';
import { idf } from './bm25.js';
import type { Concept } from './query-plan.js';
import type { Vocabulary } from './vocabulary.js';

/** One way a concept may appear, as index term ids. */
export interface SingleTerm {
  id: number;
  weight: number;
  df: number;
  /** how sure the translation it comes from is (1 for the question's own word and its forms) */
  confidence: number;
}

/** Several words that must appear together; the question's own phrase earns credit word by word. */
export interface TermGroup {
  ids: number[];
  idfs: number[];
  /** what the postings are asked for to find the passages holding the group: each probe's terms all together */
  probes: number[][];
  dfs: number[];
  weight: number;
  typed: boolean;
  confidence: number;
}

/**
 * A concept ready for scoring. Its `idf` is its weight in the question: one
 * word's idf, or for a phrase the sum of its words' idfs, so that a synonym
 * standing for the whole phrase ("تيلرسون" for "وزير الخارجية الأمريكي") is
 * worth the phrase.
 */
export interface ScoringConcept {
  singles: SingleTerm[];
  /**
   * Loose relatives (see Alternative.loose): looked up only in the top
   * passages, where they add to the score but not to coverage.
   */
  loose: SingleTerm[];
  groups: TermGroup[];
  idf: number;
  /** passages holding it (approximate for merged alternatives); orders candidate gathering */
  df: number;
  /** how much it counts toward coverage, relative to its idf: more for places and numbers */
  coverageWeight: number;
  /** how many words of the question it stands for */
  words: number;
  /**
   * Known only through typo guesses: its matches help ranking but not
   * coverage, and a place or number so guessed stays unknown.
   */
  guessed: boolean;
  /** its weight in the question's coverage (for a guessed concept, that of an unknown word) */
  coverageIdf: number;
  /**
   * Known to the passages only through translations: a match earns toward
   * coverage its weight times the confidence of the surest translation that
   * passage has (SingleTerm.confidence), not the surest the corpus has.
   * Ranking is untouched; a question matched only through weak translations
   * does not cover enough to be answered.
   */
  translated: boolean;
}

/**
 * A place or a number in a question is a constraint, not a topic word: a
 * passage about the meeting in Kuwait does not answer "the meeting in Paris",
 * nor one about 2018 a question about 2022.
 */
export function isConstraint(words: readonly string[]): boolean {
  return words.some((w) => /^\d{2,}$/.test(w) || isPlaceWord(w));
}

/**
 * A word of the question no passage contains weighs as a word one passage
 * contains: it may be a paraphrase or a typo as easily as a missing subject.
 */
const UNKNOWN_WORD_DF = 1;

export function toScoringConcept(concept: Concept, vocabulary: Vocabulary, passages: number, constraintWeight: number): ScoringConcept {
  const n = passages;
  const singles: SingleTerm[] = [];
  const loose: SingleTerm[] = [];
  const groups: TermGroup[] = [];
  let singleDf = 0;
  let groupDf = 0;
  let phraseMass = 0;
  let phraseDf = n;
  let phraseUnknown = false;
  let ownWordKnown = false;
  // a foreign word the passages have as typed ("Thoughts" in an Arabic article) is as rare as it is there:
  // its translations may match more passages, they do not make it a common word
  let typedKnown = false;
  let ownDf = 0;
  let translatedEvidence = 0;
  for (const alternative of concept.alternatives) {
    const ids = alternative.terms.map((t) => vocabulary.id(t));
    if (!alternative.loose && !alternative.guessed && ids.every((id) => id !== undefined)) {
      if (alternative.confidence === undefined) ownWordKnown = true;
      else translatedEvidence = Math.max(translatedEvidence, alternative.confidence);
    }
    const dfs = ids.map((id) => (id === undefined ? 0 : vocabulary.df(id)));
    if (alternative.typed && ids.length > 1) {
      // the question's own phrase: every word counts, known or not
      phraseMass = dfs.reduce((sum, df) => sum + idf(df || UNKNOWN_WORD_DF, n), 0);
      const known = ids.flatMap((id, k) => (id === undefined ? [] : [k]));
      phraseUnknown = known.length === 0;
      if (known.length) {
        groups.push({
          ids: known.map((k) => ids[k]!),
          idfs: known.map((k) => idf(dfs[k]!, n)),
          probes: known.map((k) => [ids[k]!]),
          dfs: known.map((k) => dfs[k]!),
          weight: 1,
          typed: true,
          confidence: 1,
        });
        phraseDf = Math.min(...known.map((k) => dfs[k]!));
      }
      continue;
    }
    if (ids.some((id) => id === undefined)) continue;
    const known = ids as number[];
    if (known.length === 1) {
      const single = { id: known[0]!, weight: alternative.weight, df: dfs[0]!, confidence: alternative.confidence ?? 1 };
      if (alternative.loose) {
        loose.push(single);
        continue;
      }
      singles.push(single);
      // all translations of a word are one term (a structured query), but one the dictionary is unsure
      // of counts toward its passages only as much as it weighs: a sense the question hardly means
      // should not make the word look common
      singleDf += alternative.confidence === undefined ? dfs[0]! : dfs[0]! * Math.min(1, alternative.weight);
      if (alternative.confidence === undefined) ownDf += dfs[0]!;
      if (alternative.typed) typedKnown = true;
    } else {
      groups.push({
        ids: known,
        idfs: dfs.map((df) => idf(df, n)),
        probes: [known],
        dfs: [Math.min(...dfs)],
        weight: alternative.weight,
        typed: false,
        confidence: alternative.confidence ?? 1,
      });
      groupDf = Math.max(groupDf, Math.min(...dfs));
    }
  }
  const coverageWeight = isConstraint(concept.words) ? constraintWeight : 1;
  const translated = !ownWordKnown && translatedEvidence > 0;
  const words = concept.words.length;
  // a phrase none of whose words the passages have ("Islamic State" over Arabic articles, found through its
  // synonym «داعش») weighs what stands for it weighs, not a never-seen word's weight for each of its words: the
  // corpus's own subject would otherwise carry half of any question that names it
  if (phraseMass > 0 && phraseUnknown && (singleDf > 0 || groupDf > 0)) phraseMass = idf(Math.min(n, Math.max(singleDf, groupDf)), n);
  if (phraseMass > 0) {
    const df = Math.min(phraseDf, singleDf || n);
    return { singles, loose, groups, idf: phraseMass, df, coverageWeight, words, guessed: false, coverageIdf: phraseMass, translated };
  }
  const df = Math.min(n, Math.max(typedKnown && concept.foreign ? ownDf : singleDf, groupDf));
  const guessed =
    singles.length > 0 && concept.alternatives.every((a) => a.guessed || a.loose || a.terms.some((t) => vocabulary.id(t) === undefined));
  const weight = idf(df || UNKNOWN_WORD_DF, n);
  return {
    singles,
    loose,
    groups,
    df,
    idf: weight,
    coverageWeight,
    words,
    guessed,
    coverageIdf: guessed ? idf(UNKNOWN_WORD_DF, n) : weight,
    translated,
  };
}
