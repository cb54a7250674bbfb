import { stripBidiControls } from './bidi.js';

/** C0 and C1 controls except tab and line feed: a terminal would run them, a chat would show boxes. */
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * Text from outside (corpus, users) made safe to place in our lines: no
 * control characters, no bidi controls that could reorder what follows.
 * Platform escaping (HTML, markdown) is the renderer's job, after this.
 *
 * @example cleanText('a\u001B[31mb\u202Ec') // 'a[31mbc'
 */
export function cleanText(text: string): string {
  return stripBidiControls(text.replace(CONTROLS, ''));
}

/**
 * A link we are willing to show: absolute http(s), nothing that could close
 * an attribute or a markdown link. Returns the URL as parsed, or undefined.
 *
 * @example safeUrl('https://example.org/a b') // undefined
 */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\/[^\s<>"]+$/i.test(url)) return undefined;
  try {
    return new URL(url).href;
  } catch {
    return undefined;
  }
}

export function isSafeHref(url: string | undefined): url is string {
  return safeUrl(url) !== undefined;
}
