import { beforeNormalization, createAnalyzer, normalizeText, type StemCounts, splitWords } from '../text/index.js';
import { answerTypeBitsOfWord } from './answer-type.js';
import { ForwardIndex, ForwardIndexBuilder } from './forward-index.js';
import type { IndexData, PassageInput } from './index-data.js';
import { NameIndex } from './name-index.js';
import { cappedTfOf, MAX_POSTING_PASSAGES, Postings, passageOf, postingEntry } from './postings.js';
import { SequenceStore } from './sequence-store.js';
import { surfaceHash } from './surface-hash.js';
import { Vocabulary } from './vocabulary.js';

/**
 * Segments, the way Lucene updates an index: a reload of a few changed
 * articles keeps the loaded index (the base segment) as it is, marks the
 * base's passages of those articles removed, and indexes the articles as
 * they are now in a small delta segment numbered after the base's passages.
 * Questions search both; the corpus statistics BM25 reads (passage count,
 * average length, each term's passage count) and the stem counts the
 * analyzer reads are those of the corpus as it is now, so scores equal a
 * full build's, and passages of equal score rank in corpus order (see
 * Delta.order). What differs: passage numbers (the delta's come last) and
 * new terms' ids (after the base's), which answers do not show.
 */

/** What a delta changes in the texts the stem counts are made from (see stemCountsAfter). */
export interface DeltaTexts {
  /** the bodies of the base passages removed */
  removedBodies: Iterable<string>;
  /** title texts no passage has any more */
  removedTitles: Iterable<string>;
  /** the bodies of the delta's passages */
  addedBodies: Iterable<string>;
  /** title texts of the delta no base passage had */
  addedTitles: Iterable<string>;
}

/** A base segment's stem counts with a delta's changes on top, without copying the base's map. */
class StemCountsOverlay implements ReadonlyMap<string, number> {
  constructor(
    private readonly base: StemCounts,
    /** stem → its count now (0: gone) */
    private readonly changes: ReadonlyMap<string, number>,
  ) {}

  get(key: string): number | undefined {
    const changed = this.changes.get(key);
    if (changed === undefined) return this.base.get(key);
    return changed === 0 ? undefined : changed;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  get size(): number {
    let size = 0;
    for (const _ of this.keys()) size++;
    return size;
  }

  *entries(): MapIterator<[string, number]> {
    for (const [key, count] of this.base) if (!this.changes.has(key)) yield [key, count];
    for (const [key, count] of this.changes) if (count > 0) yield [key, count];
  }

  *keys(): MapIterator<string> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<number> {
    for (const [, count] of this.entries()) yield count;
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }

  forEach(callback: (value: number, key: string, map: ReadonlyMap<string, number>) => void): void {
    for (const [key, count] of this.entries()) callback(count, key, this);
  }
}

const wordsOf = (text: string) => splitWords(normalizeText(beforeNormalization(text)));

/** Lets the caller's other work run (questions, on the thread that answers them); `noPause` for none. */
export type Pause = () => Promise<unknown>;
const noPause: Pause = () => Promise.resolve();
/** Passages (or texts) worked through between two pauses. */
const PIECE = 200;

/**
 * The corpus's light-stem counts once a delta applies (the first analyzer
 * pass of buildIndexData, counted by difference), and the stems whose count
 * changed: a word of the base whose term depends on one of them (see
 * termCountKeys) may get another term.
 */
export async function stemCountsAfter(
  base: StemCounts,
  texts: DeltaTexts,
  pause: Pause = noPause,
): Promise<{ counts: StemCounts; changed: string[] }> {
  const firstPass = createAnalyzer();
  const difference = new Map<string, number>();
  let counted = 0;
  const count = async (texts: Iterable<string>, by: number) => {
    for (const text of texts) {
      if (++counted % PIECE === 0) await pause();
      for (const word of wordsOf(text)) {
        const stem = firstPass.termOf(word);
        if (stem !== null) difference.set(stem, (difference.get(stem) ?? 0) + by);
      }
    }
  };
  await count(texts.removedBodies, -1);
  await count(texts.removedTitles, -1);
  await count(texts.addedBodies, 1);
  await count(texts.addedTitles, 1);
  const changes = new Map<string, number>();
  for (const [stem, by] of difference) if (by !== 0) changes.set(stem, (base.get(stem) ?? 0) + by);
  return { counts: new StemCountsOverlay(base, changes), changed: [...changes.keys()] };
}

/** A delta on a base segment: see segmentedIndexData. */
export interface Delta {
  /** the base's passages removed (whole articles: a passage's neighbours go with it) */
  removed: readonly number[];
  /** the delta's passages, numbered from the base's passage count on */
  added: readonly PassageInput[];
  /** the stem counts with the delta (stemCountsAfter) */
  counts: StemCounts;
  /** words of the base whose term is another now: the base's name entries for them no longer count */
  retermed?: ReadonlySet<string>;
  /**
   * Per passage number (the base's, then the delta's): its place in the
   * corpus as a full build would number it. Passages of equal score are
   * ranked in that order, as in a full build; without it, by number.
   */
  order?: Int32Array;
}

/** The segments' place in IndexData. */
export interface Segmented {
  /** passage numbers in use: the base's (removed ones included) and the delta's */
  slots: number;
  /** per passage number: 1 when removed */
  removed: Uint8Array;
  /** the base segment's passage count */
  baseSlots: number;
  /** see Delta.order */
  order?: Int32Array;
}

class SegmentedForwardIndex extends ForwardIndex {
  constructor(
    private readonly base: ForwardIndex,
    delta: ForwardIndex,
    private readonly baseSlots: number,
    averageLength: number,
  ) {
    super(delta.offsets, delta.termIds, delta.counts, delta.lengths);
    Object.assign(this, { averageLength, size: baseSlots + delta.size });
  }

  override frequency(passage: number, term: number): number {
    return passage < this.baseSlots ? this.base.frequency(passage, term) : super.frequency(passage - this.baseSlots, term);
  }

  override length(passage: number): number {
    return passage < this.baseSlots ? this.base.length(passage) : super.length(passage - this.baseSlots);
  }

  override terms(passage: number): Int32Array {
    return passage < this.baseSlots ? this.base.terms(passage) : super.terms(passage - this.baseSlots);
  }
}

class SegmentedPostings extends Postings {
  constructor(
    private readonly base: Postings,
    /** the delta's postings, already numbered after the base's passages */
    delta: Postings,
    private readonly baseTerms: number,
  ) {
    super(delta.offsets, delta.entries);
  }

  /** The base's passages holding the term (removed ones too: the search skips them), then the delta's. */
  override of(term: number): Int32Array {
    const own = super.of(term);
    const base = term < this.baseTerms ? this.base.of(term) : own.subarray(0, 0);
    if (own.length === 0) return base;
    if (base.length === 0) return own;
    const both = new Int32Array(base.length + own.length);
    both.set(base);
    both.set(own, base.length);
    return both;
  }
}

class SegmentedSequences extends SequenceStore {
  constructor(
    private readonly base: SequenceStore,
    private readonly delta: SequenceStore,
    private readonly baseSlots: number,
  ) {
    super();
  }

  override of(passage: number): Int32Array {
    return passage < this.baseSlots ? this.base.of(passage) : this.delta.of(passage - this.baseSlots);
  }
}

/**
 * The base's data with a delta on top: only the delta's passages are
 * analyzed and indexed; the base's arrays are shared, not copied (the
 * per-passage bytes — answer types, neighbours, titles — excepted: a few
 * hundred kilobytes).
 */
export async function segmentedIndexData(base: IndexData, delta: Delta, pause: Pause = noPause): Promise<IndexData> {
  if (base.segmented) throw new Error('segmentedIndexData: the base is itself segmented');
  const baseSlots = base.size;
  const analyzer = createAnalyzer({ stemCounts: delta.counts });
  const vocabulary = Vocabulary.extending(base.vocabulary);
  const baseTerms = base.vocabulary.size;
  const retermed = delta.retermed ?? new Set<string>();
  const names = NameIndex.extending(base.names, (named) => !retermed.has(named.word) && vocabulary.df(named.term) > 0);

  // per distinct word: its term, surface hash and answer types, worked out once
  const analyzed = new Map<string, { term: number; hash: number; types: number }>();
  const analyze = (word: string) => {
    let found = analyzed.get(word);
    if (!found) {
      const term = analyzer.termOf(word);
      found = { term: term === null ? -1 : vocabulary.intern(term), hash: surfaceHash(word), types: answerTypeBitsOfWord(word) };
      if (found.term >= 0) names.add(word, found.term);
      analyzed.set(word, found);
    }
    return found;
  };

  const body = new ForwardIndexBuilder();
  const titles = new ForwardIndexBuilder();
  const sequences = new SequenceStore();
  const surfaces = new SequenceStore();
  const titleNumbers = new Map<string, { n: number; ids: number[] }>();
  const count = delta.added.length;
  const titleOf = new Int32Array(count).fill(-1);
  const answerTypes = new Uint8Array(count);
  const followsNeighbor = new Uint8Array(count);
  const distinct: number[][] = [];
  for (let i = 0; i < count; i++) {
    if (i % PIECE === PIECE - 1) await pause();
    const passage = delta.added[i]!;
    const ids: number[] = [];
    const hashes: number[] = [];
    let types = 0;
    for (const word of wordsOf(passage.text)) {
      const { term, hash, types: wordTypes } = analyze(word);
      types |= wordTypes;
      if (term < 0) continue;
      ids.push(term);
      hashes.push(hash);
    }
    let titleIds: number[] = [];
    if (passage.title) {
      let title = titleNumbers.get(passage.title);
      if (!title) {
        const ids = wordsOf(passage.title)
          .map((word) => analyze(word).term)
          .filter((term) => term >= 0);
        title = { n: base.titles.size + titles.add(ids), ids };
        titleNumbers.set(passage.title, title);
      }
      titleOf[i] = title.n;
      titleIds = title.ids;
    }
    body.add(ids, titleIds, base.titleWeight);
    sequences.add(ids);
    surfaces.add(hashes);
    answerTypes[i] = types;
    distinct.push([...new Set([...titleIds, ...ids])]);
    if (i > 0 && passage.group !== undefined && delta.added[i - 1]!.group === passage.group) followsNeighbor[i] = 1;
  }

  const df = new Int32Array(vocabulary.size);
  df.set(base.vocabulary.arrays().df);
  const addedDf = new Int32Array(vocabulary.size);
  for (const ids of distinct) for (const id of ids) addedDf[id]!++;
  for (let id = 0; id < df.length; id++) df[id]! += addedDf[id]!;
  const removed = new Uint8Array(baseSlots + count);
  let removedLength = 0;
  await pause();
  for (const passage of delta.removed) {
    if (removed[passage]) continue;
    removed[passage] = 1;
    removedLength += base.body.length(passage);
    for (const id of base.body.terms(passage)) df[id]!--;
  }
  vocabulary.finish(df);
  const deltaBody = body.build();
  if (baseSlots + count > MAX_POSTING_PASSAGES)
    throw new Error(`segmentedIndexData: ${baseSlots + count} passages, more than ${MAX_POSTING_PASSAGES}`);
  const deltaPostings = Postings.build((p) => distinct[p]!, count, addedDf);
  deltaPostings.setFrequencies((p, t) => deltaBody.frequency(p, t));
  const { entries } = deltaPostings;
  for (let k = 0; k < entries.length; k++) entries[k] = postingEntry(passageOf(entries[k]!) + baseSlots, cappedTfOf(entries[k]!));

  const live = baseSlots - delta.removed.length + count;
  let totalLength = 0;
  for (let p = 0; p < baseSlots; p++) totalLength += base.body.length(p);
  for (let p = 0; p < count; p++) totalLength += deltaBody.length(p);
  totalLength -= removedLength;

  const joined = <T extends Int32Array | Uint8Array>(a: T, b: T, make: (n: number) => T): T => {
    const out = make(a.length + b.length);
    out.set(a);
    out.set(b, a.length);
    return out;
  };
  return {
    size: live,
    analyzer,
    stemCounts: delta.counts,
    postings: new SegmentedPostings(base.postings, deltaPostings, baseTerms),
    vocabulary,
    body: new SegmentedForwardIndex(base.body, deltaBody, baseSlots, live > 0 ? totalLength / live : 0),
    titleWeight: base.titleWeight,
    titles: new SegmentedForwardIndex(base.titles, titles.build(), base.titles.size, 0),
    titleOf: joined(base.titleOf, titleOf, (n) => new Int32Array(n)),
    sequences: new SegmentedSequences(base.sequences, sequences, baseSlots),
    surfaces: new SegmentedSequences(base.surfaces, surfaces, baseSlots),
    answerTypes: joined(base.answerTypes, answerTypes, (n) => new Uint8Array(n)),
    followsNeighbor: joined(base.followsNeighbor, followsNeighbor, (n) => new Uint8Array(n)),
    names,
    segmented: { slots: baseSlots + count, removed, baseSlots, order: delta.order },
  };
}

/** A word of the base and its term there (a vocabulary id, or -1 for none). */
export interface BaseWord {
  word: string;
  term: number;
}

/**
 * The words among `candidates` whose term differs with the delta's stem
 * counts: every base passage holding one must be indexed again (its article
 * goes into the delta too), as a full build would analyze it.
 */
export async function retermedWords(
  base: IndexData,
  candidates: Iterable<BaseWord>,
  counts: StemCounts,
  pause: Pause = noPause,
): Promise<BaseWord[]> {
  const analyzer = createAnalyzer({ stemCounts: counts });
  const out: BaseWord[] = [];
  let checked = 0;
  for (const candidate of candidates) {
    if (++checked % (10 * PIECE) === 0) await pause();
    const before = candidate.term < 0 ? null : base.vocabulary.term(candidate.term);
    if (analyzer.termOf(candidate.word) !== before) out.push(candidate);
  }
  return out;
}
