import type { Answer } from './answer.js';
import { USER_ERRORS, type UserErrorCode } from './errors.js';
import type { ReloadReport } from './reload-report.js';
import type { StatsSnapshot } from './stats.js';

export type Lang = 'ar' | 'en';

/** An article as listed by /source. */
export interface ArticleSummary {
  id: string;
  title: string;
  source?: string;
  date?: string;
  url?: string;
  lang: Lang;
  paragraphs: number;
}

export interface HelpEntry {
  name: string;
  usage: string;
  description: string;
  descriptionAr: string;
  moderator: boolean;
}

/**
 * What a command returns. Plain data: every adapter renders it its own way
 * and escapes every string in it for its platform.
 */
export type Reply =
  | {
      kind: 'answer';
      answer: Answer;
      /** handle for "more sources" and feedback buttons; absent when there is nothing to act on */
      answerId?: string;
      /** 0 for the first passages, 1… for "more sources" pages */
      page: number;
      hasMore: boolean;
    }
  | { kind: 'articles'; lang: Lang; articles: ArticleSummary[] }
  | { kind: 'article'; lang: Lang; article: ArticleSummary; paragraphs: { n: number; text: string }[] }
  | { kind: 'help'; lang: Lang; commands: HelpEntry[] }
  | { kind: 'stats'; lang: Lang; stats: StatsSnapshot }
  | { kind: 'reload'; lang: Lang; report: ReloadReport }
  | {
      kind: 'notice';
      lang: Lang;
      text: string;
      /** e.g. the synonym groups or channels being listed */
      items?: string[];
      ephemeral?: boolean;
    }
  | { kind: 'error'; lang: Lang; code: UserErrorCode; text: string; ephemeral: true };

export function errorReply(code: UserErrorCode, lang: Lang, detail?: string): Reply {
  const text = detail ? `${USER_ERRORS[code][lang]} (${detail})` : USER_ERRORS[code][lang];
  return { kind: 'error', lang, code, text, ephemeral: true };
}
