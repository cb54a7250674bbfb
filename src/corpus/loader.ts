import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ARTICLE_ID, type ArticleMetadata, articleMetadataSchema, FIELD_FIXES } from './metadata.js';
import { splitParagraphs } from './paragraphs.js';
import { parseSynonyms, SYNONYMS_FILE } from './synonyms.js';
import type { Article, CorpusLoadResult, CorpusProblem, SynonymGroup } from './types.js';

const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;
const MAX_METADATA_BYTES = 64 * 1024;
const LABEL_WORDS = 10;
const READ_CONCURRENCY = 16;

const utf8 = new TextDecoder('utf-8', { fatal: true });

type ReadOutcome = { text: string } | { problem: CorpusProblem };

async function readText(dir: string, file: string, maxBytes: number): Promise<ReadOutcome> {
  const fail = (message: string, fix: string): ReadOutcome => ({ problem: { severity: 'error', file, message, fix } });
  let bytes: Buffer;
  try {
    const info = await stat(join(dir, file));
    if (info.size > maxBytes) {
      return fail(
        `is ${(info.size / 1024).toFixed(0)} KiB, over the ${(maxBytes / 1024).toFixed(0)} KiB limit`,
        'split it into several articles, or check that it is the right file',
      );
    }
    bytes = await readFile(join(dir, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    return fail(`cannot be read (${code})`, "check that the file exists and is readable by the bot's user");
  }
  if (bytes.includes(0)) return fail('looks binary (it contains NUL bytes)', 'save the article as UTF-8 plain text');
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    return fail('is not valid UTF-8 text', 'save the article as UTF-8 plain text (not Windows-1256 or a word-processor file)');
  }
}

function detectLanguage(text: string): 'ar' | 'en' {
  const arabic = text.match(/\p{Script=Arabic}/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return arabic >= latin ? 'ar' : 'en';
}

/** The opening words of the lead, for articles printed without a headline. */
function leadLabel(text: string): string {
  const words = text.split(/\s+/).filter(Boolean);
  return words.length > LABEL_WORDS ? `${words.slice(0, LABEL_WORDS).join(' ')}…` : words.join(' ');
}

function metadataProblems(
  file: string,
  issues: readonly { path: PropertyKey[]; code: string; message: string; keys?: string[] }[],
): CorpusProblem[] {
  return issues.flatMap((issue): CorpusProblem[] => {
    if (issue.code === 'unrecognized_keys') {
      return (issue.keys ?? []).map((key) => ({
        severity: 'error',
        file,
        where: key,
        message: `unknown field "${key}"`,
        fix: `remove it; known fields are ${Object.keys(FIELD_FIXES).join(', ')}`,
      }));
    }
    const field = String(issue.path[0] ?? '');
    return [
      {
        severity: 'error',
        file,
        where: field || undefined,
        message: field ? issue.message : `${issue.message} (the file must hold one JSON object)`,
        fix: FIELD_FIXES[field] ?? 'write the metadata as one JSON object, e.g. {"title": "…", "lang": "ar"}',
      },
    ];
  });
}

async function readMetadata(dir: string, file: string): Promise<{ metadata?: ArticleMetadata; problems: CorpusProblem[] }> {
  const read = await readText(dir, file, MAX_METADATA_BYTES);
  if ('problem' in read) return { problems: [read.problem] };
  let json: unknown;
  try {
    json = JSON.parse(read.text);
  } catch (error) {
    return {
      problems: [
        {
          severity: 'error',
          file,
          message: `is not valid JSON (${(error as Error).message})`,
          fix: 'fix the JSON syntax: double quotes around names and strings, commas between fields, no trailing comma',
        },
      ],
    };
  }
  const parsed = articleMetadataSchema.safeParse(json);
  if (!parsed.success) return { problems: metadataProblems(file, parsed.error.issues as never) };
  return { metadata: parsed.data, problems: [] };
}

/** Reads one article and its metadata; a broken file gives problems and no article. */
export async function loadArticle(
  dir: string,
  id: string,
  hasMetadata: boolean,
): Promise<{ article?: Article; problems: CorpusProblem[] }> {
  const file = `${id}.txt`;
  const problems: CorpusProblem[] = [];
  if (!ARTICLE_ID.test(id)) {
    return {
      problems: [
        {
          severity: 'error',
          file,
          message: 'its name is not a usable article id',
          fix: 'rename it to letters, digits, "_", "." or "-" (up to 128), starting with a letter or digit',
        },
      ],
    };
  }
  let metadata: ArticleMetadata = {};
  if (hasMetadata) {
    const read = await readMetadata(dir, `${id}.json`);
    if (!read.metadata) return { problems: read.problems };
    metadata = read.metadata;
  } else {
    problems.push({
      severity: 'warning',
      file,
      message: 'has no metadata file, so its citations show no headline, outlet or date',
      fix: `add ${id}.json beside it, e.g. {"title": "…", "source": "…", "date": "YYYY-MM-DD"}`,
    });
  }

  const read = await readText(dir, file, MAX_ARTICLE_BYTES);
  if ('problem' in read) return { problems: [...problems, read.problem] };
  const { paragraphs } = splitParagraphs(read.text, metadata.paragraphs);
  const lead = paragraphs[0];
  if (!lead) {
    return {
      problems: [
        ...problems,
        { severity: 'error', file, message: 'has no article text', fix: "put the article's text in the file, one paragraph per line" },
      ],
    };
  }
  return {
    article: {
      id,
      title: metadata.title,
      label: metadata.title ?? leadLabel(lead.text),
      source: metadata.source,
      date: metadata.date,
      url: metadata.url,
      lang: metadata.lang ?? detectLanguage(read.text),
      file,
      paragraphs,
    },
    problems,
  };
}

/** What a corpus directory holds, before any article is read. */
export interface CorpusListing {
  /** every regular file, sorted */
  names: string[];
  /** article ids in load order */
  textIds: string[];
  metadataIds: ReadonlySet<string>;
  /** about the listing itself: no directory, no article, metadata without its article */
  problems: CorpusProblem[];
}

/** Lists a corpus directory; undefined (with the problem) when it cannot be read. */
export async function listCorpus(dir: string): Promise<CorpusListing | { problems: CorpusProblem[] }> {
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => e.name)
      .sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      problems: [
        {
          severity: 'error',
          file: '.',
          message:
            code === 'ENOENT' ? `the corpus directory ${dir} does not exist` : `the corpus directory ${dir} cannot be read (${code})`,
          fix: 'set CORPUS_DIR to a directory of <id>.txt articles, or mount one there',
        },
      ],
    };
  }
  return listingOf(dir, names);
}

/** The listing of a directory whose regular files, sorted, are `names` (a reload that stamped them already). */
export function listingOf(dir: string, names: string[]): CorpusListing {
  const problems: CorpusProblem[] = [];
  const textIds = [...new Set(names.filter((n) => n.endsWith('.txt') && n !== SYNONYMS_FILE).map((n) => n.slice(0, -4)))];
  const metadataIds = new Set(names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -5)));
  const texts = new Set(textIds);
  for (const id of metadataIds) {
    if (!texts.has(id)) {
      problems.push({
        severity: 'error',
        file: `${id}.json`,
        message: 'is metadata for an article that is not there',
        fix: `add ${id}.txt, or remove the file (or rename it to match its article)`,
      });
    }
  }
  if (textIds.length === 0) {
    problems.push({
      severity: 'error',
      file: '.',
      message: `the corpus directory ${dir} has no articles`,
      fix: 'add at least one <id>.txt article (see corpus/README.md)',
    });
  }
  return { names, textIds, metadataIds, problems };
}

/** Reads the synonyms file, when the listing has one. */
export async function loadSynonymsFile(
  dir: string,
  names: readonly string[],
): Promise<{ synonyms: SynonymGroup[]; problems: CorpusProblem[] }> {
  if (!names.includes(SYNONYMS_FILE)) return { synonyms: [], problems: [] };
  const read = await readText(dir, SYNONYMS_FILE, MAX_ARTICLE_BYTES);
  if ('problem' in read) return { synonyms: [], problems: [read.problem] };
  const parsed = parseSynonyms(read.text);
  return { synonyms: parsed.groups, problems: parsed.problems };
}

/**
 * Loads every `<id>.txt` article of a directory, its `<id>.json` metadata and
 * `synonyms.txt`. A broken file is reported and left out; the rest loads.
 */
export async function loadCorpus(dir: string): Promise<CorpusLoadResult> {
  const listing = await listCorpus(dir);
  if (!('names' in listing)) return { corpus: { articles: [], synonyms: [] }, problems: listing.problems };
  const problems: CorpusProblem[] = [...listing.problems];
  // many files in flight at once (an archive has tens of thousands), gathered back in order
  const results: Awaited<ReturnType<typeof loadArticle>>[] = new Array(listing.textIds.length);
  let next = 0;
  const reader = async () => {
    while (next < listing.textIds.length) {
      const i = next++;
      const id = listing.textIds[i]!;
      results[i] = await loadArticle(dir, id, listing.metadataIds.has(id));
    }
  };
  await Promise.all(Array.from({ length: READ_CONCURRENCY }, reader));
  const articles: Article[] = [];
  for (const loaded of results) {
    problems.push(...loaded.problems);
    if (loaded.article) articles.push(loaded.article);
  }
  const { synonyms, problems: synonymProblems } = await loadSynonymsFile(dir, listing.names);
  problems.push(...synonymProblems);
  return { corpus: { articles, synonyms }, problems };
}
