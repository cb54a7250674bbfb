import { copyCounts, countAppositions, minedTexts } from '../corpus/appositions.js';
import { type Article, type CorpusProblem, SYNONYMS_FILE, type SynonymGroup } from '../corpus/index.js';
import { type CorpusListing, listingOf, loadArticle } from '../corpus/loader.js';
import { type BaseWord, type PassageInput, retermedWords, stemCountsAfter } from '../search/index.js';
import { type CorpusChanges, sameArticle } from './corpus-difference.js';
import type { FileStamp } from './corpus-stamps.js';
import { ArticlePassage, indexedTitle, indexSynonyms, type KnowledgeBase, type PassageRef } from './knowledge-base.js';
import { articlesHolding, wordsDependingOn } from './retermed-articles.js';
import type { SnapshotReader } from './snapshot-format.js';

/**
 * A reload by segments (see search/segments.ts): the knowledge base read
 * from the snapshot stays the base; a reload reads only the files changed
 * since, and puts the articles that differ from the base's in a small delta
 * on top of it — on this thread, in a few hundred milliseconds, with no
 * snapshot written or read back. The delta's articles are saved in their own
 * small file (delta-store.ts); a full build folds them into a new snapshot
 * in the background once they grow (see MERGE_SHARE).
 */

/** A delta holding more than this share of the base's passages is folded into a new snapshot (a full build in the worker). */
export const MERGE_SHARE = 0.05;

/**
 * More base passages than this share (and more than REINDEX_MIN) indexed
 * again because a stem count changed the term of a word they hold (see
 * retermedWords): a full build is then about as quick.
 */
const REINDEX_SHARE = 0.02;
const REINDEX_MIN = 2000;

/** A knowledge base read from a snapshot: what deltas go on. */
export interface SegmentBase {
  kb: KnowledgeBase;
  /** the snapshot's key (what the delta file names as its base) */
  key: string;
  /** the snapshot's sections, for the words whose term a delta may change */
  reader: SnapshotReader;
  /** per article id: its place in kb.articles, its first passage and how many it has */
  positions: ArticlePlaces;
}

/**
 * Where each article of the base is: its place in kb.articles and its
 * passages, held as numbers (a map to its place, an array of first
 * passages), not as an object per article.
 */
export class ArticlePlaces {
  private readonly places = new Map<string, number>();
  /** article k's passages are firsts[k] … firsts[k+1]-1 */
  private readonly firsts: Int32Array;

  constructor(articles: readonly Article[]) {
    this.firsts = new Int32Array(articles.length + 1);
    for (let k = 0; k < articles.length; k++) {
      this.places.set(articles[k]!.id, k);
      this.firsts[k + 1] = this.firsts[k]! + articles[k]!.paragraphs.length;
    }
  }

  has(id: string): boolean {
    return this.places.has(id);
  }

  get(id: string): { index: number; first: number; count: number } | undefined {
    const index = this.places.get(id);
    if (index === undefined) return undefined;
    return { index, first: this.firsts[index]!, count: this.firsts[index + 1]! - this.firsts[index]! };
  }
}

/** The base, and what differs from it now. */
export interface Segments {
  base: SegmentBase;
  /** articles not as in the base (changed or added), as they are now, by id */
  articles: ReadonlyMap<string, Article>;
  /** the base's articles gone from the corpus */
  removed: ReadonlySet<string>;
}

/** A knowledge base just read from a snapshot, made the base of later deltas. */
export function asBase(kb: KnowledgeBase, key: string, reader: SnapshotReader): KnowledgeBase {
  kb.segments = { base: { kb, key, reader, positions: new ArticlePlaces(kb.articles) }, articles: new Map(), removed: new Set() };
  return kb;
}

/** How many passages the delta holds, as a share of the base's. */
export function deltaShare(kb: KnowledgeBase): number {
  if (!kb.segments) return 0;
  const base = kb.segments.base.kb.passages.length;
  return base === 0 ? 0 : (kb.passages.length - base) / base;
}

const yieldToQuestions = () => new Promise((resolve) => setImmediate(resolve));

/** Where a reload's time went, phase by phase, in milliseconds: for the log line saying it is serving. */
export class Phases {
  readonly ms: Record<string, number> = {};
  private at = performance.now();

  lap(phase: string): void {
    const now = performance.now();
    this.ms[phase] = Math.round((this.ms[phase] ?? 0) + now - this.at);
    this.at = now;
  }
}

/** A title's presence among the passages (a distinct title's words count once toward the stems, see buildIndexData). */
async function titleChanges(
  base: SegmentBase,
  gone: ReadonlySet<string>,
  now: readonly Article[],
): Promise<{ removedTitles: string[]; addedTitles: string[] }> {
  await yieldToQuestions();
  const withPassages = (articles: readonly Article[]) =>
    new Set(articles.filter((a) => a.paragraphs.length > 0).flatMap((a) => indexedTitle(a) ?? []));
  const baseArticles = base.kb.articles;
  // by headline: the date in words is worked out only for an article whose headline matches
  const byHeadline = new Map<string, string[]>();
  for (const article of [...baseArticles.filter((a) => gone.has(a.id)), ...now]) {
    const title = indexedTitle(article);
    if (title !== undefined) byHeadline.set(article.title ?? '', [...(byHeadline.get(article.title ?? '') ?? []), title]);
  }
  const before = new Set<string>();
  const keptBefore = new Set<string>();
  // index loops over the corpus, here and below: entries() makes a pair per article (megabytes at archive scale)
  for (let k = 0; k < baseArticles.length; k++) {
    if (k % 2000 === 1999) await yieldToQuestions();
    const article = baseArticles[k]!;
    if (article.paragraphs.length === 0) continue;
    const headline = byHeadline.get(article.title ?? '');
    if (!headline) continue;
    const title = indexedTitle(article)!;
    if (!headline.includes(title)) continue;
    before.add(title);
    if (!gone.has(article.id)) keptBefore.add(title);
  }
  const after = new Set([...keptBefore, ...withPassages(now)]);
  return {
    removedTitles: [...before].filter((t) => !after.has(t)),
    addedTitles: [...after].filter((t) => !before.has(t)),
  };
}

/**
 * The base with `articles` (changed or added, as they are now) and without
 * `removed`, in the corpus's order `order`; `{ rebuild }` when a full build
 * suits better.
 */
export async function applyDelta(
  base: SegmentBase,
  articles: ReadonlyMap<string, Article>,
  removed: ReadonlySet<string>,
  order: readonly string[],
  extraSynonyms: readonly SynonymGroup[],
  phases = new Phases(),
): Promise<KnowledgeBase | { rebuild: string }> {
  const started = performance.now();
  const baseKb = base.kb;
  const gone = new Set([...articles.keys(), ...removed].filter((id) => base.positions.has(id)));
  const changedNow = inCorpusOrder([...articles.values()], order);
  const baseTexts = (ids: Iterable<string>) =>
    [...ids].flatMap((id) => {
      const { first, count } = base.positions.get(id)!;
      return baseKb.passages.slice(first, first + count).map((p) => p.paragraph.text);
    });
  const { counts, changed } = await stemCountsAfter(
    baseKb.index.built.stemCounts,
    {
      removedBodies: baseTexts(gone),
      addedBodies: changedNow.flatMap((a) => a.paragraphs.map((p) => p.text)),
      ...(await titleChanges(base, gone, changedNow)),
    },
    yieldToQuestions,
  );
  phases.lap('stemCounts');
  await yieldToQuestions();

  // a word of the base whose term changes with the counts: the articles holding it are indexed again
  const reindexed = new Set<string>();
  let retermed: BaseWord[] = [];
  if (changed.length > 0) {
    const candidates = await wordsDependingOn(base.reader, changed);
    if (!candidates) return { rebuild: 'the snapshot has no saved analysis of its words' };
    phases.lap('savedWords');
    retermed = await retermedWords(baseKb.index.built, candidates, counts, yieldToQuestions);
    const holding = await articlesHolding(base, retermed, gone);
    if ('tooMany' in holding)
      return { rebuild: `${retermed.length} words of the corpus take another term, in ${holding.tooMany} passages or more` };
    let passages = 0;
    for (const id of holding.articles) {
      reindexed.add(id);
      passages += base.positions.get(id)!.count;
    }
    if (passages > Math.max(REINDEX_MIN, REINDEX_SHARE * baseKb.passages.length))
      return { rebuild: `${retermed.length} words of the corpus take another term: ${passages} passages to index again` };
    phases.lap('retermed');
    await yieldToQuestions();
  }

  const deltaArticles = inCorpusOrder([...changedNow, ...[...reindexed].map((id) => baseArticle(base, id)!)], order);
  await yieldToQuestions();
  const removedPassages: number[] = [];
  for (const id of [...gone, ...reindexed]) {
    const { first, count } = base.positions.get(id)!;
    for (let k = 0; k < count; k++) removedPassages.push(first + k);
  }
  const added: PassageInput[] = [];
  const refs: PassageRef[] = [];
  for (const article of deltaArticles) {
    const title = indexedTitle(article);
    for (const paragraph of article.paragraphs) {
      added.push({ text: paragraph.text, title, group: article.id });
      refs.push(new ArticlePassage(article, paragraph));
    }
  }
  const delta = {
    removed: removedPassages,
    added,
    counts,
    retermed: new Set(retermed.map((w) => w.word)),
    order: await corpusOrder(base, deltaArticles, removed, order),
  };
  // the appositions of the base, less those of the articles gone or changed, plus those of the new ones
  const appositions = countAppositions(
    minedTexts(changedNow),
    countAppositions(minedTexts([...gone].flatMap((id) => baseArticle(base, id) ?? [])), copyCounts(baseKb.appositions), -1),
  );
  const index = await baseKb.index.withDelta(
    delta,
    indexSynonyms({ corpusSynonyms: baseKb.corpusSynonyms, appositions }, extraSynonyms),
    yieldToQuestions,
  );
  phases.lap('deltaIndex');
  await index.prepare(yieldToQuestions);
  phases.lap('prepare');
  await yieldToQuestions();

  const now: Article[] = [];
  for (let k = 0; k < order.length; k++) {
    if (k % 2000 === 1999) await yieldToQuestions();
    const id = order[k]!;
    const article = removed.has(id) ? undefined : (articles.get(id) ?? baseArticle(base, id));
    if (article) now.push(article);
  }
  let arabic = 0;
  for (const article of now) if (article.lang === 'ar') arabic++;
  return {
    articles: now,
    // concat, not a spread: one array of the size needed, not a growing one copied as it grows (megabytes at archive scale)
    passages: baseKb.passages.concat(refs),
    index,
    mainLanguage: arabic * 2 >= now.length ? 'ar' : 'en',
    corpusSynonyms: baseKb.corpusSynonyms,
    appositions,
    builtAt: new Date(),
    buildMs: performance.now() - started,
    ranking: baseKb.ranking,
    segments: { base, articles, removed },
  };
}

/**
 * The articles in the corpus's order `order`: their places are looked up in
 * one pass, not mapped for every article of the corpus (tens of thousands,
 * for a few articles).
 */
function inCorpusOrder(articles: Article[], order: readonly string[]): Article[] {
  const wanted = new Set(articles.map((a) => a.id));
  const place = new Map<string, number>();
  for (let k = 0; k < order.length && place.size < wanted.size; k++) if (wanted.has(order[k]!)) place.set(order[k]!, k);
  return articles.sort((a, b) => (place.get(a.id) ?? 0) - (place.get(b.id) ?? 0));
}

/**
 * Per passage number (the base's, then the delta's): its place among the
 * passages of the corpus in its order, as a full build numbers them, so
 * that ties rank as they would there.
 */
async function corpusOrder(
  base: SegmentBase,
  deltaArticles: readonly Article[],
  removed: ReadonlySet<string>,
  order: readonly string[],
): Promise<Int32Array> {
  const baseSlots = base.kb.passages.length;
  const deltaFirst = new Map<string, { first: number; count: number }>();
  let slots = baseSlots;
  for (const article of deltaArticles) {
    deltaFirst.set(article.id, { first: slots, count: article.paragraphs.length });
    slots += article.paragraphs.length;
  }
  const out = new Int32Array(slots).fill(-1);
  let place = 0;
  for (let k = 0; k < order.length; k++) {
    if (k % 2000 === 1999) await yieldToQuestions();
    const id = order[k]!;
    const inDelta = deltaFirst.get(id);
    if (inDelta) {
      for (let p = inDelta.first; p < inDelta.first + inDelta.count; p++) out[p] = place++;
      continue;
    }
    const at = base.positions.get(id);
    if (!at || removed.has(id)) continue;
    for (let p = at.first; p < at.first + at.count; p++) out[p] = place++;
  }
  return out;
}

/** The base's version of an article, if it has one. */
function baseArticle(base: SegmentBase, id: string): Article | undefined {
  const at = base.positions.get(id);
  return at && base.kb.articles[at.index];
}

/** The corpus as it was served: the files' stamps then and what its load reported. */
export interface ServedCorpus {
  stamps: readonly FileStamp[];
  problems: readonly CorpusProblem[];
  /** the listing of those files, once a reload by delta made it (the next one reuses it while no file comes or goes) */
  listing?: CorpusListing;
}

export type DeltaReload =
  | { kind: 'rebuild'; why: string }
  | { kind: 'refused'; problems: CorpusProblem[] }
  | { kind: 'delta'; kb: KnowledgeBase; problems: CorpusProblem[]; changes: CorpusChanges; stamps: FileStamp[]; listing: CorpusListing };

const idOf = (file: string) => file.replace(/\.(txt|json)$/, '');

/**
 * Names of the files added, removed, or whose size or modification time
 * changed, and whether the names are the same: both lists sorted by name,
 * walked side by side.
 */
function touchedFiles(before: readonly FileStamp[], now: readonly FileStamp[]): { touched: Set<string>; sameNames: boolean } {
  const touched = new Set<string>();
  let sameNames = true;
  let i = 0;
  let j = 0;
  while (i < before.length || j < now.length) {
    const a = before[i];
    const b = now[j];
    if (b === undefined || (a !== undefined && a.name < b.name)) {
      touched.add(a!.name);
      sameNames = false;
      i++;
    } else if (a === undefined || b.name < a.name) {
      touched.add(b.name);
      sameNames = false;
      j++;
    } else {
      if (a.size !== b.size || a.mtimeMs !== b.mtimeMs) touched.add(a.name);
      i++;
      j++;
    }
  }
  return { touched, sameNames };
}

/**
 * Reloads `kb` (a base, or a base with a delta) for the files whose size or
 * modification time differ from `served`'s stamps, by delta. The changed
 * files are read; the others' problems are the ones reported before.
 */
export async function reloadByDelta(
  kb: KnowledgeBase,
  served: ServedCorpus,
  corpusDir: string,
  stamps: FileStamp[],
  extraSynonyms: readonly SynonymGroup[],
  phases = new Phases(),
): Promise<DeltaReload> {
  const segments = kb.segments;
  if (!segments) return { kind: 'rebuild', why: 'the index was not read from a snapshot' };
  const { touched, sameNames } = touchedFiles(served.stamps, stamps);
  if (touched.has(SYNONYMS_FILE)) return { kind: 'rebuild', why: 'the synonyms file changed' };
  await yieldToQuestions();
  // the same names, the same listing: tens of thousands of names are not sorted out again for one changed file
  const listing =
    sameNames && served.listing
      ? served.listing
      : listingOf(
          corpusDir,
          stamps.map((s) => s.name),
        );
  phases.lap('listing');
  await yieldToQuestions();
  const affected = new Set([...touched].map(idOf));

  const problems: CorpusProblem[] = [...listing.problems];
  const previousProblems = new Map<string, CorpusProblem[]>();
  for (const problem of served.problems) {
    if (problem.file === SYNONYMS_FILE) {
      problems.push(problem);
      continue;
    }
    const id = idOf(problem.file);
    previousProblems.set(id, [...(previousProblems.get(id) ?? []), problem]);
  }
  // the article as served: the delta's version, else the base's
  const servedArticle = (id: string) =>
    segments.removed.has(id) ? undefined : (segments.articles.get(id) ?? baseArticle(segments.base, id));
  const articles = new Map(segments.articles);
  const removed = new Set(segments.removed);
  const changes: CorpusChanges = { added: [], changed: [], removed: [] };
  const present = new Set(listing.textIds);
  for (const [k, id] of listing.textIds.entries()) {
    if (k % 2000 === 1999) await yieldToQuestions();
    if (!affected.has(id)) {
      const before = previousProblems.get(id);
      if (before) problems.push(...before);
      continue;
    }
    const loaded = await loadArticle(corpusDir, id, listing.metadataIds.has(id));
    problems.push(...loaded.problems);
    const served = servedArticle(id);
    if (!loaded.article) {
      articles.delete(id);
      if (segments.base.positions.has(id)) removed.add(id);
      if (served) changes.removed.push(id);
      continue;
    }
    if (!served) changes.added.push(id);
    else if (!sameArticle(served, loaded.article)) changes.changed.push(id);
    removed.delete(id);
    const before = baseArticle(segments.base, id);
    if (before && sameArticle(before, loaded.article)) articles.delete(id);
    else articles.set(id, loaded.article);
  }
  for (const id of affected) {
    if (present.has(id)) continue;
    articles.delete(id);
    if (segments.base.positions.has(id)) removed.add(id);
    if (servedArticle(id)) changes.removed.push(id);
  }
  phases.lap('changedFiles');
  await yieldToQuestions();
  if (problems.some((p) => p.severity === 'error')) return { kind: 'refused', problems };
  if (changes.added.length + changes.changed.length + changes.removed.length === 0)
    return { kind: 'delta', kb, problems, changes, stamps, listing };
  const applied = await applyDelta(segments.base, articles, removed, listing.textIds, extraSynonyms, phases);
  if ('rebuild' in applied) return { kind: 'rebuild', why: applied.rebuild };
  return { kind: 'delta', kb: applied, problems, changes, stamps, listing };
}
