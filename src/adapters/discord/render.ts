import { type APIActionRowComponent, type APIButtonComponentWithCustomId, type APIEmbed, ButtonStyle, ComponentType } from 'discord.js';
import type { CitedPassage } from '../../core/answer.js';
import type { Suggestion } from '../../core/command.js';
import { errorReply, type Lang, type Reply } from '../../core/reply.js';
import {
  citationFacts,
  cleanText,
  type Excerpt,
  excerptText,
  fitExcerpts,
  fitLines,
  fitStart,
  hasArabic,
  helpLines,
  isolateLtrRuns,
  MESSAGES,
  markPassage,
  missingLines,
  rejectedMessage,
  reloadLines,
  START,
  safeUrl,
  statsFields,
} from '../../present/index.js';
import { feedbackButtonId, moreButtonId } from './button-ids.js';
import { DISCORD_LIMITS, safeText, safeUserText } from './discord-text.js';

/**
 * A reply, shaped for Discord. Every payload carries allowedMentions
 * { parse: [] }: nothing quoted or typed can ping anyone.
 */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  /** only the asker sees it (interactions only; a channel message cannot be) */
  ephemeral: boolean;
  allowedMentions: { parse: [] };
}

const COLOR = { answer: 0x2b6cb0, ok: 0x2f855a, failed: 0xc53030, info: 0x718096 } as const;

/** A long passage is trimmed around its best sentence to this, to keep three of them readable. */
const PASSAGE_SOFT_MAX = 1500;
const PARAGRAPH_SOFT_MAX = 900;

function message(parts: Partial<DiscordMessage>): DiscordMessage {
  return { embeds: [], components: [], ephemeral: false, ...parts, allowedMentions: { parse: [] } };
}

function content(text: string): string {
  return fitStart(text, DISCORD_LIMITS.content, (t) => safeText(t, hasArabic(t)));
}

function title(text: string): string {
  return fitStart(cleanText(text), DISCORD_LIMITS.title, (t) => safeText(t, hasArabic(t)));
}

/** The characters Discord counts toward the 6000 of a message. */
export function embedsLength(embeds: readonly APIEmbed[]): number {
  return embeds.reduce(
    (sum, e) =>
      sum +
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text.length ?? 0) +
      (e.author?.name.length ?? 0) +
      (e.fields ?? []).reduce((s, f) => s + f.name.length + f.value.length, 0),
    0,
  );
}

/**
 * The passage window with the best sentence in bold and the matched words
 * in bold (underlined inside the bold sentence), every piece escaped.
 */
function markedPassage(passage: CitedPassage, window: Excerpt): string {
  const marked = markPassage(passage, window);
  let out = '';
  let bold = false;
  for (const segment of marked.segments) {
    if (segment.sentence !== bold) {
      out += '**';
      bold = segment.sentence;
    }
    const piece = safeText(segment.text, marked.rtl);
    out += segment.term ? (segment.sentence ? `__${piece}__` : `**${piece}**`) : piece;
  }
  if (bold) out += '**';
  return `${marked.clippedStart ? '…' : ''}${out}${marked.clippedEnd ? '…' : ''}`;
}

function citationFooter(passage: CitedPassage, lang: Lang): string {
  return fitStart(citationFacts(passage, lang).join(' · '), DISCORD_LIMITS.footer, isolateLtrRuns);
}

function passageEmbeds(passages: readonly CitedPassage[], lang: Lang): APIEmbed[] {
  const heads = passages.map((p) => ({ title: title(p.title), url: safeUrl(p.url), footer: { text: citationFooter(p, lang) } }));
  const room = DISCORD_LIMITS.embedsTotal - embedsLength(heads.map((h) => ({ title: h.title, footer: h.footer })));
  const descriptions = (excerpts: Excerpt[]) => passages.map((p, i) => markedPassage(p, excerpts[i]!));
  // each description also stays under its own limit: a soft maximum far below it leaves room for escapes and isolates
  const items = passages.map((p) => ({ text: p.text, focus: p.sentenceSpan, max: PASSAGE_SOFT_MAX }));
  const excerpts = fitExcerpts(items, room, (ex) => descriptions(ex).reduce((sum, d) => sum + d.length, 0));
  return descriptions(excerpts).map((description, i) => ({
    ...heads[i]!,
    description: fitStart(description, DISCORD_LIMITS.description),
    color: COLOR.answer,
  }));
}

function answerButtons(answerId: string, nextPage: number | undefined, lang: Lang): DiscordMessage['components'] {
  const buttons: APIButtonComponentWithCustomId[] = [];
  if (nextPage !== undefined)
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      custom_id: moreButtonId(answerId, nextPage),
      label: MESSAGES.moreButton[lang],
    });
  buttons.push(
    { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: feedbackButtonId(answerId, 'up'), emoji: { name: '👍' } },
    { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: feedbackButtonId(answerId, 'down'), emoji: { name: '👎' } },
  );
  return [{ type: ComponentType.ActionRow, components: buttons }];
}

function renderAnswer(reply: Extract<Reply, { kind: 'answer' }>): DiscordMessage {
  const { answer } = reply;
  const lang = answer.lang;
  if (answer.status === 'rejected') return message({ content: content(rejectedMessage(answer.reason, lang)), ephemeral: true });
  if (answer.status === 'not_found') return message({ content: content(MESSAGES.notFound[lang]) });
  if (answer.passages.length === 0) return message({ content: content(MESSAGES.noMore[lang]), ephemeral: true });
  const passages = answer.passages.slice(0, DISCORD_LIMITS.embeds);
  return message({
    content: content(reply.page > 0 ? MESSAGES.moreIntro[lang] : MESSAGES.answeredIntro[lang]),
    embeds: passageEmbeds(passages, lang),
    components: reply.answerId ? answerButtons(reply.answerId, reply.hasMore ? reply.page + 1 : undefined, lang) : [],
  });
}

function articleLine(article: { title: string; date?: string; id: string }, n: number): string {
  const date = article.date ? ` · ${article.date}` : '';
  const line = fitStart(cleanText(`${n}. ${article.title}${date}`), 300, (t) => safeText(t, hasArabic(t)));
  return `${line} — \`${cleanText(article.id).replace(/`/g, '')}\``;
}

function renderArticles(reply: Extract<Reply, { kind: 'articles' }>): DiscordMessage {
  const { lang } = reply;
  const lines = reply.articles.map((a, i) => articleLine(a, i + 1));
  return message({
    embeds: [
      {
        title: `${MESSAGES.articles[lang]} (${reply.articles.length})`,
        description: fitLines(lines, DISCORD_LIMITS.description, MESSAGES.leftOut[lang]),
        footer: { text: MESSAGES.articlesHint[lang] },
        color: COLOR.info,
      },
    ],
  });
}

function renderArticle(reply: Extract<Reply, { kind: 'article' }>): DiscordMessage {
  const { article, lang } = reply;
  const render = (excerpts: Excerpt[]) =>
    reply.paragraphs.map((p, i) => {
      const shown = excerptText(p.text, excerpts[i]!);
      return `**(${p.n})** ${safeText(shown, hasArabic(shown))}`;
    });
  const items = reply.paragraphs.map((p) => ({ text: p.text, focus: START, max: PARAGRAPH_SOFT_MAX }));
  const excerpts = fitExcerpts(items, DISCORD_LIMITS.description, (ex) => render(ex).join('\n\n').length);
  const field = (name: string, value: string) => ({
    name,
    value: fitStart(cleanText(value), DISCORD_LIMITS.fieldValue, isolateLtrRuns),
    inline: true,
  });
  const fields = [
    article.source ? field(MESSAGES.source[lang], article.source) : undefined,
    article.date ? field(MESSAGES.date[lang], article.date) : undefined,
    field(MESSAGES.paragraphs[lang], String(article.paragraphs)),
    field(MESSAGES.id[lang], article.id),
  ].filter((f) => f !== undefined);
  return message({
    embeds: [
      {
        title: title(article.title),
        url: safeUrl(article.url),
        description: fitStart(render(excerpts).join('\n\n'), DISCORD_LIMITS.description),
        fields,
        color: COLOR.info,
      },
    ],
  });
}

function renderHelp(reply: Extract<Reply, { kind: 'help' }>): DiscordMessage {
  const { lang } = reply;
  const fields = helpLines(reply.commands, lang)
    .slice(0, DISCORD_LIMITS.fields)
    .map((c) => ({
      name: fitStart(`${c.usage[0]!.split(' ')[0]}${c.restricted ? ` · ${c.restricted}` : ''}`, DISCORD_LIMITS.fieldName),
      value: fitStart(`${c.usage.map((u) => `\`${u}\``).join('\n')}\n${c.description}`, DISCORD_LIMITS.fieldValue),
    }));
  return message({ embeds: [{ title: MESSAGES.commands[lang], fields, color: COLOR.info }] });
}

function renderStats(reply: Extract<Reply, { kind: 'stats' }>): DiscordMessage {
  const { lang, stats } = reply;
  const missing = missingLines(stats).map((line) => fitStart(line, 200, safeUserText));
  const fields = [
    ...statsFields(stats, lang).map((f) => ({ name: f.label, value: isolateLtrRuns(f.value), ...(f.inline ? { inline: true } : {}) })),
    ...(missing.length
      ? [{ name: MESSAGES.missing[lang], value: fitLines(missing, DISCORD_LIMITS.fieldValue, MESSAGES.leftOut[lang]) }]
      : []),
  ];
  return message({ embeds: [{ title: MESSAGES.stats[lang], fields, color: COLOR.info }] });
}

function renderReload(reply: Extract<Reply, { kind: 'reload' }>): DiscordMessage {
  const lines = reloadLines(reply.report, reply.lang).map((line) => fitStart(line, 500, (t) => safeText(t, hasArabic(t))));
  return message({
    embeds: [
      {
        title: MESSAGES.reload[reply.lang],
        description: fitLines(lines, DISCORD_LIMITS.description, MESSAGES.leftOut[reply.lang]),
        color: reply.report.swapped ? COLOR.ok : COLOR.failed,
      },
    ],
  });
}

function renderNotice(reply: Extract<Reply, { kind: 'notice' }>): DiscordMessage {
  const items = (reply.items ?? []).map((item) => fitStart(`• ${item}`, 300, safeUserText));
  return message({
    content: content(reply.text),
    embeds: items.length
      ? [{ description: fitLines(items, DISCORD_LIMITS.description, MESSAGES.leftOut[reply.lang]), color: COLOR.info }]
      : [],
    ephemeral: reply.ephemeral ?? false,
  });
}

/** Every reply the core can give, as a Discord message. */
export function renderReply(reply: Reply): DiscordMessage {
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
      return renderReload(reply);
    case 'notice':
      return renderNotice(reply);
    case 'error':
      return message({ content: content(reply.text), ephemeral: true });
  }
}

/** What the error boundary says: short, polite, ephemeral, never a stack trace. */
export function renderInternalError(lang: Lang): DiscordMessage {
  return renderReply(errorReply('internal', lang));
}

/** Autocomplete choices as Discord takes them: at most 25, names of 1-100 characters. */
export function renderChoices(suggestions: readonly Suggestion[]): { name: string; value: string }[] {
  return suggestions.slice(0, DISCORD_LIMITS.choices).map((s) => ({
    name: fitStart(s.label, DISCORD_LIMITS.choiceName, isolateLtrRuns) || s.value.slice(0, DISCORD_LIMITS.choiceName),
    value: s.value.slice(0, DISCORD_LIMITS.choiceValue),
  }));
}
