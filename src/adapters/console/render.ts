import type { CitedPassage } from '../../core/answer.js';
import type { Lang, Reply } from '../../core/reply.js';
import {
  citationFacts,
  cleanText,
  hasArabic,
  helpLines,
  MESSAGES,
  markPassage,
  missingLines,
  rejectedMessage,
  reloadLines,
  safeUrl,
  statsFields,
} from '../../present/index.js';

/**
 * The console's markup for a Reply: ANSI bold and underline when the output
 * is a terminal, *stars* otherwise, and a right-to-left mark before Arabic
 * lines. What is said and highlighted comes from src/present.
 */
export interface ConsoleStyle {
  /** ANSI bold/colour; off when output is not a terminal */
  color: boolean;
}

const RLM = '\u200F';
const ESC = '\u001B[';

/** A line that reads right-to-left in terminals that implement bidi. */
function line(text: string): string {
  return hasArabic(text) ? `${RLM}${text}` : text;
}

function bold(text: string, style: ConsoleStyle): string {
  return style.color ? `${ESC}1;33m${text}${ESC}22;39m` : `*${text}*`;
}

function underline(text: string, style: ConsoleStyle): string {
  return style.color ? `${ESC}4m${text}${ESC}24m` : text;
}

function dim(text: string, style: ConsoleStyle): string {
  return style.color ? `${ESC}2m${text}${ESC}22m` : text;
}

/** The passage with matched words in bold and, in colour, the best sentence underlined. */
function markedPassage(passage: CitedPassage, style: ConsoleStyle): string {
  return markPassage(passage)
    .segments.map((s) => {
      const text = s.term ? bold(s.text, style) : s.text;
      return s.sentence ? underline(text, style) : text;
    })
    .join('');
}

export function citation(passage: CitedPassage, lang: Lang): string {
  const parts = [cleanText(passage.title), ...citationFacts(passage, lang), safeUrl(passage.url)];
  return parts.filter(Boolean).join(' — ');
}

function renderAnswer(reply: Extract<Reply, { kind: 'answer' }>, style: ConsoleStyle): string {
  const { answer } = reply;
  const lang = answer.lang;
  if (answer.status === 'rejected') return line(rejectedMessage(answer.reason, lang));
  if (answer.status === 'not_found') return line(MESSAGES.notFound[lang]);
  if (answer.passages.length === 0) return line(MESSAGES.noMore[lang]);
  const intro = reply.page > 0 ? MESSAGES.moreIntro[lang] : MESSAGES.answeredIntro[lang];
  const blocks = answer.passages.map((p, i) =>
    [
      line(`[${i + 1 + reply.page * answer.passages.length}] ${markedPassage(p, style)}`),
      line(dim(`    — ${citation(p, lang)}`, style)),
    ].join('\n'),
  );
  const more = reply.hasMore ? [dim(MESSAGES.moreHint[lang], style)] : [];
  return [line(intro), ...blocks, ...more].join('\n\n');
}

/** /help lists the declared commands and the two the console reads itself (/more, /quit). */
function renderHelp(reply: Extract<Reply, { kind: 'help' }>, style: ConsoleStyle): string {
  const { lang } = reply;
  const own = MESSAGES.consoleCommands.map((c) => ({ usage: [c.usage], description: c.description[lang], restricted: undefined }));
  const entries = [...helpLines(reply.commands, lang), ...own].map((c) =>
    [...c.usage, line(`    ${c.description}${c.restricted ? ` [${c.restricted}]` : ''}`)].join('\n'),
  );
  return [bold(MESSAGES.commands[lang], style), ...entries].join('\n');
}

function renderStats(reply: Extract<Reply, { kind: 'stats' }>, style: ConsoleStyle): string {
  const { lang, stats } = reply;
  const missing = missingLines(stats);
  return [
    bold(MESSAGES.stats[lang], style),
    ...statsFields(stats, lang).map((f) => line(`${f.label}: ${f.value}`)),
    ...(missing.length ? [line(`${MESSAGES.missing[lang]}:`), ...missing.map((m) => line(`  ${m}`))] : []),
  ].join('\n');
}

export function renderConsoleReply(reply: Reply, style: ConsoleStyle): string {
  switch (reply.kind) {
    case 'answer':
      return renderAnswer(reply, style);
    case 'articles':
      return [
        bold(`${MESSAGES.articles[reply.lang]} (${reply.articles.length})`, style),
        ...reply.articles.map((a, i) => line(cleanText(`${i + 1}. ${a.title}${a.date ? ` · ${a.date}` : ''} — ${a.id}`))),
        dim(MESSAGES.articlesHint[reply.lang], style),
      ].join('\n');
    case 'article': {
      const a = reply.article;
      const head = cleanText([a.title, a.source, a.date, safeUrl(a.url), a.id].filter(Boolean).join(' — '));
      return [line(bold(head, style)), ...reply.paragraphs.map((p) => line(`(${p.n}) ${cleanText(p.text)}`))].join('\n\n');
    }
    case 'help':
      return renderHelp(reply, style);
    case 'stats':
      return renderStats(reply, style);
    case 'reload':
      return [bold(MESSAGES.reload[reply.lang], style), ...reloadLines(reply.report, reply.lang).map(line)].join('\n');
    case 'notice':
      return [line(cleanText(reply.text)), ...(reply.items ?? []).map((item) => line(`  • ${cleanText(item)}`))].join('\n');
    case 'error':
      return line(reply.text);
  }
}
