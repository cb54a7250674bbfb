import { INVISIBLE_CONTROLS } from '../text/index.js';

export type RejectReason = 'empty' | 'too_long' | 'unreadable' | 'no_words';

export const DEFAULT_MAX_QUESTION_LENGTH = 1000;

/** C0/C1 controls except tab and newline, and the replacement character left by bad decoding. */
const GARBAGE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFD\uFFFE\uFFFF]/gu;
const SURROGATE_LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

export type QuestionCheck = { ok: true; question: string } | { ok: false; reason: RejectReason; question: string };

/**
 * Cleans what a user typed and decides whether it can be a question at all.
 * Invisible and bidi-override characters are removed (they only serve to
 * disguise text); a question that is mostly garbage bytes is refused.
 */
export function checkQuestion(input: unknown, maxLength = DEFAULT_MAX_QUESTION_LENGTH): QuestionCheck {
  const raw = typeof input === 'string' ? input : '';
  const garbage = (raw.match(GARBAGE)?.length ?? 0) + (raw.match(SURROGATE_LONE)?.length ?? 0);
  const question = raw.replace(INVISIBLE_CONTROLS, '').replace(GARBAGE, ' ').replace(SURROGATE_LONE, ' ').replace(/\s+/gu, ' ').trim();
  if (garbage > 0 && garbage >= question.replace(/\s/g, '').length / 4) return { ok: false, reason: 'unreadable', question: '' };
  if (!question) return { ok: false, reason: 'empty', question };
  if (question.length > maxLength) return { ok: false, reason: 'too_long', question: question.slice(0, 80) };
  if (!/[\p{L}\p{N}]/u.test(question)) return { ok: false, reason: 'no_words', question };
  return { ok: true, question };
}

/** The language to answer in: Arabic if the question has Arabic letters. */
export function questionLanguage(question: string): 'ar' | 'en' {
  const arabic = question.match(/\p{Script=Arabic}/gu)?.length ?? 0;
  const latin = question.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return arabic > 0 && arabic >= latin / 3 ? 'ar' : latin > 0 ? 'en' : 'ar';
}
