import { describe, expect, it } from 'vitest';
import { a, b, blockquote, code, i, join, plainText, toHtml } from '../../../src/adapters/telegram/html.js';

describe('Telegram HTML', () => {
  it('escapes &, < and > in every text, and & in links', () => {
    expect(toHtml([b('<b>x</b> & <script>'), ' ', a('https://example.org/?q=a&b=c', 'رابط')])).toBe(
      '<b>&lt;b&gt;x&lt;/b&gt; &amp; &lt;script&gt;</b> <a href="https://example.org/?q=a&amp;b=c">رابط</a>',
    );
  });

  it('keeps a URL with quotes or angle brackets out of an href', () => {
    expect(toHtml(a('https://example.org/"><b>x', 'رابط'))).toBe('رابط');
  });

  it('nests only the tags Telegram knows', () => {
    expect(toHtml(blockquote('قال ', b('الوزير'), ' ', i('اليوم'), ' ', code('id_1')))).toBe(
      '<blockquote>قال <b>الوزير</b> <i>اليوم</i> <code>id_1</code></blockquote>',
    );
  });

  it('renders a link to anything but http(s) as plain text', () => {
    expect(toHtml(a('javascript:alert(1)', 'المصدر'))).toBe('المصدر');
    expect(toHtml(a('tg://user?id=1', 'المصدر'))).toBe('المصدر');
    expect(toHtml(a('https://example.org/?a=1&b=2', 'المصدر'))).toBe('<a href="https://example.org/?a=1&amp;b=2">المصدر</a>');
  });

  it('measures the text as Telegram shows it, without tags and with entities as one character', () => {
    const markup = [b('a&b'), ' ', blockquote('<تحالف>')];
    expect(plainText(markup)).toBe('a&b <تحالف>');
    expect(toHtml(markup).length).toBeGreaterThan(plainText(markup).length);
  });

  it('joins parts with a separator', () => {
    expect(toHtml(join(['أ', b('ب'), 'ج'], ' · '))).toBe('أ · <b>ب</b> · ج');
  });
});
