import { type AppositionCounts, aliasGroups, countAppositions, minedTexts } from '../corpus/appositions.js';
import type { Article, Corpus, Paragraph, SynonymEntry, SynonymGroup } from '../corpus/index.js';
import { DEFAULT_RANKING, PassageIndex, type RankingParams, type ReusedTokens } from '../search/index.js';
import { dateWords } from './date-words.js';
import type { Segments } from './segment-reload.js';

/** A paragraph of an article, as indexed: passage number n is passages[n]. */
export interface PassageRef {
  /** stable id: `<articleId>#<paragraph>` */
  id: string;
  article: Article;
  paragraph: Paragraph;
}

/**
 * A passage of an article. Its id is worked out when read (a few per
 * answer), not held: at archive scale a string per passage is megabytes of
 * heap (two concatenations each, 10 MB at 165,000 passages).
 */
export class ArticlePassage implements PassageRef {
  constructor(
    readonly article: Article,
    readonly paragraph: Paragraph,
  ) {}

  get id(): string {
    return `${this.article.id}#${this.paragraph.n}`;
  }
}

/**
 * Everything one question needs, built in one go and never mutated: a reload
 * builds a new one beside it and swaps the reference.
 */
export interface KnowledgeBase {
  articles: readonly Article[];
  passages: readonly PassageRef[];
  index: PassageIndex;
  /** the language most articles are in: questions in another one match through the synonyms' glossary */
  mainLanguage: 'ar' | 'en';
  /** the corpus file's synonym groups, kept to recombine with moderators' groups */
  corpusSynonyms: readonly SynonymGroup[];
  /** the role–name appositions of its articles, counted (see corpus/appositions.ts): they give more synonym groups */
  appositions: AppositionCounts;
  builtAt: Date;
  buildMs: number;
  /** the ranking options it was built with (a snapshot rebuilds its index with them) */
  ranking: Partial<RankingParams>;
  /** read from a snapshot: the base a reload by difference puts a delta on (see segment-reload.ts) */
  segments?: Segments;
}

export interface KnowledgeBaseOptions {
  /** synonym groups added by moderators, on top of the corpus file's */
  extraSynonyms?: readonly SynonymGroup[];
  ranking?: Partial<RankingParams>;
  /** passages' words kept from a snapshot (a reload by difference) */
  reuse?: ReusedTokens;
}

/**
 * The bot indexes paragraphs, never whole articles, so the stronger length
 * normalization meant for corpora that mix the two (see RankingParams.bLong)
 * would only penalize a long paragraph for being long.
 */
export const PARAGRAPH_RANKING: Partial<RankingParams> = { bLong: DEFAULT_RANKING.b };

/** What is indexed as an article's title: its headline and its date in words. */
export function indexedTitle(article: Article): string | undefined {
  return [article.title, dateWords(article.date)].filter(Boolean).join(' — ') || undefined;
}

export function buildKnowledgeBase(corpus: Corpus, options: KnowledgeBaseOptions = {}): KnowledgeBase {
  const started = performance.now();
  const passages: PassageRef[] = corpus.articles.flatMap((article) =>
    article.paragraphs.map((paragraph) => new ArticlePassage(article, paragraph)),
  );
  const ranking = { ...PARAGRAPH_RANKING, ...options.ranking };
  const appositions = countAppositions(minedTexts(corpus.articles));
  // one title string per article, not per passage
  const titles = new Map<Article, string | undefined>();
  const titleOf = (article: Article) => {
    if (!titles.has(article)) titles.set(article, indexedTitle(article));
    return titles.get(article);
  };
  const index = PassageIndex.build(
    passages.map((p) => ({
      // read only when the passage is tokenized (not when its words are reused from a snapshot)
      get text() {
        return p.paragraph.text;
      },
      title: titleOf(p.article),
      group: p.article.id,
    })),
    {
      synonyms: indexSynonyms({ corpusSynonyms: corpus.synonyms, appositions }, options.extraSynonyms ?? []),
      ranking,
      reuse: options.reuse,
    },
  );
  const arabic = corpus.articles.filter((a) => a.lang === 'ar').length;
  return {
    articles: corpus.articles,
    passages,
    index,
    mainLanguage: arabic * 2 >= corpus.articles.length ? 'ar' : 'en',
    corpusSynonyms: corpus.synonyms,
    appositions,
    builtAt: new Date(),
    buildMs: performance.now() - started,
    ranking,
  };
}

/** The same knowledge base with other moderator synonyms; cheap, nothing is re-indexed. */
export function withModeratorSynonyms(kb: KnowledgeBase, extraSynonyms: readonly SynonymGroup[]): KnowledgeBase {
  return { ...kb, index: kb.index.withSynonyms(indexSynonyms(kb, extraSynonyms)) };
}

/**
 * The synonym groups an index expands with: the corpus file's, the role–name
 * pairs mined from the articles (each spelling the file gives a name), the moderators'.
 */
export function indexSynonyms(
  kb: Pick<KnowledgeBase, 'corpusSynonyms' | 'appositions'>,
  extraSynonyms: readonly SynonymGroup[],
): SynonymEntry[] {
  return [...kb.corpusSynonyms, ...aliasGroups(kb.appositions, kb.corpusSynonyms), ...extraSynonyms];
}

/** Whether the corpus has a normalized word (as some passage's term). */
export function corpusWord(kb: KnowledgeBase): (word: string) => boolean {
  return (word) => {
    const term = kb.index.analyzer.termOf(word);
    return term !== null && kb.index.termIdf(term) > 0;
  };
}
