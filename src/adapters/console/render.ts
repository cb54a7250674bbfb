import type { CitedPassage } from '../../core/answer.js';
import { MESSAGES, rejectedMessage } from '../../core/messages.js';
import { describeReload } from '../../core/reload-report.js';
import type { Lang, Reply } from '../../core/reply.js';

export interface ConsoleStyle {
  /** ANSI bold/colour; off when output is not a terminal */
  color: boolean;
}

const RLM = '\u200F';
const ESC = '\u001B[';
const CONTROL_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** Terminal escape sequences in quoted text would be executed by the terminal: strip them. */
export function safeForTerminal(text: string): string {
  return text.replace(CONTROL_CHARS, '');
}

function isRtl(text: string): boolean {
  return /\p{Script=Arabic}/u.test(text);
}

/** A line that reads right-to-left in terminals that implement bidi. */
function line(text: string): string {
  return isRtl(text) ? `${RLM}${text}` : text;
}

function bold(text: string, style: ConsoleStyle): string {
  return style.color ? `${ESC}1;33m${text}${ESC}22;39m` : `*${text}*`;
}

function dim(text: string, style: ConsoleStyle): string {
  return style.color ? `${ESC}2m${text}${ESC}22m` : text;
}

/** The passage with matched words in bold and, in colour, the best sentence underlined. */
function markedPassage(passage: CitedPassage, style: ConsoleStyle): string {
  const { text, termSpans, sentenceSpan } = passage;
  const marks: { at: number; code: string }[] = [];
  for (const span of termSpans) {
    marks.push({ at: span.start, code: style.color ? `${ESC}1;33m` : '*' }, { at: span.end, code: style.color ? `${ESC}22;39m` : '*' });
  }
  if (style.color && sentenceSpan.end - sentenceSpan.start < text.length) {
    marks.push({ at: sentenceSpan.start, code: `${ESC}4m` }, { at: sentenceSpan.end, code: `${ESC}24m` });
  }
  marks.sort((a, b) => a.at - b.at);
  let out = '';
  let at = 0;
  for (const mark of marks) {
    out += safeForTerminal(text.slice(at, mark.at)) + mark.code;
    at = mark.at;
  }
  return out + safeForTerminal(text.slice(at));
}

export function citation(passage: CitedPassage, lang: Lang): string {
  const parts = [passage.title, passage.source, passage.date, `${MESSAGES.paragraph[lang]} ${passage.paragraph}`, passage.url].filter(Boolean);
  return safeForTerminal(parts.join(' — '));
}

export function renderConsoleReply(reply: Reply, style: ConsoleStyle): string {
  switch (reply.kind) {
    case 'answer': {
      const { answer } = reply;
      if (answer.status === 'rejected') return line(rejectedMessage(answer.reason, answer.lang));
      if (answer.status === 'not_found') return line(MESSAGES.notFound[answer.lang]);
      if (answer.passages.length === 0) return line(MESSAGES.noMore[answer.lang]);
      const intro = reply.page > 0 ? MESSAGES.moreIntro[answer.lang] : MESSAGES.answeredIntro[answer.lang];
      const blocks = answer.passages.map((p, i) =>
        [line(`[${i + 1 + reply.page * answer.passages.length}] ${markedPassage(p, style)}`), line(dim(`    — ${citation(p, answer.lang)}`, style))].join('\n'),
      );
      const more = reply.hasMore ? [dim(answer.lang === 'ar' ? '(اكتب /more لمصادر أخرى)' : '(type /more for more sources)', style)] : [];
      return [line(intro), ...blocks, ...more].join('\n\n');
    }
    case 'articles':
      return reply.articles.map((a, i) => line(`${i + 1}. ${safeForTerminal(a.title)}${a.date ? ` (${a.date})` : ''} — ${a.id}`)).join('\n');
    case 'article': {
      const a = reply.article;
      const head = [a.title, a.source, a.date, a.url, a.id].filter(Boolean).map((s) => safeForTerminal(String(s))).join(' — ');
      return [line(bold(head, style)), ...reply.paragraphs.map((p) => line(`(${p.n}) ${safeForTerminal(p.text)}`))].join('\n\n');
    }
    case 'help':
      return reply.commands
        .map((c) => `${c.usage}\n    ${line(reply.lang === 'ar' ? c.descriptionAr : c.description)}${c.moderator ? ' [moderator]' : ''}`)
        .join('\n');
    case 'stats': {
      const s = reply.stats;
      return [
        `since start: ${s.sinceStart.answered} answered, ${s.sinceStart.not_found} not found, ${s.sinceStart.rejected} rejected`,
        `last 24 h:   ${s.last24h.answered} answered, ${s.last24h.not_found} not found, ${s.last24h.rejected} rejected`,
        `feedback:    👍 ${s.feedback.up}  👎 ${s.feedback.down}`,
        `index:       ${s.index.articles} articles, ${s.index.passages} passages, ${s.index.terms} terms, ${s.index.synonymGroups} synonym groups (built ${s.index.builtAt})`,
        `uptime:      ${s.uptimeSeconds} s`,
        ...(s.topMissing.length ? ['not found most often:', ...s.topMissing.map((m) => line(`  ${m.count}× ${safeForTerminal(m.question)}`))] : []),
      ].join('\n');
    }
    case 'reload':
      return safeForTerminal(describeReload(reply.report));
    case 'notice':
      return [line(safeForTerminal(reply.text)), ...(reply.items ?? []).map((item) => line(`  • ${safeForTerminal(item)}`))].join('\n');
    case 'error':
      return line(reply.text);
  }
}
