import { isStopword, normalizeText } from '../text/index.js';
import type { Article, SynonymEntry, SynonymGroup } from './types.js';

/**
 * Role–name aliases mined from the articles' own appositions: news text names
 * a person once by role and name together («وزير الخارجية الأمريكي ريكس
 * تيلرسون») and elsewhere by one of the two («وقال تيلرسون»). Counted over the
 * corpus, the appositions give each role the surnames that follow it, as a
 * one-way synonym entry (see OneWaySynonym): a question asking by role finds
 * the paragraph that names the person by name only.
 *
 * One way only: two holders of one office (تيلرسون in 2018, بلينكن in 2024)
 * are names of the role, not of each other, and a surname's stem may be an
 * ordinary word's («الإسماعيلي», «الإسماعيلية»), which a name → role entry
 * would turn into the whole office. Arabic only: English titles run into
 * names in capitals ("Secretary of State Rex Tillerson") with no cheap way to
 * tell where the role ends.
 */

/** Head nouns of a role, normalized (see normalizeText), without ال. */
const HEADS = new Set(
  ['وزير', 'وزيرة', 'رئيس', 'رئيسة', 'أمين', 'نائب', 'سفير', 'سفيرة', 'مبعوث', 'ملك', 'أمير', 'ولي', 'متحدث', 'قائد', 'مستشار', 'مدير'].map(
    normalizeText,
  ),
);

/** Words of a role in the construct state, without ال: «رئيس مجلس الوزراء», «أمين عام», «المتحدث باسم». */
const CONSTRUCT = new Set(
  [
    'مجلس',
    'عام',
    'باسم',
    'خارجية',
    'دفاع',
    'داخلية',
    'وزراء',
    'وزارة',
    'حكومة',
    'هيئة',
    'أركان',
    'جمهورية',
    'دولة',
    'بعثة',
    'جامعة',
    'منظمة',
    'لجنة',
    'مكتب',
    'وكالة',
    'حزب',
    'شركة',
    'شرطة',
    'منطقة',
    'محافظة',
    'مدينة',
    'إمارة',
    'أمانة',
    'اتحاد',
    'مؤسسة',
    'مركز',
    'إدارة',
    'نادي',
    'غرفة',
    'شؤون',
    'قوات',
    'كرة',
  ].map(normalizeText),
);

/** Titles between a role and a name: «وزير الخارجية الكويتي الشيخ صباح الخالد». */
const HONORIFICS = new Set(
  [
    'الشيخ',
    'السيد',
    'السيدة',
    'الدكتور',
    'الدكتورة',
    'د',
    'المهندس',
    'الفريق',
    'اللواء',
    'العميد',
    'الجنرال',
    'الأمير',
    'الملك',
    'صاحب',
    'السمو',
    'الملكي',
    'سمو',
    'معالي',
    'فخامة',
    'سعادة',
  ].map(normalizeText),
);

/** Words that end a name: time words that follow it in news style («صباح الخالد أمس»). */
const AFTER_NAME = new Set(
  [
    'أمس',
    'اليوم',
    'غدا',
    'الليلة',
    'مساء',
    'الاثنين',
    'الثلاثاء',
    'الأربعاء',
    'الخميس',
    'الجمعة',
    'السبت',
    'الأحد',
    'حاليا',
    'آنذاك',
    'قائلا',
    'أكثر',
    'أقل',
    'نحو',
  ].map(normalizeText),
);

/** Links inside a name that are no name of their own: «سلمان بن عبد العزيز». */
const NAME_LINKS = new Set(['بن', 'ابن', 'بنت', 'ابو', 'عبد'].map(normalizeText));

/** Particles fused before a role's head: «ووزير», «لوزير», «والأمين». */
const LEADING_PARTICLES = ['وال', 'فال', 'بال', 'لل', 'ال', 'و', 'ف', 'ب', 'ل'];

const MAX_MODIFIERS = 4;
const MAX_NAME_WORDS = 3;
/** A role linked to more names than this is too common a title to mean anyone (its most frequent names are kept). */
export const MAX_NAMES_PER_ROLE = 8;
/**
 * A name kept for a role is seen after it at least this share of the times its
 * most frequent name is: «رئيس الوزراء التركي» comes before «أوغلو» dozens of
 * times in an archive, and once before a verb the name ran into.
 */
export const MIN_SHARE_OF_TOP_NAME = 0.2;
/** Keeps the table small on a large archive: the most frequent pairs first. */
export const MAX_PAIRS = 5000;

/** One apposition: the role as written (normalized), and the surname that follows it. */
export interface Apposition {
  role: string;
  name: string;
}

/** Clauses: appositions never cross punctuation. */
const CLAUSE_BREAK = /[.,،؛;:؟?!"«»“”()[\]{}\-–—/\\|\n\r…]+/;
const WORD = /\p{L}+/gu;

function headOf(word: string): string | undefined {
  if (HEADS.has(word)) return word;
  for (const particle of LEADING_PARTICLES) {
    if (word.startsWith(particle) && HEADS.has(word.slice(particle.length))) return word.slice(particle.length);
  }
  return undefined;
}

function isDefinite(word: string): boolean {
  return word.startsWith('ال') && word.length > 3;
}

/** A word a name cannot start with or hold: a particle, a definite word fused to a preposition, a conjunction plus a word. */
/** A word of the construct state behind ل or ب: «الأمين العام لمجلس التعاون», «مدير الدفاع المدني بمنطقة الرياض». */
function isLinkedConstruct(word: string): boolean {
  return (word[0] === 'ل' || word[0] === 'ب') && CONSTRUCT.has(word.slice(1));
}

function endsName(word: string, first: boolean): boolean {
  if (isLinkedConstruct(word)) return true;
  if (isStopword(word) || AFTER_NAME.has(word) || HONORIFICS.has(word) || headOf(word)) return true;
  if (/^[وفبل]/.test(word) && AFTER_NAME.has(word.slice(1))) return true;
  if (/^(وال|فال|بال|كال|لل)/.test(word)) return true;
  // «ونظيره», «وتم»: a conjunction starts the next phrase (names that start with و, «وليد», are lost)
  if (/^[وف]/.test(word)) return true;
  // a feminine nisba or plural («العربية», «المشتركات») is a description, not a name;
  // nor is a verbal noun of the form تفعيل («تقديم», «تنفيذ») that follows a name as the sentence goes on
  if (/(يه|ات)$/.test(word) || /^ت..ي.$/.test(word)) return true;
  if (first && isDefinite(word)) return true;
  return word.length < 2;
}

/** The appositions of one clause of normalized words. */
function clauseAppositions(words: readonly string[], found: Apposition[]): void {
  for (let i = 0; i < words.length; i++) {
    const head = headOf(words[i]!);
    if (!head) continue;
    let j = i + 1;
    const role = [head];
    while (j < words.length && role.length <= MAX_MODIFIERS) {
      const word = words[j]!;
      if (HONORIFICS.has(word) || headOf(word) || isStopword(word)) break;
      // «الأمين العام للأمم المتحدة»: a definite word with ل fused before it
      if (!isDefinite(word) && !CONSTRUCT.has(word) && !(word.startsWith('لل') && word.length > 4) && !isLinkedConstruct(word)) break;
      role.push(word);
      j++;
    }
    // a bare title («الرئيس») means anyone; another title next starts the role nearest the name;
    // a role ending in the construct state («رئيس وزراء إسرائيل») goes on with a noun, not a name
    if (role.length < 2 || !isDefinite(role.at(-1)!) || (j < words.length && headOf(words[j]!))) continue;
    while (j < words.length && HONORIFICS.has(words[j]!)) j++;
    const name: string[] = [];
    while (j < words.length && name.length < MAX_NAME_WORDS && !endsName(words[j]!, name.length === 0)) {
      // a family name with ال follows a given name («صباح الخالد»); after two names it is as often
      // the verb's object («افتتح … ريكس تيلرسون المؤتمر»): the longer nasab is cut, not run on
      if (name.length >= 2 && isDefinite(words[j]!)) break;
      // and ends it («ماجد الحقيل طلب»), unless more family names follow («المحمد الصباح»)
      if (name.length >= 1 && isDefinite(name.at(-1)!) && !isDefinite(words[j]!)) break;
      name.push(words[j]!);
      j++;
    }
    while (name.length > 0 && NAME_LINKS.has(name[name.length - 1]!)) name.pop();
    // a first mention gives first name and surname: one word after a role is as often a verb or an adverb
    // «عبد الله» is one name: its second word is no surname
    const surname = name.length >= 2 && name.at(-2) !== 'عبد' && name.at(-1) !== 'الله' ? name.at(-1) : undefined;
    if (surname && surname.length >= 3 && !NAME_LINKS.has(surname)) found.push({ role: role.join(' '), name: surname });
  }
}

/** A head as written in most news text, to skip the clauses that hold none without normalizing them. */
const RAW_HEAD = /وزير|رئيس|رئيس|[أاإ]مين|نائب|نايب|سفير|مبعوث|ملك|[أاإ]مير|ولي|متحدث|قائد|قايد|مستشار|مدير/g;
const RAW_PARTICLES = new Set([...LEADING_PARTICLES, 'وبال', 'ولل', 'فبال', 'كال']);
/** Tashkeel and tatweel, dropped first so that they split no head. */
const MARKED = /[\u0610-\u061A\u064B-\u065F\u0670\u0640]/g;
/** The word after a head (the head's own ending, «وزيرة», «رئيسا», is skipped). */
const NEXT_WORD = /\p{L}*[^\p{L}]{1,4}(\p{L}+)/uy;

/** An Arabic or Latin letter (enough to find where a word starts). */
function isLetter(code: number): boolean {
  return (code >= 0x0620 && code <= 0x064a) || (code >= 0x066e && code <= 0x06d3) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
}
/** Enough text after a head for a role and a name. */
const WINDOW = 160;

/** The appositions of one text, in order. */
export function findAppositions(raw: string): Apposition[] {
  const found: Apposition[] = [];
  const text = raw.replace(MARKED, '');
  let covered = -1;
  const heads = new RegExp(RAW_HEAD);
  for (let match = heads.exec(text); match; match = heads.exec(text)) {
    let start = match.index;
    while (start > 0 && start > match.index - 4 && isLetter(text.charCodeAt(start - 1))) start--;
    // «الدولي», «المملكة»: a head inside another word
    if (start < match.index && !RAW_PARTICLES.has(text.slice(start, match.index))) continue;
    if (start > 0 && isLetter(text.charCodeAt(start - 1))) continue;
    // a chain of titles is read once, from its first head
    if (start <= covered) continue;
    // a role goes on with a definite word or a word of the construct state: most heads («رئيس» alone) stop here
    NEXT_WORD.lastIndex = heads.lastIndex;
    const next = NEXT_WORD.exec(text)?.[1];
    if (!next || !(/^(ال|أل|إل|لل)/.test(next) || CONSTRUCT.has(normalizeText(next)))) continue;
    const window = text.slice(start, start + WINDOW);
    const clause = normalizeText(window).split(CLAUSE_BREAK)[0]!;
    covered = start + clause.length;
    const words = clause.match(WORD);
    if (words && words.length >= 3) clauseAppositions(words, found);
  }
  return found;
}

/** How often each role directly precedes each surname: role → surname → count. */
export type AppositionCounts = Map<string, Map<string, number>>;

/** The paragraphs mined: an Arabic article's. */
export function minedTexts(articles: Iterable<Article>): string[] {
  const texts: string[] = [];
  for (const article of articles) {
    if (article.lang === 'ar') for (const paragraph of article.paragraphs) texts.push(paragraph.text);
  }
  return texts;
}

/**
 * Adds the appositions of `texts` to `counts` (or takes them away, for the
 * texts of articles a reload removes or changes): a reload by delta updates
 * the counts of the base without reading its other articles again.
 */
export function countAppositions(texts: Iterable<string>, counts: AppositionCounts = new Map(), sign: 1 | -1 = 1): AppositionCounts {
  for (const text of texts) {
    for (const { role, name } of findAppositions(text)) {
      const names = counts.get(role) ?? new Map<string, number>();
      const count = (names.get(name) ?? 0) + sign;
      if (count > 0) names.set(name, count);
      else names.delete(name);
      if (names.size > 0) counts.set(role, names);
      else counts.delete(role);
    }
  }
  return counts;
}

/** A copy to update, the original left as it is. */
export function copyCounts(counts: AppositionCounts): AppositionCounts {
  return new Map([...counts].map(([role, names]) => [role, new Map(names)]));
}

/** The counts as [role, surname, count] rows in one order whatever order they were counted in (for a snapshot). */
export function countRows(counts: AppositionCounts): [string, string, number][] {
  const rows: [string, string, number][] = [];
  for (const [role, names] of counts) for (const [name, count] of names) rows.push([role, name, count]);
  return rows.sort((a, b) => compare(a[0], b[0]) || compare(a[1], b[1]));
}

export function countsFromRows(rows: readonly (readonly [string, string, number])[]): AppositionCounts {
  const counts: AppositionCounts = new Map();
  for (const [role, name, count] of rows) {
    const names = counts.get(role) ?? new Map<string, number>();
    names.set(name, count);
    counts.set(role, names);
  }
  return counts;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The role–name pair groups of a corpus. A surname that a known group (the
 * corpus file's, a moderator's) spells several ways is paired with each
 * spelling, so the role reaches «تيلرسون» when the apposition wrote «تريلسون».
 */
export function mineAppositions(articles: readonly Article[], known: readonly SynonymGroup[] = []): SynonymEntry[] {
  return aliasGroups(countAppositions(minedTexts(articles)), known);
}

/** The role–name pair groups of Arabic texts (see mineAppositions). */
export function mineTextAppositions(texts: Iterable<string>, known: readonly SynonymGroup[] = []): SynonymEntry[] {
  return aliasGroups(countAppositions(texts), known);
}

/**
 * The synonym entries of counted appositions: each role finds its most
 * frequent names (every spelling a known group gives one); a role of two
 * words («رئيس الوزراء», no nationality or organization) seen before several
 * names is left out.
 */
export function aliasGroups(counts: AppositionCounts, known: readonly SynonymGroup[] = []): SynonymEntry[] {
  const spellings = new Map<string, readonly string[]>();
  for (const group of known) {
    for (const expression of group) {
      const key = normalizeText(expression);
      if (!key.includes(' ')) spellings.set(key, group);
    }
  }
  const pairs: { role: string; name: string; count: number }[] = [];
  for (const [role, names] of counts) {
    const ranked = [...names].sort((a, b) => b[1] - a[1] || compare(a[0], b[0])).slice(0, MAX_NAMES_PER_ROLE);
    const least = ranked[0]![1] * MIN_SHARE_OF_TOP_NAME;
    for (const [name, count] of ranked) if (count >= least) pairs.push({ role, name, count });
  }
  pairs.sort((a, b) => b.count - a.count || compare(a.role, b.role) || compare(a.name, b.name));
  const names = new Map<string, string[]>();
  for (const { role, name } of pairs.slice(0, MAX_PAIRS)) {
    const list = names.get(role) ?? [];
    for (const alias of spellings.get(name) ?? [name]) if (!list.includes(alias)) list.push(alias);
    names.set(role, list);
  }
  const entries: SynonymEntry[] = [];
  for (const [role, aliases] of names) {
    // «رئيس الوزراء» before several names means a different person in every country
    const qualified = role.split(' ').length >= 3;
    if (!qualified && counts.get(role)!.size > 1) continue;
    entries.push({ from: role, to: aliases });
  }
  return entries;
}
