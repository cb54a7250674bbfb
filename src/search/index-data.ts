import { beforeNormalization, createAnalyzer, normalizeText, splitWords, type Analyzer, type StemCounts } from '../text/index.js';
import { answerTypeBitsOfWord } from './answer-type.js';
import { ForwardIndexBuilder, type ForwardIndex } from './forward-index.js';
import { Postings } from './postings.js';
import { SequenceStore } from './sequence-store.js';
import { surfaceHash } from './surface-hash.js';
import { Vocabulary } from './vocabulary.js';

/** What gets indexed: a passage's text and the title of the article it is from. */
export interface PassageInput {
  text: string;
  title?: string;
  /**
   * The article the passage belongs to. Consecutive passages of one group are
   * neighbours: a paragraph often answers through the one before it ("وأضاف
   * حسني…"), so each shares a little of its neighbour's score.
   */
  group?: string;
}

/** Everything built from the passages; immutable once built. */
export interface IndexData {
  size: number;
  analyzer: Analyzer;
  /** the corpus's light-stem counts the analyzer was made with (see createAnalyzer) */
  stemCounts: StemCounts;
  /** inverted index: which passages hold a term (body or title) */
  postings: Postings;
  vocabulary: Vocabulary;
  /** per passage: term frequencies of the body, plus the title's counted `titleWeight` times each (lengths: the body's) */
  body: ForwardIndex;
  titleWeight: number;
  /** per distinct title: term frequencies */
  titles: ForwardIndex;
  /** per passage: its title's number in `titles`, or -1 */
  titleOf: Int32Array;
  /** per passage: term ids in text order (the proximity pass) */
  sequences: SequenceStore;
  /** per passage: surface-form hash of each term in `sequences`, aligned (the exact-form pass) */
  surfaces: SequenceStore;
  /** per passage: which answer types it offers (bits of ANSWER_TYPE_BIT) */
  answerTypes: Uint8Array;
  /** per passage: 1 when it follows a passage of the same group */
  followsNeighbor: Uint8Array;
}

/** Normalized words interned once: every later step works per distinct word, not per occurrence. */
class WordTable {
  readonly words: string[] = [];
  readonly frequency: number[] = [];
  private readonly ids = new Map<string, number>();

  idsOf(text: string): Int32Array {
    const words = splitWords(normalizeText(beforeNormalization(text)));
    const out = new Int32Array(words.length);
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      let id = this.ids.get(word);
      if (id === undefined) {
        id = this.words.length;
        this.ids.set(word, id);
        this.words.push(word);
        this.frequency.push(0);
      }
      this.frequency[id]!++;
      out[i] = id;
    }
    return out;
  }
}

/**
 * Builds the index in one pass over the text: every passage is normalized and
 * split once; stems, terms, hashes and answer types are then worked out once
 * per distinct word. Two analyzers: the first counts light stems over the
 * corpus, so the second can tell a fused particle ("وقال") from a root letter
 * ("وزير").
 */
export function buildIndexData(passages: readonly PassageInput[], titleWeight: number): IndexData {
  // the callers' objects may come in several shapes: read them once, so the loops below see plain arrays
  const texts = passages.map((p) => p.text);
  const titleTexts = passages.map((p) => p.title);
  const groups = passages.map((p) => p.group);

  const table = new WordTable();
  const bodyWords = texts.map((text) => table.idsOf(text));
  const titleWords = new Map<string, Int32Array>();
  for (const title of titleTexts) if (title && !titleWords.has(title)) titleWords.set(title, table.idsOf(title));

  const firstPass = createAnalyzer();
  const stemCounts = new Map<string, number>();
  table.words.forEach((word, id) => {
    const stem = firstPass.termOf(word);
    if (stem !== null) stemCounts.set(stem, (stemCounts.get(stem) ?? 0) + table.frequency[id]!);
  });

  const analyzer = createAnalyzer({ stemCounts });
  const vocabulary = new Vocabulary();
  const termOfWord = new Int32Array(table.words.length);
  const hashOfWord = new Int32Array(table.words.length);
  const typesOfWord = new Uint8Array(table.words.length);
  table.words.forEach((word, id) => {
    const term = analyzer.termOf(word);
    termOfWord[id] = term === null ? -1 : vocabulary.intern(term);
    hashOfWord[id] = surfaceHash(word);
    typesOfWord[id] = answerTypeBitsOfWord(word);
  });
  analyzer.forgetCache();

  const termIds = (words: Int32Array): number[] => {
    const ids: number[] = [];
    for (const word of words) if (termOfWord[word]! >= 0) ids.push(termOfWord[word]!);
    return ids;
  };

  const body = new ForwardIndexBuilder();
  const titles = new ForwardIndexBuilder();
  const titleNumbers = new Map<string, { n: number; ids: number[] }>();
  const titleOf = new Int32Array(texts.length).fill(-1);
  const sequences = new SequenceStore();
  const surfaces = new SequenceStore();
  const distinct = new SequenceStore();
  const answerTypes = new Uint8Array(texts.length);
  const followsNeighbor = new Uint8Array(texts.length);

  for (let i = 0; i < texts.length; i++) {
    const words = bodyWords[i]!;
    const ids: number[] = [];
    const hashes: number[] = [];
    let types = 0;
    for (const word of words) {
      types |= typesOfWord[word]!;
      if (termOfWord[word]! < 0) continue;
      ids.push(termOfWord[word]!);
      hashes.push(hashOfWord[word]!);
    }
    let titleIds: number[] = [];
    const titleText = titleTexts[i];
    if (titleText) {
      let title = titleNumbers.get(titleText);
      if (!title) {
        const ids = termIds(titleWords.get(titleText)!);
        title = { n: titles.add(ids), ids };
        titleNumbers.set(titleText, title);
      }
      titleOf[i] = title.n;
      titleIds = title.ids;
    }
    // the title's weight is folded into the passage's frequencies: one lookup per term at query time
    body.add(ids, titleIds, titleWeight);
    sequences.add(ids);
    surfaces.add(hashes);
    answerTypes[i] = types;
    const distinctIds = new Set([...titleIds, ...ids]);
    vocabulary.countPassage(distinctIds);
    distinct.add([...distinctIds]);
    if (i > 0 && groups[i] !== undefined && groups[i - 1] === groups[i]) followsNeighbor[i] = 1;
  }
  sequences.compact();
  surfaces.compact();
  distinct.compact();
  const postings = Postings.build((p) => distinct.of(p), texts.length, vocabulary.arrays().df);
  return {
    size: texts.length, analyzer, stemCounts, postings, vocabulary, body: body.build(), titleWeight, titles: titles.build(), titleOf,
    sequences, surfaces, answerTypes, followsNeighbor,
  };
}
