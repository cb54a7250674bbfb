import { hasArabic } from './script.js';

/**
 * Bidirectional text helpers. In an Arabic line, a Latin title, a URL or a
 * number sequence like "2018-02-13" can be reordered by the Unicode bidi
 * algorithm ("13-02-2018"); wrapping it in a left-to-right isolate
 * (U+2066 … U+2069) keeps it intact without affecting the text around it.
 */
export const LRI = '\u2066';
export const FSI = '\u2068';
export const PDI = '\u2069';

/** Runs of Latin letters, digits and the punctuation that joins them. */
const LTR_RUN =
  /[\p{Script=Latin}\p{Nd}][\p{Script=Latin}\p{Nd}\p{Zs}.,:;/_\-+%#@&'’()=?!]*[\p{Script=Latin}\p{Nd}/%)]|[\p{Script=Latin}\p{Nd}]/gu;

export function isolateLtr(text: string): string {
  return `${LRI}${text}${PDI}`;
}

/** First strong direction decides: an isolate that picks its own direction. */
export function isolateAuto(text: string): string {
  return `${FSI}${text}${PDI}`;
}

/**
 * In text that contains Arabic, wraps each left-to-right run (Latin words,
 * numbers, dates, URLs) in an isolate; text without Arabic is returned as is.
 * Pass `inArabic` for a piece cut out of Arabic text that may hold no Arabic
 * letter itself ("2018-02-13" between two bold words).
 */
export function isolateLtrRuns(text: string, inArabic = hasArabic(text)): string {
  if (!inArabic) return text;
  return text.replace(LTR_RUN, (run) => isolateLtr(run));
}

/** Removes bidi controls that came from user input, so they cannot reorder our output. */
export function stripBidiControls(text: string): string {
  return text.replace(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '');
}

/**
 * A part of a line (a title, a date, a name), isolated so the bidi algorithm
 * cannot reorder it against the line's direction: in a right-to-left line,
 * its Latin runs (or all of it, when it has no Arabic); in a left-to-right
 * line, Arabic text picks its own direction.
 */
export function directed(text: string, rtlLine: boolean): string {
  if (rtlLine) return hasArabic(text) ? isolateLtrRuns(text) : isolateLtr(text);
  return hasArabic(text) ? isolateAuto(text) : text;
}
