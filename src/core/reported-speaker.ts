import type { ScoredPassage } from '../search/index.js';
import { normalizeText, splitWords } from '../text/index.js';
import type { PassageRef } from './knowledge-base.js';

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
  ['ان', 'انه', 'انها', 'في', 'خلال', 'الذي', 'التي', 'عن', 'الي', 'علي', 'امام', 'مع', 'ل', 'اليوم', 'امس', 'قايلا'].map(normalizeText),
);
/** Words a paragraph may open with before its verb: «من جانبه، قال…», «كما أكد…». */
const OPENERS = new Set(['من', 'جانبه', 'جانبها', 'بدوره', 'بدورها', 'كما', 'وكما', 'فيما', 'وفيما', 'بينما'].map(normalizeText));
const MAX_SUBJECT_WORDS = 6;
/** How many paragraphs back a speaker is looked for. */
const MAX_CARRY = 4;

function speechVerb(word: string): boolean {
  const bare = word.replace(/^[وف]/, '');
  return SPEECH_VERBS.has(bare) || (bare.endsWith('ت') && SPEECH_VERBS.has(bare.slice(0, -1)));
}

/**
 * How a paragraph opens: on a verb of saying with its speaker named (the
 * speaker's words), with none (`continues`), or otherwise (undefined).
 */
export function openingSpeech(text: string): { speaker: string[] } | { continues: true } | undefined {
  // the first clause («من جانبه،» and the like aside): a speaker is named before any comma, colon or quotation
  const clauses = text.split(/[،,:«"“(]/).map((clause) => splitWords(normalizeText(clause)));
  let first = 0;
  while (first < clauses.length - 1 && clauses[first]!.every((word) => OPENERS.has(word))) first++;
  const words = clauses[first] ?? [];
  let i = 0;
  while (i < words.length && i < 3 && OPENERS.has(words[i]!)) i++;
  if (i >= words.length || !speechVerb(words[i]!)) return undefined;
  const after = words.slice(i + 1);
  // «وأضاف أن…», «ولفت إلى أن…», «وقال: "…"»
  if (after.length === 0 || NO_SUBJECT.has(after[0]!)) return { continues: true };
  const speaker: string[] = [];
  for (const word of after) {
    if (SUBJECT_END.has(word) || speaker.length === MAX_SUBJECT_WORDS) break;
    speaker.push(word);
  }
  return speaker.length > 0 ? { speaker } : undefined;
}

/**
 * The speaker a paragraph goes on with, if it opens on a verb of saying that
 * names none: the passage that named them (the same article, a few paragraphs
 * back at most) and their words.
 */
export function reportedSpeaker(passages: readonly PassageRef[], passage: number): { passage: number; words: string[] } | undefined {
  const ref = passages[passage]!;
  if (!('continues' in (openingSpeech(ref.paragraph.text) ?? {}))) return undefined;
  for (let back = passage - 1; back >= 0 && passage - back <= MAX_CARRY && passages[back]!.article === ref.article; back--) {
    const opening = openingSpeech(passages[back]!.paragraph.text);
    if (opening === undefined) return undefined;
    if ('speaker' in opening) return { passage: back, words: opening.speaker };
  }
  return undefined;
}

/**
 * A hit whose paragraph goes on with a speaker named before, credited with the
 * question's concepts the naming paragraph matches in the speaker's words
 * (`termsOf` gives their index terms); the hit unchanged when there are none.
 * `totalMass` is the question's whole weight, as coverage divides it.
 */
export function withReportedSpeaker(
  hit: ScoredPassage,
  passages: readonly PassageRef[],
  hitOf: (passage: number) => ScoredPassage | undefined,
  conceptWords: readonly number[],
  totalMass: number,
  termsOf: (words: readonly string[]) => string[],
): ScoredPassage {
  const speaker = reportedSpeaker(passages, hit.passage);
  const naming = speaker && hitOf(speaker.passage);
  if (!speaker || !naming || totalMass <= 0) return hit;
  const said = new Set(termsOf(speaker.words));
  const carried = naming.matchedConcepts.flatMap((concept, k) =>
    !hit.matchedConcepts.includes(concept) && (naming.conceptTerms?.[k] ?? []).some((t) => said.has(t))
      ? [{ concept, terms: naming.conceptTerms![k]!, mass: naming.conceptMass?.[k] ?? 0 }]
      : [],
  );
  if (carried.length === 0) return hit;
  const mass = carried.reduce((sum, c) => sum + c.mass, 0);
  return {
    ...hit,
    coverage: hit.coverage + mass / totalMass,
    matchedWords: hit.matchedWords + carried.reduce((sum, c) => sum + conceptWords[c.concept]!, 0),
    matchedConcepts: [...hit.matchedConcepts, ...carried.map((c) => c.concept)],
    ...(hit.conceptTerms && { conceptTerms: [...hit.conceptTerms, ...carried.map((c) => c.terms)] }),
    ...(hit.conceptMass && { conceptMass: [...hit.conceptMass, ...carried.map((c) => c.mass)] }),
  };
}
