import type { RejectReason } from '../core/question.js';
import type { Lang } from '../core/reply.js';

type Text = Readonly<Record<Lang, string>>;
type Counts = { answered: number; not_found: number; rejected: number };
type IndexSize = { articles: number; passages: number; terms: number; synonymGroups: number };

/**
 * Every sentence and label the bot shows people, in both languages, in one
 * place: the bot says the same thing on every platform, in the asker's
 * language. Renderers add only their markup; operator logs stay English.
 */
const SHOWN_IDS = 5;

/** "a, b, c" or "a, b, c, d, e, …" */
function shownIds(ids: readonly string[]): string {
  return `${ids.slice(0, SHOWN_IDS).join(', ')}${ids.length > SHOWN_IDS ? ', …' : ''}`;
}

export const MESSAGES = {
  // ---- answers
  notFound: {
    ar: 'لم أجد في المقالات ما يجيب عن هذا السؤال. جرّب صياغة أخرى أو كلمات أدق، أو تصفّح المقالات بالأمر /source.',
    en: 'I found nothing in the articles that answers this. Try other words, or browse the articles with /source.',
  },
  rejected: {
    empty: {
      ar: 'السؤال فارغ. اكتب سؤالك بعد الأمر، مثل: /ask متى عقد اجتماع التحالف في الكويت؟',
      en: 'The question is empty. Write it after the command, e.g. /ask When did the coalition meet in Kuwait?',
    },
    too_long: { ar: 'السؤال طويل جدًا. اختصره في جملة أو جملتين.', en: 'That question is too long. Please keep it to a sentence or two.' },
    unreadable: {
      ar: 'لم أستطع قراءة هذا النص. اكتب سؤالك بحروف عادية.',
      en: 'I could not read that text. Please type your question in plain letters.',
    },
    no_words: { ar: 'لا أرى كلمات في هذا السؤال. اكتب سؤالك بالكلمات.', en: 'I see no words in that question. Please ask it in words.' },
  } satisfies Record<RejectReason, Text>,
  answeredIntro: { ar: 'هذا ما ورد في المقالات:', en: 'Here is what the articles say:' },
  moreIntro: { ar: 'مصادر أخرى:', en: 'More sources:' },
  moreButton: { ar: 'مصادر أخرى', en: 'More sources' },
  /** where "more sources" is typed rather than pressed (the console) */
  moreHint: { ar: '(اكتب /more لمصادر أخرى)', en: '(type /more for more sources)' },
  noMore: { ar: 'لا توجد مصادر أخرى لهذا السؤال.', en: 'There are no more sources for this question.' },
  paragraph: { ar: 'الفقرة', en: 'paragraph' },
  /** before the speaker a quoted paragraph goes on with */
  speaker: { ar: 'المتحدث:', en: 'speaker:' },
  feedbackThanks: { ar: 'شكرًا، سُجّل تقييمك.', en: 'Thanks, your feedback is recorded.' },
  welcome: {
    ar: 'أهلًا! أجيب عن الأسئلة حول مقالات اجتماعات التحالف الدولي ضد داعش، بنقل الفقرات التي تجيب عنها مع مصدرها. اكتب سؤالك، مثلًا:',
    en: 'Hello! I answer questions about the news articles I hold by quoting the passages that answer them, with their source. Ask, for example:',
  },
  examples: ['متى عقد اجتماع التحالف الدولي في الكويت؟', 'كم دولة شاركت في اجتماع التحالف؟', 'شو قال تيلرسون عن العراق؟'],

  // ---- expected failures (reply.error), by code
  errors: {
    not_allowed: { en: 'This command is for moderators.', ar: 'هذا الأمر للمشرفين فقط.' },
    bad_arguments: { en: 'That command needs different arguments. Try /help.', ar: 'هذا الأمر يحتاج إلى مُدخلات أخرى. جرّب ‎/help‎.' },
    unknown_command: { en: 'I do not know that command. Try /help.', ar: 'لا أعرف هذا الأمر. جرّب ‎/help‎.' },
    rate_limited: {
      en: 'You are asking faster than I can answer. Please wait a moment and try again.',
      ar: 'أسئلتك أسرع مما أستطيع الإجابة. انتظر قليلًا ثم أعد المحاولة.',
    },
    channel_closed: {
      en: 'I do not answer in this channel. Ask a moderator which channels I answer in.',
      ar: 'لا أجيب في هذه القناة. اسأل أحد المشرفين عن القنوات المسموح فيها.',
    },
    expired: { en: 'That answer has expired. Please ask again.', ar: 'انتهت صلاحية هذه الإجابة. اطرح سؤالك من جديد.' },
    not_found_article: {
      en: 'No article by that name. Use /source to see the list.',
      ar: 'لا توجد مقالة بهذا الاسم. استخدم ‎/source‎ لعرض القائمة.',
    },
    unavailable: { en: 'I am restarting. Please ask again in a few seconds.', ar: 'أعيد التشغيل الآن. اطرح سؤالك مجددًا بعد ثوانٍ.' },
    internal: { en: 'Something went wrong on my side. Please try again in a moment.', ar: 'حدث خطأ من جهتي. أعد المحاولة بعد قليل.' },
  },

  // ---- /source
  articles: { ar: 'المقالات', en: 'Articles' },
  articlesHint: { ar: 'اكتب ‎/source‎ مع رقم المقالة أو عنوانها لعرضها.', en: 'Type /source with an article number or title to open it.' },
  source: { ar: 'المصدر', en: 'Source' },
  date: { ar: 'التاريخ', en: 'Date' },
  paragraphs: { ar: 'الفقرات', en: 'Paragraphs' },
  id: { ar: 'المعرّف', en: 'Id' },

  // ---- /help
  commands: { ar: 'الأوامر', en: 'Commands' },
  moderatorsOnly: { ar: 'للمشرفين', en: 'moderators' },
  /** commands the console reads itself (they have no declaration: a button does /more elsewhere) */
  consoleCommands: [
    { usage: '/more', description: { ar: 'مصادر أخرى لآخر إجابة', en: 'More sources for the last answer' } },
    { usage: '/quit', description: { ar: 'الخروج من المحادثة', en: 'Leave the chat' } },
  ],
  consoleWelcome: {
    ar: (articles: number, passages: number) => `${articles} مقالات، ${passages} فقرة. اكتب سؤالك، أو /help للأوامر، أو /quit للخروج.`,
    en: (articles: number, passages: number) =>
      `${articles} articles, ${passages} passages. Type a question, /help for commands, /quit to leave.`,
  },

  // ---- /stats
  stats: { ar: 'الإحصاءات', en: 'Statistics' },
  sinceStart: { ar: 'منذ التشغيل', en: 'Since start' },
  last24h: { ar: 'آخر 24 ساعة', en: 'Last 24 h' },
  counts: {
    ar: (c: Counts) => `أجيب: ${c.answered} · لم يُعثر: ${c.not_found} · رُفض: ${c.rejected}`,
    en: (c: Counts) => `answered ${c.answered} · not found ${c.not_found} · rejected ${c.rejected}`,
  },
  feedback: { ar: 'التقييمات', en: 'Feedback' },
  index: { ar: 'الفهرس', en: 'Index' },
  indexSize: {
    ar: (i: IndexSize) => `${i.articles} مقالات · ${i.passages} فقرة · ${i.terms} مصطلح · ${i.synonymGroups} مجموعة مرادفات`,
    en: (i: IndexSize) => `${i.articles} articles · ${i.passages} passages · ${i.terms} terms · ${i.synonymGroups} synonym groups`,
  },
  builtAt: { ar: (at: string) => `بُني ${at}`, en: (at: string) => `built ${at}` },
  uptime: { ar: 'مدة التشغيل', en: 'Uptime' },
  seconds: { ar: (n: number) => `${n} ث`, en: (n: number) => `${n} s` },
  missing: { ar: 'أسئلة لم أجد لها جوابًا', en: 'Not found most often' },

  // ---- /reload
  reload: { ar: 'إعادة التحميل', en: 'Reload' },
  reloaded: {
    ar: (r: { before: number; after: number; passages: number; ms: number }) =>
      `أعيد التحميل: ${r.before} ← ${r.after} مقالات، ${r.passages} فقرة (${r.ms} ms).`,
    en: (r: { before: number; after: number; passages: number; ms: number }) =>
      `Reloaded: ${r.before} → ${r.after} articles, ${r.passages} passages (${r.ms} ms).`,
  },
  reloadChanges: {
    ar: (c: { added: string[]; changed: string[]; removed: string[] }) => {
      const part = (ids: readonly string[] = [], what: string) => (ids.length ? `${what} ${ids.length} (${shownIds(ids)})` : '');
      const parts = [part(c.added, 'أضيفت'), part(c.changed, 'تغيّرت'), part(c.removed, 'حُذفت')].filter(Boolean);
      return parts.length ? `المقالات: ${parts.join('، ')}.` : 'لم تتغير أي مقالة.';
    },
    en: (c: { added: string[]; changed: string[]; removed: string[] }) => {
      const part = (ids: readonly string[] = [], what: string) => (ids.length ? `${ids.length} ${what} (${shownIds(ids)})` : '');
      const parts = [part(c.added, 'added'), part(c.changed, 'changed'), part(c.removed, 'removed')].filter(Boolean);
      return parts.length ? `Articles: ${parts.join(', ')}.` : 'No article changed.';
    },
  },
  reloadRefused: {
    ar: (r: { errors: number; articles: number; passages: number }) =>
      `رُفضت إعادة التحميل: ${r.errors} خطأ؛ ما زلت أخدم ${r.articles} مقالات و${r.passages} فقرة.`,
    en: (r: { errors: number; articles: number; passages: number }) =>
      `Reload refused: ${r.errors} error(s); still serving ${r.articles} articles, ${r.passages} passages.`,
  },

  // ---- lists cut to a platform's limit
  leftOut: { ar: (n: number) => `… و${n} غيرها`, en: (n: number) => `… and ${n} more` },

  // ---- /channels
  channels: {
    allow: { en: 'I will answer in this channel', ar: 'سأجيب في هذه القناة' },
    deny: { en: 'I will not answer members in this channel', ar: 'لن أجيب الأعضاء في هذه القناة' },
    clear: { en: 'This channel follows the server default again', ar: 'عادت هذه القناة إلى الإعداد الافتراضي' },
    list: { en: 'Channel rules in this server', ar: 'قواعد القنوات في هذا الخادم' },
    open: { en: 'No rules: I answer in every channel.', ar: 'لا قواعد: أجيب في كل القنوات.' },
    onlyAllowed: {
      en: 'When any channel is allowed, I answer only in allowed channels.',
      ar: 'عند السماح بأي قناة، أجيب في القنوات المسموح بها فقط.',
    },
    needScope: { en: 'this works inside a server or group', ar: 'هذا الأمر يعمل داخل خادم أو مجموعة' },
  },

  // ---- /synonym
  synonym: {
    added: { en: 'Synonyms added', ar: 'أضيفت المرادفات' },
    removed: { en: 'Synonym groups removed', ar: 'حُذفت مجموعات المرادفات' },
    none: { en: 'No synonym group matches', ar: 'لا توجد مجموعة مرادفات مطابقة' },
    list: { en: 'Synonyms added by moderators (the corpus file has more)', ar: 'المرادفات التي أضافها المشرفون (وفي ملف المدونة غيرها)' },
    needTwo: {
      en: 'write two or more expressions separated by "=", e.g. داعش = تنظيم الدولة',
      ar: 'اكتب تعبيرين أو أكثر بينهما "="، مثل: داعش = تنظيم الدولة',
    },
  },
} as const;

export function rejectedMessage(reason: RejectReason | undefined, lang: Lang): string {
  return MESSAGES.rejected[reason ?? 'no_words'][lang];
}
