import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponentWithCustomId, type APIEmbed } from 'discord.js';
import type { CitedPassage } from '../../core/answer.js';
import { isolateLtrRuns } from '../../core/bidi.js';
import { errorReply, type ArticleSummary, type Lang, type Reply } from '../../core/reply.js';
import { MESSAGES, rejectedMessage } from '../../core/messages.js';
import { describeReload } from '../../core/reload-report.js';
import type { Span } from '../../core/snippet.js';
import { feedbackButtonId, moreButtonId } from './button-ids.js';
import { DISCORD_LIMITS, fitAround, fitLines, fitStart, hasArabic, safeText, safeUserText } from './discord-text.js';

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

const TEXT = {
  articles: { ar: 'المقالات', en: 'Articles' },
  articlesHint: { ar: 'اكتب ‎/source‎ مع رقم المقالة أو عنوانها لعرضها.', en: 'Type /source with an article number or title to open it.' },
  leftOut: { ar: (n: number) => `… و${n} غيرها`, en: (n: number) => `… and ${n} more` },
  source: { ar: 'المصدر', en: 'Source' },
  date: { ar: 'التاريخ', en: 'Date' },
  paragraphs: { ar: 'الفقرات', en: 'Paragraphs' },
  id: { ar: 'المعرّف', en: 'Id' },
  commands: { ar: 'الأوامر', en: 'Commands' },
  moderatorMark: { ar: ' · للمشرفين', en: ' · moderators' },
  stats: { ar: 'الإحصاءات', en: 'Statistics' },
  sinceStart: { ar: 'منذ التشغيل', en: 'Since start' },
  last24h: { ar: 'آخر 24 ساعة', en: 'Last 24 h' },
  counts: {
    ar: (c: { answered: number; not_found: number; rejected: number }) => `أجيب: ${c.answered} · لم يُعثر: ${c.not_found} · رُفض: ${c.rejected}`,
    en: (c: { answered: number; not_found: number; rejected: number }) => `answered ${c.answered} · not found ${c.not_found} · rejected ${c.rejected}`,
  },
  feedback: { ar: 'التقييمات', en: 'Feedback' },
  index: { ar: 'الفهرس', en: 'Index' },
  indexSize: {
    ar: (i: { articles: number; passages: number; terms: number; synonymGroups: number }) => `${i.articles} مقالات · ${i.passages} فقرة · ${i.terms} مصطلح · ${i.synonymGroups} مجموعة مرادفات`,
    en: (i: { articles: number; passages: number; terms: number; synonymGroups: number }) => `${i.articles} articles · ${i.passages} passages · ${i.terms} terms · ${i.synonymGroups} synonym groups`,
  },
  uptime: { ar: 'مدة التشغيل', en: 'Uptime' },
  missing: { ar: 'أسئلة لم أجد لها جوابًا', en: 'Not found most often' },
  reload: { ar: 'إعادة التحميل', en: 'Reload' },
} as const;

function message(parts: Partial<DiscordMessage>): DiscordMessage {
  return { embeds: [], components: [], ephemeral: false, ...parts, allowedMentions: { parse: [] } };
}

function content(text: string): string {
  return fitStart(text, DISCORD_LIMITS.content, (t) => safeText(t, hasArabic(t)));
}

function httpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

function title(text: string): string {
  return fitStart(text, DISCORD_LIMITS.title, (t) => safeText(t, hasArabic(t)));
}

/** The characters Discord counts toward the 6000 of a message. */
export function embedsLength(embeds: readonly APIEmbed[]): number {
  return embeds.reduce(
    (sum, e) =>
      sum + (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0) +
      (e.fields ?? []).reduce((s, f) => s + f.name.length + f.value.length, 0),
    0,
  );
}

/**
 * The passage window with the best sentence in bold and the matched words
 * in bold (underlined inside the bold sentence), every piece escaped.
 */
function markedPassage(passage: CitedPassage, window: { start: number; end: number; clippedStart: boolean; clippedEnd: boolean }): string {
  const { text } = passage;
  const inArabic = hasArabic(text);
  const clip = (s: Span) => ({ start: Math.max(s.start, window.start), end: Math.min(s.end, window.end) });
  const sentence = clip(passage.sentenceSpan);
  const terms = passage.termSpans.map(clip).filter((s) => s.end > s.start);
  const cuts = new Set([window.start, window.end]);
  for (const s of [sentence, ...terms]) if (s.end > s.start) cuts.add(s.start).add(s.end);
  const points = [...cuts].sort((a, b) => a - b);
  let out = '';
  let bold = false;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const inSentence = sentence.end > sentence.start && a >= sentence.start && b <= sentence.end;
    const isTerm = terms.some((t) => a >= t.start && b <= t.end);
    if (inSentence !== bold) {
      out += '**';
      bold = inSentence;
    }
    const piece = safeText(text.slice(a, b), inArabic);
    out += isTerm ? (inSentence ? `__${piece}__` : `**${piece}**`) : piece;
  }
  if (bold) out += '**';
  return `${window.clippedStart ? '…' : ''}${out}${window.clippedEnd ? '…' : ''}`;
}

function citationFooter(passage: CitedPassage, lang: Lang): string {
  const parts = [passage.source, passage.date, `${MESSAGES.paragraph[lang]} ${passage.paragraph}`].filter(Boolean).join(' · ');
  return fitStart(parts, DISCORD_LIMITS.footer, isolateLtrRuns);
}

function passageEmbeds(passages: readonly CitedPassage[], lang: Lang): APIEmbed[] {
  const heads = passages.map((p) => ({ title: title(p.title), url: httpUrl(p.url), footer: { text: citationFooter(p, lang) } }));
  const fixed = embedsLength(heads.map((h) => ({ title: h.title, footer: h.footer })));
  const each = Math.min(DISCORD_LIMITS.description, PASSAGE_SOFT_MAX, Math.floor((DISCORD_LIMITS.embedsTotal - fixed) / Math.max(1, passages.length)));
  return passages.map((p, i) => ({
    ...heads[i]!,
    description: fitAround(p.text, p.sentenceSpan, each, (window) => markedPassage(p, window)),
    color: COLOR.answer,
  }));
}

function answerButtons(answerId: string, nextPage: number | undefined, lang: Lang): DiscordMessage['components'] {
  const buttons: APIButtonComponentWithCustomId[] = [];
  if (nextPage !== undefined) buttons.push({ type: ComponentType.Button, style: ButtonStyle.Primary, custom_id: moreButtonId(answerId, nextPage), label: MESSAGES.moreButton[lang] });
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

function articleLine(article: ArticleSummary, n: number): string {
  const date = article.date ? ` · ${article.date}` : '';
  return fitStart(`${n}. ${article.title}${date}`, 300, (t) => safeText(t, hasArabic(t)));
}

function renderArticles(reply: Extract<Reply, { kind: 'articles' }>): DiscordMessage {
  const { lang } = reply;
  const lines = reply.articles.map((a, i) => articleLine(a, i + 1));
  return message({
    embeds: [{
      title: `${TEXT.articles[lang]} (${reply.articles.length})`,
      description: fitLines(lines, DISCORD_LIMITS.description, TEXT.leftOut[lang]),
      footer: { text: TEXT.articlesHint[lang] },
      color: COLOR.info,
    }],
  });
}

function renderArticle(reply: Extract<Reply, { kind: 'article' }>): DiscordMessage {
  const { article, lang } = reply;
  const each = Math.min(PARAGRAPH_SOFT_MAX, Math.floor(DISCORD_LIMITS.description / Math.max(1, reply.paragraphs.length)) - 12);
  const paragraphs = reply.paragraphs.map((p) => `**(${p.n})** ${fitStart(p.text, each, (t) => safeText(t, hasArabic(t)))}`);
  const field = (name: string, value: string) => ({ name, value: fitStart(value, DISCORD_LIMITS.fieldValue, isolateLtrRuns), inline: true });
  const fields = [
    article.source ? field(TEXT.source[lang], article.source) : undefined,
    article.date ? field(TEXT.date[lang], article.date) : undefined,
    field(TEXT.paragraphs[lang], String(article.paragraphs)),
    field(TEXT.id[lang], article.id),
  ].filter((f) => f !== undefined);
  return message({
    embeds: [{ title: title(article.title), url: httpUrl(article.url), description: paragraphs.join('\n\n'), fields, color: COLOR.info }],
  });
}

function renderHelp(reply: Extract<Reply, { kind: 'help' }>): DiscordMessage {
  const { lang } = reply;
  const fields = reply.commands.slice(0, DISCORD_LIMITS.fields).map((c) => ({
    name: `/${c.name}${c.moderator ? TEXT.moderatorMark[lang] : ''}`,
    value: fitStart(`${c.usage.split('\n').map((u) => `\`${u}\``).join('\n')}\n${lang === 'ar' ? c.descriptionAr : c.description}`, DISCORD_LIMITS.fieldValue),
  }));
  return message({ embeds: [{ title: TEXT.commands[lang], fields, color: COLOR.info }] });
}

function renderStats(reply: Extract<Reply, { kind: 'stats' }>): DiscordMessage {
  const { lang, stats } = reply;
  const missing = stats.topMissing.map((m) => fitStart(`${m.count}× ${m.question}`, 200, safeUserText));
  const fields = [
    { name: TEXT.sinceStart[lang], value: TEXT.counts[lang](stats.sinceStart) },
    { name: TEXT.last24h[lang], value: TEXT.counts[lang](stats.last24h) },
    { name: TEXT.feedback[lang], value: `👍 ${stats.feedback.up} · 👎 ${stats.feedback.down}`, inline: true },
    { name: TEXT.uptime[lang], value: `${stats.uptimeSeconds} s`, inline: true },
    { name: TEXT.index[lang], value: isolateLtrRuns(TEXT.indexSize[lang](stats.index)) },
    ...(missing.length ? [{ name: TEXT.missing[lang], value: fitLines(missing, DISCORD_LIMITS.fieldValue, TEXT.leftOut[lang]) }] : []),
  ];
  return message({ embeds: [{ title: TEXT.stats[lang], fields, color: COLOR.info }] });
}

function renderReload(reply: Extract<Reply, { kind: 'reload' }>): DiscordMessage {
  const lines = describeReload(reply.report).split('\n').map((line) => fitStart(line, 500, (t) => safeText(t, hasArabic(t))));
  return message({
    embeds: [{
      title: TEXT.reload[reply.lang],
      description: fitLines(lines, DISCORD_LIMITS.description, TEXT.leftOut[reply.lang]),
      color: reply.report.swapped ? COLOR.ok : COLOR.failed,
    }],
  });
}

function renderNotice(reply: Extract<Reply, { kind: 'notice' }>): DiscordMessage {
  const items = (reply.items ?? []).map((item) => fitStart(`• ${item}`, 300, safeUserText));
  return message({
    content: content(reply.text),
    embeds: items.length ? [{ description: fitLines(items, DISCORD_LIMITS.description, TEXT.leftOut[reply.lang]), color: COLOR.info }] : [],
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

/** Autocomplete choices for /source: the article id as value, "title · date" as what the member sees. */
export function renderArticleChoices(articles: readonly ArticleSummary[]): { name: string; value: string }[] {
  return articles.slice(0, DISCORD_LIMITS.choices).map((a) => ({
    name: fitStart(`${a.title}${a.date ? ` · ${a.date}` : ''}`, DISCORD_LIMITS.choiceName, isolateLtrRuns),
    value: a.id,
  }));
}
