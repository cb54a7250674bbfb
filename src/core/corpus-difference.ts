import { type Article, type Corpus, type CorpusProblem, SYNONYMS_FILE, type SynonymGroup } from '../corpus/index.js';
import { listCorpus, loadArticle, loadSynonymsFile } from '../corpus/loader.js';
import { type ReusedTokens, readTokens } from '../search/index.js';
import type { FileStamp } from './corpus-stamps.js';
import { readArticleHeads } from './knowledge-base-codec.js';
import { FileTexts, PassageTexts, StoredParagraph, type TextSource } from './passage-texts.js';
import type { SnapshotReader } from './snapshot-format.js';

/** Articles a reload found added, changed (in text or metadata) or removed, by id. */
export interface CorpusChanges {
  added: string[];
  changed: string[];
  removed: string[];
}

export interface CorpusByDifference {
  corpus: Corpus;
  problems: CorpusProblem[];
  /** the unchanged passages' words, from the snapshot */
  reuse: ReusedTokens;
  changes: CorpusChanges;
}

const idOf = (file: string) => file.replace(/\.(txt|json)$/, '');

export function sameArticle(a: Article, b: Article): boolean {
  const { paragraphs: pa, ...ha } = a;
  const { paragraphs: pb, ...hb } = b;
  return (
    JSON.stringify(ha) === JSON.stringify(hb) &&
    pa.length === pb.length &&
    pa.every((p, i) => p.n === pb[i]!.n && p.line === pb[i]!.line && p.text === pb[i]!.text)
  );
}

/**
 * The corpus as it is now, reading only the files whose size or modification
 * time differ from the snapshot's stamps: every other article, its passages'
 * texts and words come from the snapshot. Undefined when the snapshot lacks
 * what that needs (then the caller reads everything). Given the snapshot's
 * open `file`, the texts are read from it when needed: the caller keeps it
 * open until then.
 */
export async function loadByDifference(
  dir: string,
  stamps: readonly FileStamp[],
  previous: SnapshotReader,
  file?: number,
): Promise<CorpusByDifference | undefined> {
  const tokens = await readTokens(previous);
  if (!tokens) return undefined;
  const listing = await listCorpus(dir);
  if (!('names' in listing)) return undefined;

  const before = new Map((await previous.json<FileStamp[]>('load.stamps')).map((s) => [s.name, s]));
  const now = new Map(stamps.map((s) => [s.name, s]));
  const touched = new Set<string>();
  for (const stamp of stamps) {
    const old = before.get(stamp.name);
    if (!old || old.size !== stamp.size || old.mtimeMs !== stamp.mtimeMs) touched.add(stamp.name);
  }
  for (const name of before.keys()) if (!now.has(name)) touched.add(name);
  const affected = new Set([...touched].filter((n) => n !== SYNONYMS_FILE).map(idOf));

  const { heads } = await readArticleHeads(previous);
  const counts = await previous.i32('kb.paragraphCounts');
  const ns = await previous.i32('kb.paragraphN');
  const lines = await previous.i32('kb.paragraphLine');
  const textOffsets = await previous.i32('kb.textOffsets');
  let texts: TextSource;
  if (file === undefined) texts = new PassageTexts(await previous.u8('kb.texts'), textOffsets);
  else {
    // the texts stay in the old snapshot until the new one is written: read once, in runs, straight into it
    await previous.verify('kb.texts');
    texts = new FileTexts(file, previous.range('kb.texts').offset, textOffsets, false);
  }
  const previousProblems = await previous.json<CorpusProblem[]>('load.problems');
  const old = new Map<string, { article: Article; first: number }>();
  let passage = 0;
  heads.forEach((head, a) => {
    const first = passage;
    // the texts stay bytes: copied as they are into the new snapshot, decoded only if compared
    const paragraphs = [];
    for (let k = 0; k < counts[a]!; k++, passage++) paragraphs.push(new StoredParagraph(ns[passage]!, lines[passage]!, texts, passage));
    old.set(head.id, { article: { ...head, paragraphs }, first });
  });

  const problems: CorpusProblem[] = [...listing.problems];
  const articles: Article[] = [];
  const bodies: (Int32Array | undefined)[] = [];
  const changes: CorpusChanges = { added: [], changed: [], removed: [] };
  for (const id of listing.textIds) {
    const kept = old.get(id);
    if (kept && !affected.has(id)) {
      articles.push(kept.article);
      for (let k = 0; k < kept.article.paragraphs.length; k++) bodies.push(tokens.body.of(kept.first + k));
      problems.push(...previousProblems.filter((p) => idOf(p.file) === id && p.file !== SYNONYMS_FILE));
      continue;
    }
    const loaded = await loadArticle(dir, id, listing.metadataIds.has(id));
    problems.push(...loaded.problems);
    if (!loaded.article) continue;
    articles.push(loaded.article);
    for (let k = 0; k < loaded.article.paragraphs.length; k++) bodies.push(undefined);
    if (!kept) changes.added.push(id);
    else if (!sameArticle(kept.article, loaded.article)) changes.changed.push(id);
  }
  const current = new Set(articles.map((a) => a.id));
  for (const id of old.keys()) if (!current.has(id)) changes.removed.push(id);

  let synonyms: SynonymGroup[];
  if (touched.has(SYNONYMS_FILE)) {
    const read = await loadSynonymsFile(dir, listing.names);
    synonyms = read.synonyms;
    problems.push(...read.problems);
  } else {
    synonyms = await previous.json<SynonymGroup[]>('kb.synonyms');
    problems.push(...previousProblems.filter((p) => p.file === SYNONYMS_FILE));
  }
  return {
    corpus: { articles, synonyms },
    problems,
    reuse: { words: tokens.words, bodies, analysis: tokens.analysis, titles: tokens.titles },
    changes,
  };
}
