import { escapeMarkdown } from 'discord.js';
import { cleanText, hasArabic, isolateLtrRuns } from '../../present/index.js';

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
  choiceValue: 100,
} as const;

const MENTION = /<(@[!&]?\d+|#\d+)>/g;
const BROADCAST = /@(everyone|here)\b/g;

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

/** Text a user typed (questions, synonyms): controls and bidi controls removed first, so they cannot reorder our lines. */
export function safeUserText(text: string): string {
  const clean = cleanText(text);
  return safeText(clean, hasArabic(clean));
}
