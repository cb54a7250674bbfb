import type { ScoredPassage } from '../search/index.js';
import { normalizeText, splitWords, tokenize } from '../text/index.js';
import { withCarriedConcepts } from './carried-concepts.js';
import type { PassageRef } from './knowledge-base.js';
import { perPassagesMemo } from './per-passages-memo.js';

/**
 * News reports one speaker over several paragraphs and names them once:
 * «وذكر تريسلون الذي تعهد…» and then «واعتبر أن داعش ظهر نتيجة…». A paragraph
 * that opens on a verb of saying with no subject before its «أن» goes on
 * with the speaker its article named last; a question that names that
 * speaker ("why did ISIS emerge, according to Tillerson?") is answered by
 * it although it never writes the name.
 */

/** Verbs of saying and stating, normalized, in the perfect (a final ت of the feminine is read off). */
const SPEECH_VERBS = new Set(
  [
    ...['قال', 'أضاف', 'أوضح', 'تابع', 'أكد', 'ذكر', 'اعتبر', 'لفت', 'أشار', 'شدد', 'بين', 'كشف', 'رأى', 'أعرب', 'دعا'],
    ...['حث', 'نوه', 'أفاد', 'أبرز', 'جدد', 'عبر', 'رحب', 'أعلن', 'طالب', 'استطرد', 'مضى', 'اختتم', 'تطرق', 'أشاد', 'حذر'],
  ].map(normalizeText),
);
/** What follows a verb of saying that names no speaker: «أن», «إن», «إلى أن», «على…». */
const NO_SUBJECT = new Set(['ان', 'انه', 'انها', 'انهم', 'الي', 'علي', 'عن', 'قايلا', 'قايله', 'بان', 'بانه', 'بانها'].map(normalizeText));
/** Where a named speaker ends: the clause that follows («في المؤتمر», «إن…», «الذي…»). */
const SUBJECT_END = new Set(
  [
    ...['ان', 'انه', 'انها', 'في', 'خلال', 'الذي', 'التي', 'عن', 'الي', 'علي', 'امام', 'مع', 'ل', 'اليوم', 'امس', 'قايلا'],
    ...['من', 'ضد', 'حول', 'بشان', 'منذ', 'عبر', 'بعد', 'قبل', 'عقب', 'لدي', 'عند'],
  ].map(normalizeText),
);
/** Words a paragraph may open with before its verb: «من جانبه، قال…», «كما أكد…». */
const OPENERS = new Set(['من', 'جانبه', 'جانبها', 'بدوره', 'بدورها', 'كما', 'وكما', 'فيما', 'وفيما', 'بينما'].map(normalizeText));
const MAX_SUBJECT_WORDS = 6;
/** Words that put the topic before the verb of saying: «وعن…», «وحول…», «وفي ما يتعلق بـ…», «وبخصوص…». */
const TOPIC_OPENERS = new Set(['وعن', 'عن', 'وحول', 'حول', 'وفي', 'وفيما', 'وبخصوص', 'بخصوص', 'وبشان', 'بشان', 'وردا'].map(normalizeText));
/** How far into a paragraph fronting its topic the verb of saying may come. */
const MAX_TOPIC_WORDS = 12;
/** How many paragraphs back a speaker is looked for. */
const MAX_CARRY = 6;

/**
 * Where the speaker's words stop: the clause after them, or the verb's object,
 * which has a pronoun («أكد الوزراء عزمهم…») or a preposition fused to a word
 * the corpus has on its own («رحب البيان بتشكيل…», «لجميع»; «بومبيو» is no «ب» + «ومبيو»).
 */
function endsSubject(word: string, known: ((word: string) => boolean) | undefined): boolean {
  if (SUBJECT_END.has(word)) return true;
  if (word.length >= 5 && /(?:هم|ها|هما|كم)$/.test(word)) return true;
  return known !== undefined && word.length >= 4 && (word[0] === 'ب' || word[0] === 'ل') && known(word.slice(1));
}

function speechVerb(word: string): boolean {
  const bare = word.replace(/^[وف]/, '');
  return SPEECH_VERBS.has(bare) || (bare.endsWith('ت') && SPEECH_VERBS.has(bare.slice(0, -1)));
}

/**
 * How a paragraph opens: on a verb of saying with its speaker named (the
 * speaker's words), with none (`continues`), or otherwise (undefined).
 */
export function openingSpeech(text: string, known?: (word: string) => boolean): { speaker: string[] } | { continues: true } | undefined {
  // the first clause («من جانبه،» and the like aside): a speaker is named before any comma, colon or quotation
  const clauses = text.split(/[،,:«"“(]/).map((clause) => splitWords(normalizeText(clause)));
  let first = 0;
  while (first < clauses.length - 1 && clauses[first]!.every((word) => OPENERS.has(word))) first++;
  let words = clauses[first] ?? [];
  let i = 0;
  if (TOPIC_OPENERS.has(words[0] ?? '')) {
    // «وعن المساعدة التي ستقدمها الولايات المتحدة للعراق، قال «ناقشنا…»»: the topic first, then who spoke
    const within = words.findIndex((word, k) => k > 0 && k <= MAX_TOPIC_WORDS && speechVerb(word));
    if (within > 0) i = within;
    else if (words.length <= MAX_TOPIC_WORDS) [words, i] = [clauses[first + 1] ?? [], 0];
  }
  while (i < words.length && i < 3 && OPENERS.has(words[i]!)) i++;
  if (i >= words.length || !speechVerb(words[i]!)) return undefined;
  const after = words.slice(i + 1);
  // «وأضاف أن…», «ولفت إلى أن…», «وقال: "…"»
  if (after.length === 0 || NO_SUBJECT.has(after[0]!)) return { continues: true };
  const speaker: string[] = [];
  for (const word of after) {
    if (speaker.length === MAX_SUBJECT_WORDS || endsSubject(word, known)) break;
    speaker.push(word);
  }
  return speaker.length > 0 ? { speaker } : undefined;
}

/**
 * The speaker a paragraph goes on with, if it opens on a verb of saying that
 * names none: the passage that named them (the same article, a few paragraphs
 * back at most) and their words.
 */
export function reportedSpeaker(
  passages: readonly PassageRef[],
  passage: number,
  known?: (word: string) => boolean,
): ReportedSpeaker | undefined {
  // read each paragraph's opening once per index
  return speakers(passages, passage, () => findSpeaker(passages, passage, known));
}

/** Who a paragraph quotes: the passage that names them, and their words (normalized). */
export interface ReportedSpeaker {
  passage: number;
  words: string[];
}

const speakers = perPassagesMemo<number, ReportedSpeaker>();

function findSpeaker(passages: readonly PassageRef[], passage: number, known?: (word: string) => boolean): ReportedSpeaker | undefined {
  const ref = passages[passage]!;
  if (!('continues' in (openingSpeech(ref.paragraph.text) ?? {}))) return undefined;
  for (let back = passage - 1; back >= 0 && passage - back <= MAX_CARRY && passages[back]!.article === ref.article; back--) {
    const opening = openingSpeech(passages[back]!.paragraph.text, known);
    if (opening === undefined) return undefined;
    if ('speaker' in opening) return { passage: back, words: opening.speaker };
  }
  return undefined;
}

/**
 * A hit whose paragraph goes on with a speaker named before, credited with the
 * question's concepts the naming paragraph matches in the speaker's words
 * (`termsOf` gives their index terms; see withCarriedConcepts).
 */
export function withReportedSpeaker(
  hit: ScoredPassage,
  passages: readonly PassageRef[],
  hitOf: (passage: number) => ScoredPassage | undefined,
  conceptWords: readonly number[],
  totalMass: number,
  termsOf: (words: readonly string[]) => string[],
  known?: (word: string) => boolean,
): ScoredPassage {
  const speaker = reportedSpeaker(passages, hit.passage, known);
  const naming = speaker && hitOf(speaker.passage);
  if (!speaker || !naming) return hit;
  return withCarriedConcepts(hit, naming, new Set(termsOf(speaker.words)), conceptWords, totalMass);
}

/**
 * The speaker's words as the naming paragraph writes them (its raw text from
 * the first of those words to the last), or the normalized words if they are
 * not found in order.
 */
export function speakerText(text: string, words: readonly string[]): string {
  const tokens = tokenize(text);
  for (let i = 0; i + words.length <= tokens.length; i++) {
    if (words.every((word, k) => tokens[i + k]!.norm === word)) return text.slice(tokens[i]!.start, tokens[i + words.length - 1]!.end);
  }
  return words.join(' ');
}
