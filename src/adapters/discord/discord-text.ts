import { escapeMarkdown } from 'discord.js';
import { isolateLtrRuns, stripBidiControls } from '../../core/bidi.js';
import { excerptAround, excerptText, type Excerpt } from '../../core/excerpt.js';
import type { Span } from '../../core/snippet.js';

/** Discord's size limits, in characters (API reference, "Embed Limits" and "Create Message"). */
export const DISCORD_LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** title + description + field names and values + footer + author, over all embeds of a message */
  embedsTotal: 6000,
  choices: 25,
  choiceName: 100,
} as const;

const ARABIC = /\p{Script=Arabic}/u;
const MENTION = /<(@[!&]?\d+|#\d+)>/g;
const BROADCAST = /@(everyone|here)\b/g;

export function hasArabic(text: string): boolean {
  return ARABIC.test(text);
}

/** Isolates Latin runs, dates and numbers of a piece cut from Arabic text. */
function isolateInArabic(piece: string): string {
  return isolateLtrRuns(piece, true);
}

/**
 * Text quoted from the corpus, made inert for Discord: LTR runs isolated when
 * it sits in Arabic, markdown escaped, and mention syntax escaped so it shows
 * as typed (allowedMentions already stops any ping).
 *
 * @example safeText('**bold** @everyone <@123>', false) // '\\*\\*bold\\*\\* \\@everyone \\<@123>'
 */
export function safeText(text: string, inArabic: boolean): string {
  const isolated = inArabic ? isolateInArabic(text) : text;
  return escapeMarkdown(isolated, { heading: true, bulletedList: true, numberedList: true, maskedLink: true })
    .replace(MENTION, '\\<$1>')
    .replace(BROADCAST, '\\@$1');
}

/** Text a user typed (questions, synonyms): bidi controls removed first, so they cannot reorder our lines. */
export function safeUserText(text: string): string {
  const clean = stripBidiControls(text);
  return safeText(clean, hasArabic(clean));
}

/**
 * Renders the part of `raw` around `focus` that fits in `max` characters once
 * rendered (markup and escapes included), cutting only between words.
 */
export function fitAround(raw: string, focus: Span, max: number, render: (window: Excerpt) => string): string {
  let budget = max;
  for (;;) {
    const out = render(excerptAround(raw, focus, budget));
    if (out.length <= max) return out;
    if (budget <= 1) return '…';
    budget = Math.max(1, budget - Math.max(out.length - max, Math.ceil(budget / 50)));
  }
}

/** Plain or markdown text from its start, trimmed to `max` at a word boundary with an ellipsis. */
export function fitStart(raw: string, max: number, render: (text: string) => string = (t) => t): string {
  return fitAround(raw, { start: 0, end: 0 }, max, (window) => render(excerptText(raw, window)));
}

/**
 * Whole lines while they fit in `max`, then a line saying how many were left
 * out. Each line must already fit on its own.
 */
export function fitLines(lines: readonly string[], max: number, leftOut: (count: number) => string): string {
  const reserve = leftOut(lines.length).length + 1;
  const kept: string[] = [];
  let length = 0;
  for (const line of lines) {
    const added = (kept.length ? 1 : 0) + line.length;
    const last = kept.length === lines.length - 1;
    if (length + added > max - (last ? 0 : reserve)) break;
    kept.push(line);
    length += added;
  }
  return kept.length === lines.length ? kept.join('\n') : [...kept, leftOut(lines.length - kept.length)].join('\n');
}
