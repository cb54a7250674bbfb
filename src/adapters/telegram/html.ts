import { isSafeHref } from '../../present/index.js';

/**
 * Telegram's HTML parse mode, built as a tree rather than concatenated
 * strings: Telegram rejects a whole message when one tag is wrong, so text is
 * escaped in exactly one place and only the tags Telegram knows can be built.
 *
 * @example toHtml([b('الفقرة'), ' 14 & ', a('https://example.org/?a=1&b=2', 'المصدر')])
 *   // '<b>الفقرة</b> 14 &amp; <a href="https://example.org/?a=1&amp;b=2">المصدر</a>'
 */
export type Tag = 'b' | 'i' | 'u' | 's' | 'a' | 'code' | 'pre' | 'blockquote' | 'tg-spoiler';

export interface Element {
  tag: Tag;
  href?: string;
  children: Markup[];
}

/** A string is text (escaped when rendered); an element is a tag around more markup. */
export type Markup = string | Element | readonly Markup[];

const el =
  (tag: Tag) =>
  (...children: Markup[]): Element => ({ tag, children });

export const b = el('b');
export const i = el('i');
export const u = el('u');
export const code = el('code');
export const blockquote = el('blockquote');

/** A link; only to a safe http(s) URL (present/clean.ts), anything else is rendered as its text. */
export function a(href: string, ...children: Markup[]): Markup {
  return isSafeHref(href) ? { tag: 'a', href, children } : children;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;');
}

/** Joins markup with a separator, like Array.join. */
export function join(parts: readonly Markup[], separator: Markup): Markup[] {
  return parts.flatMap((part, n) => (n === 0 ? [part] : [separator, part]));
}

export function toHtml(markup: Markup): string {
  if (typeof markup === 'string') return escapeHtml(markup);
  if (isList(markup)) return markup.map(toHtml).join('');
  const inner = markup.children.map(toHtml).join('');
  const open = markup.tag === 'a' ? `<a href="${escapeAttribute(markup.href ?? '')}">` : `<${markup.tag}>`;
  return `${open}${inner}</${markup.tag}>`;
}

/** The text Telegram shows after parsing the entities: what its 4096 limit counts (UTF-16 units). */
export function plainText(markup: Markup): string {
  if (typeof markup === 'string') return markup;
  if (isList(markup)) return markup.map(plainText).join('');
  return markup.children.map(plainText).join('');
}

function isList(markup: Markup): markup is readonly Markup[] {
  return Array.isArray(markup);
}
