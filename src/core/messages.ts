import type { RejectReason } from './question.js';
import type { Lang } from './reply.js';

/**
 * The bot's own sentences, in both languages, shared by every adapter so the
 * bot says the same thing everywhere.
 */
export const MESSAGES = {
  notFound: {
    ar: 'لم أجد في المقالات ما يجيب عن هذا السؤال. جرّب صياغة أخرى أو كلمات أدق، أو تصفّح المقالات بالأمر /source.',
    en: 'I found nothing in the articles that answers this. Try other words, or browse the articles with /source.',
  },
  rejected: {
    empty: { ar: 'السؤال فارغ. اكتب سؤالك بعد الأمر، مثل: /ask متى عقد اجتماع التحالف في الكويت؟', en: 'The question is empty. Write it after the command, e.g. /ask When did the coalition meet in Kuwait?' },
    too_long: { ar: 'السؤال طويل جدًا. اختصره في جملة أو جملتين.', en: 'That question is too long. Please keep it to a sentence or two.' },
    unreadable: { ar: 'لم أستطع قراءة هذا النص. اكتب سؤالك بحروف عادية.', en: 'I could not read that text. Please type your question in plain letters.' },
    no_words: { ar: 'لا أرى كلمات في هذا السؤال. اكتب سؤالك بالكلمات.', en: 'I see no words in that question. Please ask it in words.' },
  } satisfies Record<RejectReason, Record<Lang, string>>,
  answeredIntro: { ar: 'هذا ما ورد في المقالات:', en: 'Here is what the articles say:' },
  moreIntro: { ar: 'مصادر أخرى:', en: 'More sources:' },
  moreButton: { ar: 'مصادر أخرى', en: 'More sources' },
  noMore: { ar: 'لا توجد مصادر أخرى لهذا السؤال.', en: 'There are no more sources for this question.' },
  feedbackThanks: { ar: 'شكرًا، سُجّل تقييمك.', en: 'Thanks, your feedback is recorded.' },
  welcome: {
    ar: 'أهلًا! أجيب عن الأسئلة حول مقالات اجتماعات التحالف الدولي ضد داعش، بنقل الفقرات التي تجيب عنها مع مصدرها. اكتب سؤالك، مثلًا:',
    en: 'Hello! I answer questions about the news articles I hold by quoting the passages that answer them, with their source. Ask, for example:',
  },
  examples: [
    'متى عقد اجتماع التحالف الدولي في الكويت؟',
    'كم دولة شاركت في اجتماع التحالف؟',
    'شو قال تيلرسون عن العراق؟',
  ],
  paragraph: { ar: 'الفقرة', en: 'paragraph' },
  disagreement: {
    ar: 'تنبيه: المصادر المقتبسة لا تتفق في الأرقام؛ راجع كل مصدر.',
    en: 'Note: the quoted sources give different figures; check each source.',
  },
} as const;

export function rejectedMessage(reason: RejectReason | undefined, lang: Lang): string {
  return MESSAGES.rejected[reason ?? 'no_words'][lang];
}
