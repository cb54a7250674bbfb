/**
 * Expected failures, as values. Each code has a message for the user in both
 * languages; adapters show it (ephemerally where they can) and log the code.
 */
export const USER_ERRORS = {
  not_allowed: {
    en: 'This command is for moderators.',
    ar: 'هذا الأمر للمشرفين فقط.',
  },
  bad_arguments: {
    en: 'That command needs different arguments. Try /help.',
    ar: 'هذا الأمر يحتاج إلى مُدخلات أخرى. جرّب ‎/help‎.',
  },
  unknown_command: {
    en: 'I do not know that command. Try /help.',
    ar: 'لا أعرف هذا الأمر. جرّب ‎/help‎.',
  },
  rate_limited: {
    en: 'You are asking faster than I can answer. Please wait a moment and try again.',
    ar: 'أسئلتك أسرع مما أستطيع الإجابة. انتظر قليلًا ثم أعد المحاولة.',
  },
  channel_closed: {
    en: 'I do not answer in this channel. Ask a moderator which channels I answer in.',
    ar: 'لا أجيب في هذه القناة. اسأل أحد المشرفين عن القنوات المسموح فيها.',
  },
  expired: {
    en: 'That answer has expired. Please ask again.',
    ar: 'انتهت صلاحية هذه الإجابة. اطرح سؤالك من جديد.',
  },
  not_found_article: {
    en: 'No article by that name. Use /source to see the list.',
    ar: 'لا توجد مقالة بهذا الاسم. استخدم ‎/source‎ لعرض القائمة.',
  },
  unavailable: {
    en: 'I am restarting. Please ask again in a few seconds.',
    ar: 'أعيد التشغيل الآن. اطرح سؤالك مجددًا بعد ثوانٍ.',
  },
  internal: {
    en: 'Something went wrong on my side. Please try again in a moment.',
    ar: 'حدث خطأ من جهتي. أعد المحاولة بعد قليل.',
  },
} as const satisfies Record<string, { en: string; ar: string }>;

export type UserErrorCode = keyof typeof USER_ERRORS;

/** An expected failure thrown inside a command; dispatch turns it into an error reply. */
export class UserError extends Error {
  constructor(readonly code: UserErrorCode, readonly detail?: string) {
    super(detail ?? USER_ERRORS[code].en);
    this.name = 'UserError';
  }
}
