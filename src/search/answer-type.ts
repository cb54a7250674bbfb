import { isPlaceWord, normalizeText, splitWords } from '../text/index.js';

/**
 * What kind of thing a question asks for, when its wording says so: "متى" asks
 * for a date, "كم" for a number. Passages that contain such a thing are a
 * little more likely to answer.
 */
export type AnswerType = 'date' | 'number' | 'place';

// Iraqi «شوكت», Maghrebi «وقتاش» / «فوقاش»; Iraqi «شكد» / «شقد», Moroccan «شحال»
const WHEN_WORDS = new Set(['متي', 'امتي', 'ايمتي', 'امتا', 'شوكت', 'وقتاش', 'فوقاش', 'when'].map(normalizeText));
const HOW_MANY_WORDS = new Set(['كم', 'قديش', 'قداش', 'كام', 'شكد', 'شقد', 'شحال', 'عدد'].map(normalizeText));
const WHEN_PHRASES = [/\b(?:what|which) (?:year|date|day|month)\b/, /(?:^| )(?:اي|في اي|باي) (?:عام|سنه|تاريخ|يوم|شهر)(?: |$)/];
const HOW_MANY_PHRASES = [/\bhow (?:many|much)\b/];
const WHERE_WORDS = new Set(['اين', 'وين', 'فين', 'فاين', 'where'].map(normalizeText));
const WHERE_PHRASES = [/(?:^| )(?:في|الي|من) اي (?:مدينه|دوله|بلد|مكان|عاصمه)(?: |$)/, /\b(?:which|what) (?:city|country|place)\b/];

export function answerTypeOf(question: string): AnswerType | undefined {
  const normalized = normalizeText(question);
  const words = splitWords(normalized);
  const joined = words.join(' ');
  if (words.some((w) => WHEN_WORDS.has(w)) || WHEN_PHRASES.some((p) => p.test(joined))) return 'date';
  if (words.some((w) => HOW_MANY_WORDS.has(w)) || HOW_MANY_PHRASES.some((p) => p.test(joined))) return 'number';
  if (words.some((w) => WHERE_WORDS.has(w)) || WHERE_PHRASES.some((p) => p.test(joined))) return 'place';
  return undefined;
}

/**
 * Words after which a question may name the attribute it asks for: "ما هي
 * مساحة…" (area), "ما عاصمة…", "متى تم تأسيس…", "what is the area of…".
 */
const ATTRIBUTE_OPENERS = [
  /(?:^| )(?:ما|ماهو|ماهي|ماهى|ماهم)(?: (?:هو|هي|هى|هم|هما))? ([^ ]+) ([^ ]+)/,
  /(?:^| )(?:من) (?:هو|هي|هى|هم|هما) ([^ ]+) ([^ ]+)/,
  /(?:^| )(?:متي|كيف) (?:تم|يتم|سيتم) ([^ ]+) ([^ ]+)/,
  /\b(?:what|which) (?:is|was|are|were) the ([^ ]+) (of)\b/,
];
const NOT_FOLLOWERS = new Set([
  'الذي',
  'التي',
  'الذين',
  'اللذان',
  'اللتان',
  'اللذين',
  'اللتين',
  'اللي',
  'من',
  'في',
  'الي',
  'علي',
  'عن',
  'مع',
  'هو',
  'هي',
]);

/**
 * The attribute a question asks for, normalized, when its wording names one:
 * a noun without the article, first of a construct whose second term is what
 * it belongs to ("ما هي مساحة الولايات المتحدة؟" → "مساحه"; "what is the area
 * of…" → "area"). "ما هي الوظيفة التي شغلها…" asks for an instance of a
 * category, which a passage names without the category's word: no attribute.
 * A corpus that never uses an attribute's word cannot give that fact,
 * whatever it says about the entity.
 */
export function askedAttribute(question: string): string | undefined {
  const joined = splitWords(normalizeText(question)).join(' ');
  // "how old is…": a person's age, which a passage gives by the word «عمر»/"age" or not at all
  if (/\bhow old\b/.test(joined)) return 'age';
  for (const opener of ATTRIBUTE_OPENERS) {
    const match = opener.exec(joined);
    if (!match) continue;
    const [, word, next] = match as unknown as [string, string, string];
    // "مرادف للحمض": a preposition, not a construct
    if (word.startsWith('ال') || NOT_FOLLOWERS.has(word) || NOT_FOLLOWERS.has(next) || next.startsWith('لل')) return undefined;
    // "ما اسم…", "what is the name of…": the category of what is asked, which a passage names without the word
    if (CATEGORY_WORDS.has(word)) return undefined;
    return word;
  }
  return undefined;
}

const COUNT_OPENERS = [
  /(?:^| )(?:كم|ما|قديش) (?:هو |هي |يبلغ |تبلغ |بلغ |بلغت )?عدد ([^ ]+)/,
  /(?:^| )(?:كم|قديش|قداش|كام|شكد|شقد|شحال) (?:من )?([^ ]+)/,
  /\bhow many ([^ ]+)/,
];

/**
 * What a "how many" question counts, normalized: "كم عدد الدول…" → "الدول",
 * "كم دولة…" → "دوله", "كم يبلغ عدد سكان…" → "سكان". An answer puts a number
 * next to it ("74 دولة").
 */
export function countedNoun(question: string): string | undefined {
  const joined = splitWords(normalizeText(question)).join(' ');
  for (const opener of COUNT_OPENERS) {
    const word = opener.exec(joined)?.[1];
    if (word) return word;
  }
  return undefined;
}

/** Whether a normalized word is a number, in digits or in words. */
export function isNumberWord(word: string): boolean {
  return /^\d+$/.test(word) || NUMBER_WORDS.test(word);
}

const MONTHS = [
  'يناير',
  'فبراير',
  'مارس',
  'ابريل',
  'مايو',
  'يونيو',
  'يوليو',
  'اغسطس',
  'سبتمبر',
  'اكتوبر',
  'نوفمبر',
  'ديسمبر',
  'كانون',
  'شباط',
  'اذار',
  'نيسان',
  'ايار',
  'حزيران',
  'تموز',
  'اب',
  'ايلول',
  'تشرين',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const WEEKDAYS = [
  'السبت',
  'الاحد',
  'الاثنين',
  'الثلاثاء',
  'الاربعاء',
  'الخميس',
  'الجمعه',
  'امس',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
];
const DATE_WORDS = new Set([...MONTHS, ...WEEKDAYS, ...MONTHS.flatMap((m) => [`و${m}`, `ب${m}`, `في${m}`])]);
const YEAR = /^(?:1[0-9]|20)\d\d$/;
const NUMBER_WORDS =
  /^(?:[وب]?(?:ال)?)(?:واحد|اثنان|اثنين|اثنتين|ثلاث|اربع|خمس|ست|سبع|ثمان|تسع|عشر|مئه|مائه|مئات|الف|الاف|مليون|ملايين|مليار|مليارات)(?:ه|ين|ون|ات|ي|ا)?$/;

const MONTH_WORDS = new Set([...MONTHS, ...MONTHS.flatMap((m) => [`و${m}`, `ب${m}`, `في${m}`])]);

/**
 * Whether a text dates something by itself — a year or a month — rather than
 * by a day relative to when it was written («أمس», «اليوم (الثلاثاء)»), which
 * says when only beside its article's date.
 */
export function datesItself(text: string): boolean {
  return splitWords(normalizeText(text)).some((word) => YEAR.test(word) || MONTH_WORDS.has(word));
}

/** Which answer types a normalized word offers, as bits: 1 date, 2 number, 4 place. */
export function answerTypeBitsOfWord(word: string): number {
  if (/^\d+$/.test(word)) return YEAR.test(word) ? 3 : 2;
  if (DATE_WORDS.has(word)) return 1;
  if (NUMBER_WORDS.test(word)) return 2;
  return isPlaceWord(word) ? 4 : 0;
}

export const ANSWER_TYPE_BIT: Record<AnswerType, number> = { date: 1, number: 2, place: 4 };

/**
 * Words that name the category a question asks for an instance of: "what is
 * the name of…", "what type of…", "in which year…", "what is X called?",
 * "ما اسم…", "ما نوع…", "في أي عام…". The passage that answers gives the
 * instance (the name, the kind, the year), seldom the category's word.
 */
const CATEGORY_WORDS = new Set(
  [
    ...['name', 'names', 'term', 'type', 'types', 'kind', 'kinds', 'sort', 'word', 'اسم', 'نوع', 'مصطلح'],
    // a stance, an opinion, a reason, an aim, a role, a result: what a passage says, seldom by that word
    ...['موقف', 'رأي', 'سبب', 'أسباب', 'هدف', 'أهداف', 'غرض', 'أغراض', 'دور', 'نتيجة', 'نتائج'],
    // a share or an amount: the passage gives the figure
    ...['نسبة', 'مقدار'],
  ].map(normalizeText),
);
const FRAME_PHRASES = [
  /\b(?:what|which)(?: is| was| are| were)?(?: the| a| an)? (name|names|term|type|types|kind|kinds|sort|year|day|month|date|word)\b/,
  /\b(?:what|how)\b.*\b(called|named|termed|known)\b/,
  /(?:^| )(?:ما|ماذا|ماهو|ماهي|ماهى)(?: (?:هو|هي|هى))? (اسم|نوع|مصطلح)(?: |$)/,
  // «ما سبب…» is «لماذا…»: the passage gives the reason («نتيجة ظروف…»), seldom the word
  /(?:^| )(?:ما|ماهو|ماهي|ماهى|شو|ايش)(?: (?:هو|هي|هى))? (سبب|اسباب)(?: |$)/,
  /(?:^| )(?:اي|في اي|باي|فاي|لاي) (عام|سنه|يوم|شهر|اسم|نوع|مصطلح)(?: |$)/,
  // «لأي غرض…» is «لماذا…»: the passage gives the purpose («من اجل…», «بهدف…»), seldom the word
  /(?:^| )(?:لاي|لاجل اي|من اجل اي) (غرض|هدف)(?: |$)/,
  /(?:^| )(?:ماذا|بماذا|ما|كيف) (يسمي|تسمي|يطلق|تعرف|يعرف|سمي|سميت)(?: |$)/,
  // "كم عدد الدول…", "how many": the passage gives the number («74 دولة»), seldom the word «عدد»,
  // which the articles use for "several" («عدد من الدول», «عدد كبير من السكان»)
  /(?:^| )(?:كم|ما|ماهو|ماهي|قديش)(?: (?:هو|هي))? (عدد)(?: |$)/,
];

/**
 * «كم نسبة الأراضي…», «ما مقدار…»: the passage gives the share or the amount («30 في المئة»),
 * seldom the word. Left out of the evidence a passage must hold, but weighed in full by the
 * ranking: a passage that has the word («بنسبة 5%») is often the one (ARCD test −0.0007 at half weight).
 */
const SHARE_PHRASE = /(?:^| )(?:كم|ما|ماهو|ماهي|قديش|شو|ايش)(?: (?:هو|هي))? (نسبه|مقدار)(?: |$)/;

/**
 * «ماذا قال التحالف عن كورونا؟»: asked what someone said about a thing, the passage reports it with
 * any verb of saying («أكد البيان», «شدد», «أعرب عن») or none. Like SHARE_PHRASE, left out of the
 * evidence only: the ranking still prefers the paragraph that has the verb. Without «عن»/«حول»/«بشأن»
 * («ماذا قال تيلرسون؟») the verb is all the question asks besides the speaker, and stays.
 */
const SPEECH_PHRASE =
  /(?:^| )(?:ماذا|ما|شو|ايش|وش|ايه)(?: الذي| اللي)? (قال|قالت|قالوا|يقول|تقول|يقولون|بيقول|بتقول|حكي|حكا|صرح|صرحت)(?: .+)? (?:عن|حول|بشان|بخصوص)(?: |$)/;

/** frameWords, the word asking for a share or an amount (see SHARE_PHRASE) and a verb of saying (SPEECH_PHRASE): what evidence leaves out. */
export function evidenceFrameWords(question: string): Set<string> {
  return wordsNamedBy(question, [...FRAME_PHRASES, SHARE_PHRASE, SPEECH_PHRASE]);
}

/**
 * The normalized words of a question that name what it asks an instance of
 * (see FRAME_PHRASES): evidence leaves them out of the weight a passage must
 * match, and ranking weighs them less.
 */
export function frameWords(question: string): Set<string> {
  return wordsNamedBy(question, FRAME_PHRASES);
}

/** The word each phrase captures in the normalized question. */
function wordsNamedBy(question: string, phrases: readonly RegExp[]): Set<string> {
  const joined = splitWords(normalizeText(question)).join(' ');
  const words = new Set<string>();
  for (const phrase of phrases) {
    const word = phrase.exec(joined)?.[1];
    if (word) words.add(word);
  }
  return words;
}
