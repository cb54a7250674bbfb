import { createAnalyzer } from '../text/index.js';
import { ForwardIndex } from './forward-index.js';
import type { IndexData, PreviousAnalysis, WordAnalysis } from './index-data.js';
import { NameIndex } from './name-index.js';
import { Postings } from './postings.js';
import { SequenceStore } from './sequence-store.js';
import { Vocabulary } from './vocabulary.js';

/**
 * Bump when what IndexData holds or means changes: a snapshot of another
 * version is rebuilt, never read. Data derived from the vocabulary at query
 * time (typo buckets, word families, …) is not saved: it is rebuilt on load.
 */
export const INDEX_FORMAT_VERSION = 4;

/** Named sections, as snapshot-format.ts writes them. */
export type IndexSections = Record<string, Int32Array | Uint16Array | Uint8Array | Float32Array | { utf8: string } | { json: unknown }>;

/** What reading a section back gives; see SnapshotReader. */
export interface IndexSectionSource {
  i32(name: string): Promise<Int32Array>;
  u16(name: string): Promise<Uint16Array>;
  u8(name: string): Promise<Uint8Array>;
  f32(name: string): Promise<Float32Array>;
  utf8(name: string): Promise<string>;
  json<T>(name: string): Promise<T>;
}

// terms and stems are single words: no newline inside one
const SEPARATOR = '\n';

function forwardSections(prefix: string, index: ForwardIndex): IndexSections {
  return {
    [`${prefix}.offsets`]: index.offsets,
    [`${prefix}.terms`]: index.termIds,
    [`${prefix}.counts`]: index.counts,
    [`${prefix}.lengths`]: index.lengths,
  };
}

async function readForward(source: IndexSectionSource, prefix: string): Promise<ForwardIndex> {
  return new ForwardIndex(
    await source.i32(`${prefix}.offsets`),
    await source.i32(`${prefix}.terms`),
    await source.u16(`${prefix}.counts`),
    await source.f32(`${prefix}.lengths`),
  );
}

function sequenceSections(prefix: string, store: SequenceStore): IndexSections {
  const { offsets, data } = store.arrays();
  return { [`${prefix}.offsets`]: offsets, [`${prefix}.data`]: data };
}

async function readSequences(source: IndexSectionSource, prefix: string): Promise<SequenceStore> {
  return SequenceStore.of(await source.i32(`${prefix}.offsets`), await source.i32(`${prefix}.data`));
}

/** Every part of IndexData, as sections. */
export function indexDataSections(data: IndexData): IndexSections {
  // a base with a delta is saved as the base's snapshot and the delta's own file, never as one (see segments.ts)
  if (data.segmented) throw new Error('indexDataSections: a segmented index is not saved whole');
  const { terms, df } = data.vocabulary.arrays();
  const stems = [...data.stemCounts.keys()];
  const names = data.names.arrays();
  return {
    'index.meta': { json: { version: INDEX_FORMAT_VERSION, size: data.size, titleWeight: data.titleWeight } },
    'index.vocabulary': { utf8: terms.join(SEPARATOR) },
    'index.df': df,
    'index.stems': { utf8: stems.join(SEPARATOR) },
    'index.stemCounts': Int32Array.from(stems, (stem) => data.stemCounts.get(stem)!),
    'index.postings.offsets': data.postings.offsets,
    'index.postings.entries': data.postings.entries,
    ...forwardSections('index.body', data.body),
    ...forwardSections('index.titles', data.titles),
    'index.titleOf': data.titleOf,
    ...sequenceSections('index.sequences', data.sequences),
    ...sequenceSections('index.surfaces', data.surfaces),
    'index.answerTypes': data.answerTypes,
    'index.followsNeighbor': data.followsNeighbor,
    // words are single normalized words, skeletons single runs of letters: no newline inside one
    'index.names.words': { utf8: names.words.join(SEPARATOR) },
    'index.names.terms': names.terms,
    'index.names.skeletons': { utf8: names.skeletons.join(SEPARATOR) },
    'index.names.offsets': names.offsets,
    'index.names.ids': names.ids,
    ...(data.tokens ? tokenSections(data.tokens) : {}),
  };
}

function tokenSections({ words, body, analysis, titles }: NonNullable<IndexData['tokens']>): IndexSections {
  return {
    'words.list': { utf8: words.join(SEPARATOR) },
    ...sequenceSections('words.body', body),
    // a title may hold a newline
    'words.titles.texts': { json: titles.texts },
    ...sequenceSections('words.titles', titles.words),
    // stems and skeletons hold no newline either
    'words.keys': { utf8: analysis.keys.join(SEPARATOR) },
    'words.stem': analysis.stem,
    'words.term': analysis.term,
    'words.hash': analysis.hash,
    'words.types': analysis.types,
    'words.dependsOn.offsets': analysis.dependsOnOffsets,
    'words.dependsOn': analysis.dependsOn,
    'words.skeletons': { utf8: analysis.skeletons.join(SEPARATOR) },
  };
}

/** How the snapshot analyzed its words, with its vocabulary and stem counts; undefined when it did not save that. */
async function readAnalysis(source: IndexSectionSource & { has(name: string): boolean }): Promise<PreviousAnalysis | undefined> {
  if (!source.has('words.term')) return undefined;
  const analysis: WordAnalysis = {
    keys: split(await source.utf8('words.keys')),
    stem: await source.i32('words.stem'),
    term: await source.i32('words.term'),
    hash: await source.i32('words.hash'),
    types: await source.u8('words.types'),
    dependsOnOffsets: await source.i32('words.dependsOn.offsets'),
    dependsOn: await source.i32('words.dependsOn'),
    skeletons: split(await source.utf8('words.skeletons')),
  };
  const stems = split(await source.utf8('index.stems'));
  const counts = await source.i32('index.stemCounts');
  const stemCounts = new Map<string, number>();
  for (let i = 0; i < stems.length; i++) stemCounts.set(stems[i]!, counts[i]!);
  return { analysis, vocabulary: split(await source.utf8('index.vocabulary')), stemCounts };
}

/** The passages' words saved with the index (see IndexData.tokens), when the snapshot has them. */
export async function readTokens(
  source: IndexSectionSource & { has(name: string): boolean },
): Promise<{ words: string[]; body: SequenceStore; analysis?: PreviousAnalysis; titles?: Map<string, Int32Array> } | undefined> {
  if (!source.has('words.list')) return undefined;
  return {
    words: split(await source.utf8('words.list')),
    body: await readSequences(source, 'words.body'),
    analysis: await readAnalysis(source),
    titles: await readTitleWords(source),
  };
}

async function readTitleWords(source: IndexSectionSource & { has(name: string): boolean }): Promise<Map<string, Int32Array> | undefined> {
  if (!source.has('words.titles.texts')) return undefined;
  const texts = await source.json<string[]>('words.titles.texts');
  const words = await readSequences(source, 'words.titles');
  return new Map(texts.map((text, k) => [text, words.of(k)]));
}

/** Pieces of a split at least this long are views into the whole text in V8 (sliced strings), not copies. */
const SLICED_MIN = 13;

/**
 * The lines of a section's text. A long line would be a view that keeps the
 * whole section's text alive (megabytes) as long as the line lives: those few
 * are copied.
 */
export function split(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(SEPARATOR);
  for (let i = 0; i < lines.length; i++)
    if (lines[i]!.length >= SLICED_MIN) lines[i] = Buffer.from(lines[i]!, 'utf16le').toString('utf16le');
  return lines;
}

/** Lets other work run: restoring runs on the thread that answers questions (a reload). */
const pause = () => new Promise((resolve) => setImmediate(resolve));
const BATCH = 20_000;

/** IndexData from its sections; throws when the version differs. */
export async function indexDataFromSections(source: IndexSectionSource): Promise<IndexData> {
  const meta = await source.json<{ version: number; size: number; titleWeight: number }>('index.meta');
  if (meta.version !== INDEX_FORMAT_VERSION) throw new Error(`index format ${meta.version}, not ${INDEX_FORMAT_VERSION}`);
  const stems = split(await source.utf8('index.stems'));
  const counts = await source.i32('index.stemCounts');
  const stemCounts = new Map<string, number>();
  for (let i = 0; i < stems.length; i++) {
    if (i % BATCH === BATCH - 1) await pause();
    stemCounts.set(stems[i]!, counts[i]!);
  }
  const terms = split(await source.utf8('index.vocabulary'));
  const vocabulary = new Vocabulary();
  for (let i = 0; i < terms.length; i++) {
    if (i % BATCH === BATCH - 1) await pause();
    vocabulary.intern(terms[i]!);
  }
  vocabulary.finish(await source.i32('index.df'));
  // a literal of the type: a field added to IndexData and not restored here fails to compile
  const data: IndexData = {
    size: meta.size,
    analyzer: createAnalyzer({ stemCounts }),
    stemCounts,
    postings: new Postings(await source.i32('index.postings.offsets'), await source.i32('index.postings.entries')),
    vocabulary,
    body: await readForward(source, 'index.body'),
    titleWeight: meta.titleWeight,
    titles: await readForward(source, 'index.titles'),
    titleOf: await source.i32('index.titleOf'),
    sequences: await readSequences(source, 'index.sequences'),
    surfaces: await readSequences(source, 'index.surfaces'),
    answerTypes: await source.u8('index.answerTypes'),
    followsNeighbor: await source.u8('index.followsNeighbor'),
    names: new NameIndex({
      words: split(await source.utf8('index.names.words')),
      terms: await source.i32('index.names.terms'),
      skeletons: split(await source.utf8('index.names.skeletons')),
      offsets: await source.i32('index.names.offsets'),
      ids: await source.i32('index.names.ids'),
    }),
  };
  return data;
}
