import {
  type Analyzer,
  beforeNormalization,
  createAnalyzer,
  normalizeText,
  type StemCounts,
  splitWords,
  termCountKeys,
} from '../text/index.js';
import { answerTypeBitsOfWord } from './answer-type.js';
import { type ForwardIndex, ForwardIndexBuilder } from './forward-index.js';
import { NameIndex } from './name-index.js';
import { Postings } from './postings.js';
import type { Segmented } from './segments.js';
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
  /** the corpus's words by consonant skeleton: names typed in the other script */
  names: NameIndex;
  /**
   * The passages as normalized words, before analysis: what a rebuild by
   * difference starts from (see retokenize). Present after a build, for the
   * snapshot; never loaded back into a serving index.
   */
  tokens?: { words: readonly string[]; body: SequenceStore; analysis: WordAnalysis; titles: TitleWords };
  /** set when this is a base segment with a delta on top (see segments.ts): `size` then counts the passages not removed */
  segmented?: Segmented;
}

/** The distinct titles' texts, in order of first occurrence, and each one's word ids (`words.of(k)` for `texts[k]`). */
export interface TitleWords {
  texts: readonly string[];
  words: SequenceStore;
}

/**
 * What analyzing each distinct word gave, aligned with the word list: saved
 * with a snapshot, so a reload by difference analyzes again only the new words
 * and those whose term may change with the stem counts (see termCountKeys).
 */
export interface WordAnalysis {
  /** the stems the words' analysis reads counts of, by id */
  keys: readonly string[];
  /** per word: its light stem (the first pass) as a key id, or -1 */
  stem: Int32Array;
  /** per word: its term's vocabulary id, or -1 */
  term: Int32Array;
  /** per word: surfaceHash */
  hash: Int32Array;
  /** per word: answerTypeBitsOfWord */
  types: Uint8Array;
  /** per word w: the key ids whose counts its term depends on, dependsOn[dependsOnOffsets[w] … dependsOnOffsets[w+1]) */
  dependsOnOffsets: Int32Array;
  dependsOn: Int32Array;
  /** per word with a term: its name skeletons (NameIndex.skeletonsOf), space-separated; '' otherwise */
  skeletons: readonly string[];
}

/** A snapshot's analysis of its words, with what it was made with. */
export interface PreviousAnalysis {
  analysis: WordAnalysis;
  /** the snapshot's vocabulary, in id order */
  vocabulary: readonly string[];
  stemCounts: StemCounts;
}

/**
 * Passages as ids of normalized words: the text pipeline's costly part
 * (normalizing and splitting every passage) done once.
 */
export interface TokenizedPassages {
  table: WordTable;
  /** per passage: its body's word ids, bodies.data[bodies.offsets[p] … bodies.offsets[p+1]) */
  bodies: { offsets: Int32Array; data: Int32Array };
  /** per distinct title text: its words */
  titleWords: Map<string, Int32Array>;
  titleTexts: (string | undefined)[];
  groups: (string | undefined)[];
  /** reused from a snapshot: its analysis, and per word of `table` the snapshot's id of that word (-1 when new) */
  previous?: { analysis: PreviousAnalysis; oldOf: Int32Array };
}

const EMPTY: Int32Array = new Int32Array(0);

/** Normalized words interned once: every later step works per distinct word, not per occurrence. */
class WordTable {
  readonly words: string[] = [];
  readonly frequency: number[] = [];
  private readonly ids = new Map<string, number>();

  idOf(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(word, id);
      this.words.push(word);
      this.frequency.push(0);
    }
    this.frequency[id]!++;
    return id;
  }

  idsOf(text: string): Int32Array {
    const words = splitWords(normalizeText(beforeNormalization(text)));
    const out = new Int32Array(words.length);
    for (let i = 0; i < words.length; i++) out[i] = this.idOf(words[i]!);
    return out;
  }
}

/** Every passage normalized and split once, in order: bodies first, then the distinct titles. */
export function tokenize(passages: readonly PassageInput[]): TokenizedPassages {
  return retokenize(
    [],
    passages.map((p) => p.text),
    passages.map((p) => p.title),
    passages.map((p) => p.group),
  );
}

/**
 * The same, where some bodies are already word ids over `knownWords` (from a
 * snapshot) and only the others are text: the words are numbered afresh in
 * order of first occurrence, so the result is the one tokenize() would give
 * for the same texts, id for id.
 */
export function retokenize(
  knownWords: readonly string[],
  bodies: readonly (string | Int32Array)[],
  titleTexts: (string | undefined)[],
  groups: (string | undefined)[],
  previous?: PreviousAnalysis,
  knownTitles?: ReadonlyMap<string, Int32Array>,
): TokenizedPassages {
  const table = new WordTable();
  const renumber = new Int32Array(knownWords.length).fill(-1);
  // numbered in passage order, then written once into one flat array (no array per reused passage)
  const numberKnown = (body: Int32Array) => {
    for (let i = 0; i < body.length; i++) {
      const old = body[i]!;
      if (renumber[old]! < 0) renumber[old] = table.idOf(knownWords[old]!);
      else table.frequency[renumber[old]!]!++;
    }
  };
  const ids = bodies.map((body) => {
    if (typeof body === 'string') return table.idsOf(body);
    numberKnown(body);
    return body;
  });
  const offsets = new Int32Array(bodies.length + 1);
  for (let p = 0; p < ids.length; p++) offsets[p + 1] = offsets[p]! + ids[p]!.length;
  const data = new Int32Array(offsets[bodies.length]!);
  for (let p = 0; p < ids.length; p++) {
    const body = ids[p]!;
    if (typeof bodies[p] === 'string') data.set(body, offsets[p]);
    else for (let i = 0, at = offsets[p]!; i < body.length; i++) data[at++] = renumber[body[i]!]!;
    ids[p] = EMPTY;
  }
  const bodyWords = { offsets, data };
  const titleWords = new Map<string, Int32Array>();
  for (const title of titleTexts) {
    if (!title || titleWords.has(title)) continue;
    // a title the snapshot has is not normalized and split again (tens of thousands of them): its words are renumbered
    const known = knownTitles?.get(title);
    if (!known) titleWords.set(title, table.idsOf(title));
    else {
      numberKnown(known);
      titleWords.set(
        title,
        known.map((old) => renumber[old]!),
      );
    }
  }
  if (!previous) return { table, bodies: bodyWords, titleWords, titleTexts, groups };
  const oldOf = new Int32Array(table.words.length).fill(-1);
  for (let old = 0; old < renumber.length; old++) if (renumber[old]! >= 0) oldOf[renumber[old]!] = old;
  // a word of the snapshot that first occurs in a retokenized text is found by its string
  const known = new Map<string, number>();
  for (let id = 0; id < table.words.length; id++) if (oldOf[id]! < 0) known.set(table.words[id]!, id);
  if (known.size > 0) {
    for (let old = 0; old < knownWords.length; old++) {
      if (renumber[old]! >= 0) continue;
      const id = known.get(knownWords[old]!);
      if (id !== undefined) oldOf[id] = old;
    }
  }
  return { table, bodies: bodyWords, titleWords, titleTexts, groups, previous: { analysis: previous, oldOf } };
}

/**
 * Builds the index in one pass over the text: every passage is normalized and
 * split once; stems, terms, hashes and answer types are then worked out once
 * per distinct word. Two analyzers: the first counts light stems over the
 * corpus, so the second can tell a fused particle ("وقال") from a root letter
 * ("وزير").
 */
export function buildIndexData(passages: readonly PassageInput[], titleWeight: number, reuse?: ReusedTokens): IndexData {
  const tokens = reuse
    ? retokenize(
        reuse.words,
        passages.map((p, i) => reuse.bodies[i] ?? p.text),
        passages.map((p) => p.title),
        passages.map((p) => p.group),
        reuse.analysis,
        reuse.titles,
      )
    : tokenize(passages);
  return buildIndexDataFromTokens(tokens, titleWeight);
}

/** Word ids of passages that did not change since a snapshot: they are not normalized and split again. */
export interface ReusedTokens {
  words: readonly string[];
  /** per passage: its body as ids over `words`, or undefined to tokenize its text */
  bodies: readonly (Int32Array | undefined)[];
  /** how the snapshot analyzed `words`, when it saved that */
  analysis?: PreviousAnalysis;
  /** the snapshot's distinct titles as ids over `words`, by text, when it saved them */
  titles?: ReadonlyMap<string, Int32Array>;
}

/** The index from passages already tokenized (see tokenize and retokenize). */
export function buildIndexDataFromTokens(tokens: TokenizedPassages, titleWeight: number): IndexData {
  const { table, bodies, titleWords, titleTexts, groups, previous } = tokens;
  const size = bodies.offsets.length - 1;
  const wordCount = table.words.length;
  const oldOf = previous?.oldOf;
  const before = previous?.analysis;
  const saved = before?.analysis;

  // first pass: light stems, and the stems whose counts each word's term depends on
  const firstPass = createAnalyzer();
  const stemCounts = new Map<string, number>();
  const keys: string[] = [];
  const keyIds = new Map<string, number>();
  const keyId = (key: string) => {
    let id = keyIds.get(key);
    if (id === undefined) {
      id = keys.push(key) - 1;
      keyIds.set(key, id);
    }
    return id;
  };
  const stemOfWord = new Int32Array(wordCount);
  const dependsOnOffsets = new Int32Array(wordCount + 1);
  const dependsOn: number[] = [];
  for (let id = 0; id < wordCount; id++) {
    const old = oldOf ? oldOf[id]! : -1;
    let stem: string | null;
    if (old >= 0) {
      const k = saved!.stem[old]!;
      stem = k < 0 ? null : saved!.keys[k]!;
      for (let d = saved!.dependsOnOffsets[old]!; d < saved!.dependsOnOffsets[old + 1]!; d++)
        dependsOn.push(keyId(saved!.keys[saved!.dependsOn[d]!]!));
    } else {
      const word = table.words[id]!;
      stem = firstPass.termOf(word);
      for (const key of termCountKeys(word)) dependsOn.push(keyId(key));
    }
    stemOfWord[id] = stem === null ? -1 : keyId(stem);
    dependsOnOffsets[id + 1] = dependsOn.length;
    if (stem !== null) stemCounts.set(stem, (stemCounts.get(stem) ?? 0) + table.frequency[id]!);
  }
  firstPass.forgetCache();

  // a reused word keeps its term unless a count it depends on changed
  let countChanged: Uint8Array | undefined;
  if (before) {
    countChanged = new Uint8Array(keys.length);
    for (let k = 0; k < keys.length; k++)
      if ((stemCounts.get(keys[k]!) ?? 0) !== (before.stemCounts.get(keys[k]!) ?? 0)) countChanged[k] = 1;
  }
  const keepsTerm = (id: number) => {
    for (let d = dependsOnOffsets[id]!; d < dependsOnOffsets[id + 1]!; d++) if (countChanged![dependsOn[d]!]) return false;
    return true;
  };

  const analyzer = createAnalyzer({ stemCounts });
  const vocabulary = new Vocabulary();
  const termOfWord = new Int32Array(wordCount);
  const hashOfWord = new Int32Array(wordCount);
  const typesOfWord = new Uint8Array(wordCount);
  const skeletons: string[] = new Array<string>(wordCount);
  const names = new NameIndex();
  for (let id = 0; id < wordCount; id++) {
    const word = table.words[id]!;
    const old = oldOf ? oldOf[id]! : -1;
    let term: string | null;
    if (old >= 0 && keepsTerm(id)) term = saved!.term[old]! < 0 ? null : before!.vocabulary[saved!.term[old]!]!;
    else term = analyzer.termOf(word);
    termOfWord[id] = term === null ? -1 : vocabulary.intern(term);
    // whether a word has a term does not depend on the counts: a reused word with one has its skeletons saved
    skeletons[id] = term === null ? '' : old >= 0 ? (saved!.skeletons[old] ?? '') : NameIndex.skeletonsOf(word).join(' ');
    if (term !== null) names.add(word, termOfWord[id]!, skeletons[id]!.split(' '));
    hashOfWord[id] = old >= 0 ? saved!.hash[old]! : surfaceHash(word);
    typesOfWord[id] = old >= 0 ? saved!.types[old]! : answerTypeBitsOfWord(word);
  }
  analyzer.forgetCache();
  const analysis: WordAnalysis = {
    keys,
    stem: stemOfWord,
    term: termOfWord,
    hash: hashOfWord,
    types: typesOfWord,
    dependsOnOffsets,
    dependsOn: Int32Array.from(dependsOn),
    skeletons,
  };

  const termIds = (words: Int32Array): Int32Array => {
    const ids: number[] = [];
    for (const word of words) if (termOfWord[word]! >= 0) ids.push(termOfWord[word]!);
    return Int32Array.from(ids);
  };

  // every per-passage sequence goes into flat arrays sized once: no per-passage garbage at 100k+ passages
  const { offsets: wordOffsets, data: wordData } = bodies;
  const totalWords = wordData.length;
  const termOffsets = new Int32Array(size + 1);
  const termData = new Int32Array(totalWords);
  const hashData = new Int32Array(totalWords);
  const distinctOffsets = new Int32Array(size + 1);
  let distinctData = new Int32Array(totalWords + 16 * size);
  const lastSeenIn = new Int32Array(vocabulary.size).fill(-1);
  const df = new Int32Array(vocabulary.size);

  const body = new ForwardIndexBuilder();
  const titles = new ForwardIndexBuilder();
  const titleNumbers = new Map<string, { n: number; ids: Int32Array }>();
  const titleOf = new Int32Array(size).fill(-1);
  const answerTypes = new Uint8Array(size);
  const followsNeighbor = new Uint8Array(size);
  let terms = 0;
  let distinct = 0;

  for (let i = 0; i < size; i++) {
    const words = wordData.subarray(wordOffsets[i], wordOffsets[i + 1]);
    const start = terms;
    let types = 0;
    for (let k = 0; k < words.length; k++) {
      const word = words[k]!;
      types |= typesOfWord[word]!;
      const term = termOfWord[word]!;
      if (term < 0) continue;
      termData[terms] = term;
      hashData[terms] = hashOfWord[word]!;
      terms++;
    }
    termOffsets[i + 1] = terms;
    const ids = termData.subarray(start, terms);
    let titleIds = EMPTY;
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
    answerTypes[i] = types;
    // the passage's distinct terms, the title's first, each counted once toward its document frequency
    if (distinct + titleIds.length + ids.length > distinctData.length) {
      const grown = new Int32Array(2 * (distinct + titleIds.length + ids.length));
      grown.set(distinctData.subarray(0, distinct));
      distinctData = grown;
    }
    for (let k = 0; k < titleIds.length + ids.length; k++) {
      const term = k < titleIds.length ? titleIds[k]! : ids[k - titleIds.length]!;
      if (lastSeenIn[term] === i) continue;
      lastSeenIn[term] = i;
      df[term]!++;
      distinctData[distinct++] = term;
    }
    distinctOffsets[i + 1] = distinct;
    if (i > 0 && groups[i] !== undefined && groups[i - 1] === groups[i]) followsNeighbor[i] = 1;
  }
  vocabulary.finish(df);
  // views, not copies: a build mostly runs in a worker that writes them out and exits, and a copy would double them at the peak
  const sequences = SequenceStore.of(termOffsets, termData.subarray(0, terms));
  const surfaces = SequenceStore.of(termOffsets, hashData.subarray(0, terms));
  const bodyStore = SequenceStore.of(wordOffsets, wordData);
  const titleStore = new SequenceStore();
  for (const ids of titleWords.values()) titleStore.add(ids);
  const postings = Postings.build((p) => distinctData.subarray(distinctOffsets[p], distinctOffsets[p + 1]), size, df);
  // the forward index is copied out of its builder only now, with the postings built: a lower peak on a cold build (measured)
  const bodyIndex = body.build();
  postings.setFrequencies((p, t) => bodyIndex.frequency(p, t));
  return {
    tokens: { words: table.words, body: bodyStore, analysis, titles: { texts: [...titleWords.keys()], words: titleStore } },
    size,
    analyzer,
    stemCounts,
    postings,
    vocabulary,
    body: bodyIndex,
    titleWeight,
    titles: titles.build(),
    titleOf,
    sequences,
    surfaces,
    answerTypes,
    followsNeighbor,
    names,
  };
}
