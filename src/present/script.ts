import type { Lang } from '../core/reply.js';

const ARABIC = /\p{Script=Arabic}/u;
const LATIN = /\p{Script=Latin}/u;

/** Whether a text holds any letter of the Arabic script: decides direction, isolates and the reply language. */
export function hasArabic(text: string): boolean {
  return ARABIC.test(text);
}

/**
 * The language a text is written in, when its letters say so (Arabic script
 * first: an Arabic question quoting "ISIS" is Arabic); `fallback` when it has
 * no letters of either script (a number, an emoji, a command name alone).
 *
 * @example textLang('متى اجتمع التحالف؟', 'en') // 'ar'
 */
export function textLang(text: string, fallback: Lang): Lang {
  if (ARABIC.test(text)) return 'ar';
  return LATIN.test(text) ? 'en' : fallback;
}

/** A platform locale ("ar", "ar-SA", "en-US"): Arabic for any Arabic locale, English otherwise. */
export function localeLang(locale: string | null | undefined): Lang {
  return locale?.toLowerCase().startsWith('ar') ? 'ar' : 'en';
}
