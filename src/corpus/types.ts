/**
 * One article of the corpus, as cited.
 *
 * @example { id: '000_ef08b0032887354d', title: undefined, date: '2018-02-13', lang: 'ar', … }
 */
export interface Article {
  /** the file stem: `corpus/<id>.txt` */
  id: string;
  /** the headline, when the article has one */
  title?: string;
  /** what citations show: the headline, or the opening words of the lead */
  label: string;
  source?: string;
  date?: string;
  url?: string;
  lang: 'ar' | 'en';
  /** path of the text file, relative to the corpus directory */
  file: string;
  paragraphs: Paragraph[];
}

export interface Paragraph {
  /** 1-based ordinal among the article's paragraphs, after boilerplate is dropped */
  n: number;
  /** 1-based line of the text file where it starts */
  line: number;
  /** verbatim text */
  text: string;
}

/**
 * Equivalent expressions for query expansion, as a moderator wrote them.
 *
 * @example ['داعش', 'تنظيم الدولة الإسلامية', 'ISIS']
 */
export type SynonymGroup = readonly string[];

/**
 * Expressions a question reaches through `from` only, and only as another way
 * of saying its first word: «وزير الخارجية الأمريكي» lets «تيلرسون» and
 * «بومبيو» stand for «وزير» while «الخارجية» and «الأمريكي» stay words of
 * their own (a passage holding the role scores as before); «تيلرسون» does not
 * find every passage on the office.
 */
export interface OneWaySynonym {
  from: string;
  to: readonly string[];
}

/** What an index expands a question with. */
export type SynonymEntry = SynonymGroup | OneWaySynonym;

export type ProblemSeverity = 'error' | 'warning';

/** Something wrong with a corpus file: where, what, and how to fix it. */
export interface CorpusProblem {
  severity: ProblemSeverity;
  /** path relative to the corpus directory */
  file: string;
  /** the metadata field or line, when one is at fault */
  where?: string;
  message: string;
  fix: string;
}

export interface Corpus {
  articles: Article[];
  synonyms: SynonymGroup[];
}

export interface CorpusLoadResult {
  corpus: Corpus;
  problems: CorpusProblem[];
}

/** "corpus/x.json (date): not a real calendar date — write the date as …" */
export function formatProblem(problem: CorpusProblem): string {
  const where = problem.where ? ` (${problem.where})` : '';
  return `${problem.severity}: ${problem.file}${where}: ${problem.message} — ${problem.fix}`;
}
