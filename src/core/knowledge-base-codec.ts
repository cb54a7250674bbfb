import { countRows, countsFromRows } from '../corpus/appositions.js';
import type { Article, Paragraph, SynonymGroup } from '../corpus/index.js';
import { indexDataFromSections, indexDataSections, PassageIndex } from '../search/index.js';
import { ArticlePassage, indexSynonyms, type KnowledgeBase, type PassageRef } from './knowledge-base.js';
import { FileTexts, PassageTexts, StoredParagraph, type TextSource } from './passage-texts.js';
import type { SectionValue, SnapshotReader } from './snapshot-format.js';

/** Bump when the kb.* sections change layout or meaning (the index has its own version). */
export const KNOWLEDGE_BASE_FORMAT_VERSION = 3;

/** Articles per JSON section: each parses in a few milliseconds, so a reload never holds the answering thread for long. */
const ARTICLES_PER_SECTION = 1000;

const yieldToQuestions = () => new Promise((resolve) => setImmediate(resolve));

export type ArticleHead = Omit<Article, 'paragraphs'>;

export interface KnowledgeBaseMeta {
  version: number;
  mainLanguage: 'ar' | 'en';
  builtAt: string;
  buildMs: number;
  ranking: KnowledgeBase['ranking'];
  articleSections: number;
}

/** Everything a knowledge base holds, as snapshot sections (the moderators' synonyms excepted: they live in the store). */
export function knowledgeBaseSections(kb: KnowledgeBase): Record<string, SectionValue> {
  const heads: ArticleHead[] = kb.articles.map(({ paragraphs: _, ...head }) => head);
  const texts = textsOf(kb);
  const articleSections: Record<string, SectionValue> = {};
  for (let k = 0; k * ARTICLES_PER_SECTION < heads.length; k++) {
    articleSections[`kb.articles.${k}`] = { json: heads.slice(k * ARTICLES_PER_SECTION, (k + 1) * ARTICLES_PER_SECTION) };
  }
  const meta: KnowledgeBaseMeta = {
    version: KNOWLEDGE_BASE_FORMAT_VERSION,
    mainLanguage: kb.mainLanguage,
    builtAt: kb.builtAt.toISOString(),
    buildMs: kb.buildMs,
    ranking: kb.ranking,
    articleSections: Object.keys(articleSections).length,
  };
  return {
    'kb.meta': { json: meta },
    ...articleSections,
    'kb.synonyms': { json: kb.corpusSynonyms },
    'kb.appositions': { json: countRows(kb.appositions) },
    'kb.paragraphCounts': Int32Array.from(kb.articles, (a) => a.paragraphs.length),
    'kb.paragraphN': Int32Array.from(kb.passages, (p) => p.paragraph.n),
    'kb.paragraphLine': Int32Array.from(kb.passages, (p) => p.paragraph.line),
    'kb.texts': texts.bytes(),
    'kb.textOffsets': texts.offsets,
    ...indexDataSections(kb.index.built),
  };
}

/** A knowledge base loaded from a snapshot already holds its texts as one buffer: reuse it when every passage is its own. */
function textsOf(kb: KnowledgeBase): TextSource {
  const first = kb.passages[0]?.paragraph;
  const sameStore =
    first instanceof StoredParagraph &&
    first.passage === 0 &&
    first.store.offsets.length === kb.passages.length + 1 &&
    kb.passages.every((p, i) => i === 0 || StoredParagraph.follows(p.paragraph, kb.passages[i - 1]!.paragraph));
  if (sameStore) return first.store;
  return PassageTexts.of(kb.passages.map((p) => p.paragraph));
}

/** The articles' metadata (no paragraphs) a snapshot holds, and its knowledge base's own metadata. */
export async function readArticleHeads(reader: SnapshotReader): Promise<{ meta: KnowledgeBaseMeta; heads: ArticleHead[] }> {
  const meta = await reader.json<KnowledgeBaseMeta>('kb.meta');
  if (meta.version !== KNOWLEDGE_BASE_FORMAT_VERSION)
    throw new Error(`knowledge base format ${meta.version}, not ${KNOWLEDGE_BASE_FORMAT_VERSION}`);
  const heads: ArticleHead[] = [];
  for (let k = 0; k < meta.articleSections; k++) {
    heads.push(...(await reader.json<ArticleHead[]>(`kb.articles.${k}`)));
    await yieldToQuestions();
  }
  return { meta, heads };
}

/**
 * The article of a head just parsed, made from the head itself: a copy
 * (`{ ...head, paragraphs }`) gets a hidden class of its own in V8, tens of
 * thousands of them at archive scale (10 MB), where heads parsed alike share
 * one. A label equal to the title is the title's string, not a second copy.
 */
function asArticle(head: ArticleHead, paragraphs: Paragraph[]): Article {
  const article = head as Article;
  if (head.label === head.title && head.title !== undefined) article.label = head.title;
  article.paragraphs = paragraphs;
  return article;
}

/**
 * The knowledge base a snapshot holds, with the moderators' synonyms on top.
 * Given the snapshot's open file, the passages' texts stay in it (checked,
 * not loaded) and are read when quoted: the knowledge base then owns `fd`.
 */
export async function knowledgeBaseFromSections(
  reader: SnapshotReader,
  extraSynonyms: readonly SynonymGroup[] = [],
  fd?: number,
): Promise<KnowledgeBase> {
  const { meta, heads } = await readArticleHeads(reader);
  const corpusSynonyms = await reader.json<SynonymGroup[]>('kb.synonyms');
  const appositions = countsFromRows(await reader.json<[string, string, number][]>('kb.appositions'));
  const counts = await reader.i32('kb.paragraphCounts');
  const ns = await reader.i32('kb.paragraphN');
  const lines = await reader.i32('kb.paragraphLine');
  const textOffsets = await reader.i32('kb.textOffsets');
  const data = await indexDataFromSections(reader);
  await yieldToQuestions();
  const total = counts.reduce((sum, n) => sum + n, 0);
  if (
    counts.length !== heads.length ||
    ns.length !== total ||
    lines.length !== total ||
    textOffsets.length !== total + 1 ||
    data.size !== total
  ) {
    throw new Error('the article, passage and index counts disagree');
  }
  // last, once nothing else can fail: from here the texts' file belongs to this knowledge base
  let texts: TextSource;
  if (fd !== undefined) {
    await reader.verify('kb.texts');
    texts = new FileTexts(fd, reader.range('kb.texts').offset, textOffsets);
  } else {
    texts = new PassageTexts(await reader.u8('kb.texts'), textOffsets);
  }
  // arrays made at their length: grown by push, each would hold room for more (4 MB at archive scale)
  const articles: Article[] = new Array(heads.length);
  const passages: PassageRef[] = new Array(total);
  for (let a = 0, i = 0; a < heads.length; a++) {
    if (a > 0 && a % ARTICLES_PER_SECTION === 0) await yieldToQuestions();
    const paragraphs: Paragraph[] = new Array(counts[a]!);
    const article = asArticle(heads[a]!, paragraphs);
    for (let k = 0; k < paragraphs.length; k++, i++) {
      paragraphs[k] = new StoredParagraph(ns[i]!, lines[i]!, texts, i);
      passages[i] = new ArticlePassage(article, paragraphs[k]!);
    }
    articles[a] = article;
  }
  const index = PassageIndex.fromData(data, {
    synonyms: indexSynonyms({ corpusSynonyms, appositions }, extraSynonyms),
    ranking: meta.ranking,
  });
  await index.prepare(yieldToQuestions);
  return {
    articles,
    passages,
    index,
    mainLanguage: meta.mainLanguage,
    corpusSynonyms,
    appositions,
    builtAt: new Date(meta.builtAt),
    buildMs: meta.buildMs,
    ranking: meta.ranking,
  };
}
