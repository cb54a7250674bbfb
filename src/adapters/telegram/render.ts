import { createHash } from 'node:crypto';
import type { InlineKeyboardMarkup, InlineQueryResultArticle, InlineQueryResultsButton } from 'telegraf/types';
import type { CitedPassage } from '../../core/answer.js';
import type { Lang, Reply } from '../../core/reply.js';
import {
  citationFacts,
  cleanText,
  directed,
  type Excerpt,
  excerptText,
  type Fittable,
  fitExcerpts,
  fitStart,
  hasArabic,
  helpLines,
  MESSAGES,
  markPassage,
  missingLines,
  rejectedMessage,
  reloadLines,
  START,
  safeUrl,
  statsFields,
} from '../../present/index.js';
import { encodeFeedback, encodeMore } from './callback-data.js';
import { a, b, blockquote, code, i, join, type Markup, plainText, toHtml } from './html.js';

/**
 * Telegram's markup for a Reply: HTML parse mode (every string escaped in
 * html.ts), ≤ 4096 characters after entity parsing per message, inline query
 * results, callback toasts. What is said, highlighted and fitted comes from
 * src/present.
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

const shorten = (text: string, max: number) => fitStart(cleanText(text), max);

function message(markup: Markup, keyboard?: InlineKeyboardMarkup): TelegramMessage {
  return {
    text: toHtml(markup),
    parse_mode: 'HTML',
    link_preview_options: { is_disabled: true },
    ...(keyboard ? { reply_markup: keyboard } : {}),
  };
}

/** Quoted texts laid out by `layout`, fitted together under the message limit. */
function fitted(layout: (excerpts: Excerpt[]) => Markup, items: readonly Fittable[]): Markup {
  const excerpts = fitExcerpts(items, MESSAGE_LIMIT, (ex) => plainText(layout(ex)).length);
  return layout(excerpts);
}

// ---- answers ------------------------------------------------------------------------------

/** The passage, trimmed to the excerpt, with the best sentence and the matched words in bold. */
export function quotedPassage(passage: CitedPassage, excerpt: Excerpt): Markup[] {
  const marked = markPassage(passage, excerpt);
  // one <b> for a run of bold pieces (a matched word inside the bold sentence)
  const runs: { text: string; bold: boolean }[] = [];
  for (const s of marked.segments) {
    const bold = s.sentence || s.term;
    const last = runs.at(-1);
    if (last && last.bold === bold) last.text += s.text;
    else runs.push({ text: s.text, bold });
  }
  return [marked.clippedStart ? '…' : '', ...runs.map((r) => (r.bold && r.text.trim() ? b(r.text) : r.text)), marked.clippedEnd ? '…' : ''];
}

/** "— title · source · date · paragraph 14", with the title linked when the article has a URL. */
export function citationLine(passage: CitedPassage, lang: Lang): Markup {
  const rtl = lang === 'ar';
  const title = directed(shorten(passage.title, TITLE_LIMIT), rtl);
  const url = safeUrl(passage.url);
  const parts: Markup[] = [url ? a(url, title) : title];
  for (const fact of citationFacts(passage, lang)) parts.push(directed(fact, rtl));
  return i('— ', join(parts, ' · '));
}

function quotesMarkup(intro: Markup, passages: readonly CitedPassage[], lang: Lang): Markup {
  return fitted(
    (excerpts) => [
      intro,
      '\n\n',
      join(
        passages.map((p, n) => [blockquote(quotedPassage(p, excerpts[n]!)), '\n', citationLine(p, lang)]),
        '\n\n',
      ),
    ],
    passages.map((p) => ({ text: p.text, focus: p.sentenceSpan })),
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
  return [message(quotesMarkup(intro, answer.passages, lang), answerKeyboard(reply))];
}

// ---- everything else ----------------------------------------------------------------------

/** Lines grouped into as few messages as the limit allows; a line over the limit is shortened. */
function packLines(lines: readonly Markup[], keyboard?: InlineKeyboardMarkup): TelegramMessage[] {
  const groups: Markup[][] = [];
  let current: Markup[] = [];
  let length = 0;
  for (const raw of lines) {
    const plain = plainText(raw);
    const line = plain.length > MESSAGE_LIMIT ? fitStart(plain, MESSAGE_LIMIT) : raw;
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
  return `• ${shorten(text, LIST_ITEM_LIMIT)}`;
}

function renderArticles(reply: Extract<Reply, { kind: 'articles' }>): TelegramMessage[] {
  const rtl = reply.lang === 'ar';
  return packLines([
    b(`${MESSAGES.articles[reply.lang]} (${reply.articles.length})`),
    ...reply.articles.map((article, n) => [
      `${n + 1}. `,
      directed(shorten(article.title, TITLE_LIMIT), rtl),
      article.date ? ` · ${directed(cleanText(article.date), rtl)}` : '',
      ' — ',
      code(cleanText(article.id)),
    ]),
    i(MESSAGES.articlesHint[reply.lang]),
  ]);
}

function renderArticle(reply: Extract<Reply, { kind: 'article' }>): TelegramMessage[] {
  const { article, lang } = reply;
  const rtl = lang === 'ar' || hasArabic(article.title);
  const details: Markup[] = [];
  if (article.source) details.push(directed(cleanText(article.source), rtl));
  if (article.date) details.push(directed(cleanText(article.date), rtl));
  const url = safeUrl(article.url);
  if (url) details.push(a(url, '🔗'));
  details.push(code(cleanText(article.id)));
  const head: Markup = [b(shorten(article.title, TITLE_LIMIT)), '\n', join(details, ' · ')];
  const markup = fitted(
    (excerpts) => [head, ...reply.paragraphs.map((p, n) => ['\n\n', `(${p.n}) `, cleanText(excerptText(p.text, excerpts[n]!))])],
    reply.paragraphs.map((p) => ({ text: p.text, focus: START })),
  );
  return [message(markup)];
}

function renderStats(reply: Extract<Reply, { kind: 'stats' }>): TelegramMessage[] {
  const { lang, stats } = reply;
  const missing = missingLines(stats).map((line) => fitStart(line, LIST_ITEM_LIMIT));
  return packLines([
    b(MESSAGES.stats[lang]),
    ...statsFields(stats, lang).map((f): Markup => [b(`${f.label}: `), f.value]),
    ...(missing.length ? [b(`${MESSAGES.missing[lang]}:`), ...missing] : []),
  ]);
}

function renderHelp(reply: Extract<Reply, { kind: 'help' }>): TelegramMessage[] {
  const lines = helpLines(reply.commands, reply.lang).flatMap((c): Markup[] => [
    '',
    [
      join(
        c.usage.map((u) => code(u)),
        '\n',
      ),
      c.restricted ? ` 🔒 ${c.restricted}` : '',
    ],
    i(c.description),
  ]);
  return packLines([b(MESSAGES.commands[reply.lang]), ...lines]);
}

/** Sendable messages for a reply, in order; the last one carries the buttons. */
export function renderReply(reply: Reply): TelegramMessage[] {
  switch (reply.kind) {
    case 'answer':
      return renderAnswer(reply);
    case 'articles':
      return renderArticles(reply);
    case 'article':
      return renderArticle(reply);
    case 'help':
      return renderHelp(reply);
    case 'stats':
      return renderStats(reply);
    case 'reload':
      return packLines([b(MESSAGES.reload[reply.lang]), ...reloadLines(reply.report, reply.lang)]);
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
  return shorten(reply.text, TOAST_LIMIT);
}

/** Inline mode: one insertable article per cited passage; none for nothing found. */
export function renderInlineResults(reply: Reply): InlineAnswer {
  if (reply.kind === 'error') return { results: [], button: { text: shorten(reply.text, 64), start_parameter: 'inline' } };
  if (reply.kind !== 'answer' || reply.answer.status !== 'answered') return { results: [] };
  const { answer } = reply;
  const lang = answer.lang;
  const question = b('❓ ', shorten(answer.question, INLINE_QUESTION_LIMIT));
  const results = answer.passages.map(
    (passage): InlineQueryResultArticle => ({
      type: 'article',
      id: inlineResultId(passage.id),
      title: shorten(`${passage.title} — ${MESSAGES.paragraph[lang]} ${passage.paragraph}`, INLINE_TITLE_LIMIT),
      description: shorten(passage.sentence, INLINE_DESCRIPTION_LIMIT),
      input_message_content: {
        message_text: toHtml(quotesMarkup(question, [passage], lang)),
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
      },
    }),
  );
  return { results };
}

/** Inline result ids are 1-64 bytes: passage ids ("<article>#<n>") when they are plain ASCII that fits, else a hash of them. */
function inlineResultId(id: string): string {
  return /^[\x21-\x7e]{1,64}$/.test(id) ? id : createHash('sha256').update(id).digest('base64url').slice(0, 32);
}
