import { createHash } from 'node:crypto';
import type { InlineKeyboardMarkup, InlineQueryResultArticle, InlineQueryResultsButton } from 'telegraf/types';
import type { CitedPassage } from '../../core/answer.js';
import { isolateAuto, isolateLtr, isolateLtrRuns, stripBidiControls } from '../../core/bidi.js';
import { excerptAround, excerptText, type Excerpt } from '../../core/excerpt.js';
import { MESSAGES, rejectedMessage } from '../../core/messages.js';
import { describeReload } from '../../core/reload-report.js';
import type { Lang, Reply } from '../../core/reply.js';
import type { Span } from '../../core/snippet.js';
import { encodeFeedback, encodeMore } from './callback-data.js';
import { a, b, blockquote, code, i, isSafeHref, join, plainText, toHtml, type Markup } from './html.js';

/**
 * All reply shaping for Telegram: a neutral Reply becomes sendMessage
 * payloads (HTML parse mode, every string escaped, ≤ 4096 characters after
 * entity parsing), inline query results, or a callback toast.
 */

/** Telegram's limit on a message's text, counted after entity parsing. */
export const MESSAGE_LIMIT = 4096;
/** answerCallbackQuery text: 0-200 characters. */
export const TOAST_LIMIT = 200;
const TITLE_LIMIT = 200;
const INLINE_TITLE_LIMIT = 120;
const INLINE_DESCRIPTION_LIMIT = 250;
const INLINE_QUESTION_LIMIT = 300;
const LIST_ITEM_LIMIT = 1000;

/** Button labels: Telegram-only UI, not sentences of the bot. */
const LABELS = {
} as const;

/** A sendMessage payload without chat_id. */
export interface TelegramMessage {
  text: string;
  parse_mode: 'HTML';
  link_preview_options: { is_disabled: true };
  reply_markup?: InlineKeyboardMarkup;
}

export interface InlineAnswer {
  results: InlineQueryResultArticle[];
  /** shown above the results; used to say why there are none */
  button?: InlineQueryResultsButton;
}

const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const ARABIC = /\p{Script=Arabic}/u;

/** Text from outside (corpus, users): no control characters, no bidi controls that could reorder our lines. */
export function cleanText(text: string): string {
  return stripBidiControls(text.replace(CONTROLS, ''));
}

/** Whole words only, with an ellipsis where cut. */
function shorten(text: string, max: number): string {
  return excerptText(text, excerptAround(text, { start: 0, end: 0 }, max));
}

/** A part of a line, isolated so the bidi algorithm cannot reorder it against the line's direction. */
function directed(text: string, rtlLine: boolean): string {
  if (rtlLine) return ARABIC.test(text) ? isolateLtrRuns(text) : isolateLtr(text);
  return ARABIC.test(text) ? isolateAuto(text) : text;
}

function message(markup: Markup, keyboard?: InlineKeyboardMarkup): TelegramMessage {
  return {
    text: toHtml(markup),
    parse_mode: 'HTML',
    link_preview_options: { is_disabled: true },
    ...(keyboard ? { reply_markup: keyboard } : {}),
  };
}

// ---- fitting quoted text into the limit -------------------------------------------------

interface Quotable {
  text: string;
  /** what must stay visible when the text is trimmed */
  focus: Span;
  render(excerpt: Excerpt): Markup;
}

/** Shares `total` characters between texts: short ones keep all they need, long ones split the rest. */
function waterfill(lengths: readonly number[], total: number): number[] {
  const budgets = lengths.map(() => 0);
  const order = lengths.map((length, index) => ({ length, index })).sort((x, y) => x.length - y.length);
  let remaining = Math.max(0, total);
  order.forEach(({ length, index }, n) => {
    const give = Math.min(length, Math.floor(remaining / (order.length - n)));
    budgets[index] = give;
    remaining -= give;
  });
  return budgets;
}

/**
 * Lays out quoted texts and, when the result is over `limit` characters,
 * trims each around its focus (whole words, ellipses) until it fits.
 */
function fit(layout: (quotes: Markup[]) => Markup, items: readonly Quotable[], limit: number): Markup {
  const whole = (text: string): Excerpt => ({ start: 0, end: text.length, clippedStart: false, clippedEnd: false });
  let markup = layout(items.map((item) => item.render(whole(item.text))));
  let over = plainText(markup).length - limit;
  if (over <= 0) return markup;
  let available = limit - plainText(layout(items.map(() => ''))).length;
  for (let attempt = 0; attempt < 8 && over > 0; attempt++) {
    const budgets = waterfill(items.map((item) => item.text.length), available);
    markup = layout(items.map((item, n) => item.render(excerptAround(item.text, item.focus, Math.max(1, budgets[n]!)))));
    over = plainText(markup).length - limit;
    available -= Math.max(over, 0);
  }
  return markup;
}

// ---- answers ------------------------------------------------------------------------------

/** The passage, trimmed to the excerpt, with the best sentence and the matched words in bold. */
export function quotedPassage(passage: CitedPassage, excerpt: Excerpt): Markup[] {
  const { text, sentenceSpan } = passage;
  const sentenceIsAll = text.slice(0, sentenceSpan.start).trim() === '' && text.slice(sentenceSpan.end).trim() === '';
  const bold = [...(sentenceIsAll ? [] : [sentenceSpan]), ...passage.termSpans]
    .map((s) => ({ start: Math.max(s.start, excerpt.start), end: Math.min(s.end, excerpt.end) }))
    .filter((s) => s.end > s.start);
  const cuts = [...new Set([excerpt.start, excerpt.end, ...bold.flatMap((s) => [s.start, s.end])])].sort((x, y) => x - y);
  const segments: { text: string; bold: boolean }[] = [];
  for (let n = 0; n + 1 < cuts.length; n++) {
    const from = cuts[n]!;
    const to = cuts[n + 1]!;
    const isBold = bold.some((s) => s.start <= from && to <= s.end);
    const piece = cleanText(text.slice(from, to));
    const last = segments.at(-1);
    if (last && last.bold === isBold) last.text += piece;
    else segments.push({ text: piece, bold: isBold });
  }
  return [
    excerpt.clippedStart ? '…' : '',
    ...segments.filter((s) => s.text).map((s) => (s.bold && s.text.trim() ? b(s.text) : s.text)),
    excerpt.clippedEnd ? '…' : '',
  ];
}

/** "— title · source · date · paragraph 14", with the title linked when the article has a URL. */
export function citationLine(passage: CitedPassage, lang: Lang): Markup {
  const rtl = lang === 'ar';
  const title = directed(shorten(cleanText(passage.title), TITLE_LIMIT), rtl);
  const parts: Markup[] = [passage.url && isSafeHref(passage.url) ? a(passage.url, title) : title];
  if (passage.source) parts.push(directed(cleanText(passage.source), rtl));
  if (passage.date) parts.push(directed(cleanText(passage.date), rtl));
  parts.push(`${MESSAGES.paragraph[lang]} ${directed(String(passage.paragraph), rtl)}`);
  return i('— ', join(parts, ' · '));
}

function quotesMarkup(intro: Markup, passages: readonly CitedPassage[], lang: Lang, limit: number): Markup {
  return fit(
    (quotes) => [intro, '\n\n', join(passages.map((p, n) => [blockquote(quotes[n]!), '\n', citationLine(p, lang)]), '\n\n')],
    passages.map((p) => ({ text: p.text, focus: p.sentenceSpan, render: (excerpt: Excerpt) => quotedPassage(p, excerpt) })),
    limit,
  );
}

function answerKeyboard(reply: Extract<Reply, { kind: 'answer' }>): InlineKeyboardMarkup | undefined {
  const id = reply.answerId;
  if (!id) return undefined;
  const rows: InlineKeyboardMarkup['inline_keyboard'] = [];
  if (reply.hasMore) rows.push([{ text: `📚 ${MESSAGES.moreButton[reply.answer.lang]}`, callback_data: encodeMore(id, reply.page + 1) }]);
  if (reply.page === 0) {
    rows.push([
      { text: '👍', callback_data: encodeFeedback(id, 'up') },
      { text: '👎', callback_data: encodeFeedback(id, 'down') },
    ]);
  }
  return rows.length ? { inline_keyboard: rows } : undefined;
}

function renderAnswer(reply: Extract<Reply, { kind: 'answer' }>): TelegramMessage[] {
  const { answer } = reply;
  const lang = answer.lang;
  if (answer.status === 'rejected') return [message(rejectedMessage(answer.reason, lang))];
  if (answer.status === 'not_found') return [message(MESSAGES.notFound[lang])];
  if (answer.passages.length === 0) return [message(MESSAGES.noMore[lang])];
  const intro = b(reply.page > 0 ? MESSAGES.moreIntro[lang] : MESSAGES.answeredIntro[lang]);
  return [message(quotesMarkup(intro, answer.passages, lang, MESSAGE_LIMIT), answerKeyboard(reply))];
}

// ---- everything else ----------------------------------------------------------------------

/** Lines grouped into as few messages as the limit allows; a line over the limit is shortened. */
function packLines(lines: readonly Markup[], keyboard?: InlineKeyboardMarkup): TelegramMessage[] {
  const groups: Markup[][] = [];
  let current: Markup[] = [];
  let length = 0;
  for (const raw of lines) {
    const plain = plainText(raw);
    const line = plain.length > MESSAGE_LIMIT ? shorten(plain, MESSAGE_LIMIT) : raw;
    const size = plainText(line).length;
    if (current.length && length + 1 + size > MESSAGE_LIMIT) {
      groups.push(current);
      current = [];
      length = 0;
    }
    length += (current.length ? 1 : 0) + size;
    current.push(line);
  }
  if (current.length) groups.push(current);
  return groups.map((group, n) => message(join(group, '\n'), n === groups.length - 1 ? keyboard : undefined));
}

function listItem(text: string): string {
  return `• ${shorten(cleanText(text), LIST_ITEM_LIMIT)}`;
}

function renderArticle(reply: Extract<Reply, { kind: 'article' }>): TelegramMessage[] {
  const { article, lang } = reply;
  const rtl = lang === 'ar' || ARABIC.test(article.title);
  const details: Markup[] = [];
  if (article.source) details.push(directed(cleanText(article.source), rtl));
  if (article.date) details.push(directed(cleanText(article.date), rtl));
  if (article.url && isSafeHref(article.url)) details.push(a(article.url, '🔗'));
  details.push(code(cleanText(article.id)));
  const head: Markup = [b(shorten(cleanText(article.title), TITLE_LIMIT)), '\n', join(details, ' · ')];
  const markup = fit(
    (quotes) => [head, ...reply.paragraphs.map((p, n) => ['\n\n', `(${p.n}) `, quotes[n]!])],
    reply.paragraphs.map((p) => ({ text: p.text, focus: { start: 0, end: 0 }, render: (excerpt: Excerpt) => cleanText(excerptText(p.text, excerpt)) })),
    MESSAGE_LIMIT,
  );
  return [message(markup)];
}

function renderStats(reply: Extract<Reply, { kind: 'stats' }>): TelegramMessage[] {
  const s = reply.stats;
  const counts = (c: { answered: number; not_found: number; rejected: number }) => `${c.answered} answered, ${c.not_found} not found, ${c.rejected} rejected`;
  const lines: Markup[] = [
    [b('since start: '), counts(s.sinceStart)],
    [b('last 24 h: '), counts(s.last24h)],
    [b('feedback: '), `👍 ${s.feedback.up}  👎 ${s.feedback.down}`],
    [b('index: '), `${s.index.articles} articles, ${s.index.passages} passages, ${s.index.terms} terms, ${s.index.synonymGroups} synonym groups (built ${s.index.builtAt})`],
    [b('uptime: '), `${s.uptimeSeconds} s`],
  ];
  if (s.topMissing.length) {
    lines.push(b('not found most often:'), ...s.topMissing.map((m) => `${m.count}× ${shorten(cleanText(m.question), LIST_ITEM_LIMIT)}`));
  }
  return packLines(lines);
}

/** Sendable messages for a reply, in order; the last one carries the buttons. */
export function renderReply(reply: Reply): TelegramMessage[] {
  switch (reply.kind) {
    case 'answer':
      return renderAnswer(reply);
    case 'articles':
      return packLines(
        reply.articles.map((article, n) => [
          `${n + 1}. `,
          directed(shorten(cleanText(article.title), TITLE_LIMIT), reply.lang === 'ar'),
          article.date ? ` (${directed(cleanText(article.date), reply.lang === 'ar')})` : '',
          ' — ',
          code(cleanText(article.id)),
        ]),
      );
    case 'article':
      return renderArticle(reply);
    case 'help':
      return packLines(
        reply.commands.flatMap((c, n) => [
          ...(n > 0 ? [''] : []),
          `${c.moderator ? '🔒 ' : ''}${c.usage}`,
          i(reply.lang === 'ar' ? c.descriptionAr : c.description),
        ]),
      );
    case 'stats':
      return renderStats(reply);
    case 'reload':
      return packLines(describeReload(reply.report).split('\n').map(cleanText));
    case 'notice':
      return packLines([cleanText(reply.text), ...(reply.items ?? []).map(listItem)]);
    case 'error':
      return [message(`⚠️ ${cleanText(reply.text)}`)];
  }
}

// ---- callback answers and inline mode ------------------------------------------------------

/** The toast a button press gets: the notice or error itself; undefined when the reply is a message to send. */
export function callbackToast(reply: Reply): string | undefined {
  if (reply.kind !== 'notice' && reply.kind !== 'error') return undefined;
  return shorten(cleanText(reply.text), TOAST_LIMIT);
}

/** Inline mode: one insertable article per cited passage; none for nothing found. */
export function renderInlineResults(reply: Reply): InlineAnswer {
  if (reply.kind === 'error') return { results: [], button: { text: shorten(cleanText(reply.text), 64), start_parameter: 'inline' } };
  if (reply.kind !== 'answer' || reply.answer.status !== 'answered') return { results: [] };
  const { answer } = reply;
  const lang = answer.lang;
  const question = b('❓ ', shorten(cleanText(answer.question), INLINE_QUESTION_LIMIT));
  const results = answer.passages.map((passage): InlineQueryResultArticle => ({
    type: 'article',
    id: inlineResultId(passage.id),
    title: shorten(`${cleanText(passage.title)} — ${MESSAGES.paragraph[lang]} ${passage.paragraph}`, INLINE_TITLE_LIMIT),
    description: shorten(cleanText(passage.sentence), INLINE_DESCRIPTION_LIMIT),
    input_message_content: {
      message_text: toHtml(quotesMarkup(question, [passage], lang, MESSAGE_LIMIT)),
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
    },
  }));
  return { results };
}

/** Inline result ids are 1-64 bytes: passage ids ("<article>#<n>") when they are plain ASCII that fits, else a hash of them. */
function inlineResultId(id: string): string {
  return /^[\x21-\x7e]{1,64}$/.test(id) ? id : createHash('sha256').update(id).digest('base64url').slice(0, 32);
}
