import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, helpEntries } from '../../../commands/index.js';
import { CALLBACK_DATA_MAX_BYTES } from '../../../src/adapters/telegram/callback-data.js';
import {
  callbackToast,
  MESSAGE_LIMIT,
  renderInlineResults,
  renderReply,
  type TelegramMessage,
} from '../../../src/adapters/telegram/render.js';
import type { Answer, CitedPassage } from '../../../src/core/answer.js';
import { commandsFor } from '../../../src/core/command.js';
import { errorReply, type Reply } from '../../../src/core/reply.js';
import { FSI, LRI, PDI } from '../../../src/present/bidi.js';
import { MESSAGES } from '../../../src/present/catalogue.js';
import { BUNDLED_CORPUS } from '../../support/bot.js';
import { STUB_MORE_PASSAGE, STUB_PASSAGE } from '../../support/stub-bot.js';

const ALLOWED_TAGS = new Set(['b', 'i', 'u', 's', 'a', 'code', 'pre', 'blockquote', 'tg-spoiler']);
const KUWAIT_SENTENCE = 'وعقد الاجتماع بالتزامن مع مؤتمر اعادة إعمار العراق الذي بدأ الاثنين بالكويت ويستمر لمدة ثلاثة أيام.';
const HOSTILE = '<b>x</b> & <script>alert(1)</script>';

/** What Telegram would show: tags parsed away, entities decoded. */
function shown(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** Telegram's parser, roughly: only known tags, properly nested, and no raw & < > in text. */
function expectValidTelegramHtml(html: string): void {
  const stack: string[] = [];
  for (const match of html.matchAll(/<(\/?)([a-z-]+)(?: href="[^"<>]*")?>/g)) {
    const [, closing, tag] = match;
    expect(ALLOWED_TAGS, `tag <${tag}> in ${html}`).toContain(tag);
    if (closing) expect(stack.pop()).toBe(tag);
    else stack.push(tag!);
  }
  expect(stack).toEqual([]);
  const text = html.replace(/<\/?[a-z-]+(?: href="[^"<>]*")?>/g, '');
  expect(text).not.toMatch(/[<>]/);
  expect(text).not.toMatch(/&(?!amp;|lt;|gt;|quot;)/);
}

function passage(overrides: Partial<CitedPassage> & Pick<CitedPassage, 'text'>): CitedPassage {
  const at = overrides.text.indexOf(KUWAIT_SENTENCE);
  const sentenceSpan = at >= 0 ? { start: at, end: at + KUWAIT_SENTENCE.length } : { start: 0, end: overrides.text.length };
  return {
    id: '000_ef08b0032887354d#14',
    articleId: '000_ef08b0032887354d',
    title: 'الكويت 13 فبراير 2018 / أكدت دول التحالف الدولي ضد…',
    date: '2018-02-13',
    paragraph: 14,
    sentence: overrides.text.slice(sentenceSpan.start, sentenceSpan.end),
    sentenceSpan,
    terms: [],
    termSpans: [],
    score: 1,
    ...overrides,
  };
}

function answerReply(
  passages: CitedPassage[],
  extra: Partial<Answer> = {},
  reply: Partial<Extract<Reply, { kind: 'answer' }>> = {},
): Extract<Reply, { kind: 'answer' }> {
  return {
    kind: 'answer',
    answer: { question: 'متى عقد اجتماع التحالف في الكويت؟', status: 'answered', lang: 'ar', passages, more: [], ...extra },
    answerId: 'k3Yv_9aQ',
    page: 0,
    hasMore: false,
    ...reply,
  };
}

const callbackData = (message: TelegramMessage) =>
  (message.reply_markup?.inline_keyboard ?? []).flat().map((button) => ('callback_data' in button ? button.callback_data : ''));

describe('rendering answers', () => {
  it('quotes each passage in a blockquote with the best sentence and the matched words in bold, and cites it below', () => {
    const reply = answerReply([STUB_PASSAGE, STUB_MORE_PASSAGE]);
    const [message] = renderReply(reply);
    expectValidTelegramHtml(message!.text);
    expect(message!.parse_mode).toBe('HTML');
    expect(message!.link_preview_options).toEqual({ is_disabled: true });
    expect(message!.text).toContain(`<b>${MESSAGES.answeredIntro.ar}</b>`);
    expect(message!.text.match(/<blockquote>/g)).toHaveLength(2);
    expect(message!.text).toContain(
      `<blockquote>${STUB_PASSAGE.text.slice(0, STUB_PASSAGE.sentenceSpan.start)}<b>${STUB_PASSAGE.sentence}</b></blockquote>`,
    );
    expect(message!.text).toContain(`<blockquote>${STUB_MORE_PASSAGE.text}</blockquote>`);
    expect(message!.text).toMatch(
      /<\/blockquote>\n<i>— <a href="https:\/\/example.org\/kuwait">الكويت .*<\/a> · \u2066Reuters\u2069 · \u20662018-02-13\u2069 · الفقرة \u206614\u2069<\/i>/,
    );
  });

  it('bolds the matched words outside the best sentence', () => {
    const text = `قال الوزير كلمة قصيرة. ${KUWAIT_SENTENCE}`;
    const at = text.indexOf('الوزير');
    const [message] = renderReply(answerReply([passage({ text, termSpans: [{ start: at, end: at + 'الوزير'.length }] })]));
    expect(message!.text).toContain(`قال <b>الوزير</b> كلمة قصيرة. <b>${KUWAIT_SENTENCE}</b>`);
  });

  it('bolds the best sentence when the passage has others around it', () => {
    const text = `قال الوزير كلمة قصيرة. ${KUWAIT_SENTENCE} وأضاف المتحدث أن العمل مستمر.`;
    const [message] = renderReply(answerReply([passage({ text })]));
    expect(message!.text).toContain(`قال الوزير كلمة قصيرة. <b>${KUWAIT_SENTENCE}</b> وأضاف`);
  });

  it('escapes HTML in passages, titles and sources so Telegram cannot reject the markup', () => {
    const text = `${KUWAIT_SENTENCE} ${HOSTILE}`;
    const [message] = renderReply(answerReply([passage({ text, title: `عنوان ${HOSTILE}`, source: 'R&D <Agency>' })]));
    expectValidTelegramHtml(message!.text);
    expect(message!.text).toContain('&lt;b&gt;x&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(shown(message!.text)).toContain(HOSTILE);
    expect(message!.text).toContain('R&amp;D &lt;Agency&gt;');
  });

  it('links the title only to http(s) URLs, escaping the URL', () => {
    const [linked] = renderReply(answerReply([passage({ text: KUWAIT_SENTENCE, url: 'https://example.org/news?id=1&lang=ar' })]));
    expect(linked!.text).toContain('<a href="https://example.org/news?id=1&amp;lang=ar">');
    const [unlinked] = renderReply(answerReply([passage({ text: KUWAIT_SENTENCE, url: 'javascript:alert(1)' })]));
    expect(unlinked!.text).not.toContain('<a ');
    expectValidTelegramHtml(unlinked!.text);
  });

  it('isolates dates and numbers in an Arabic citation so they are not reordered, and Arabic titles in an English one', () => {
    const [arabic] = renderReply(answerReply([passage({ text: KUWAIT_SENTENCE, source: 'Reuters' })]));
    expect(arabic!.text).toContain(`${LRI}2018-02-13${PDI}`);
    expect(arabic!.text).toContain(`${LRI}Reuters${PDI}`);
    const [english] = renderReply(answerReply([passage({ text: KUWAIT_SENTENCE })], { lang: 'en' }));
    expect(english!.text).toContain(`${FSI}الكويت`);
    expect(english!.text).toContain('paragraph 14');
  });

  it('removes bidi overrides and control characters that came with the text', () => {
    const text = `${KUWAIT_SENTENCE} \u202Eمعكوس\u202C\u0007`;
    const [message] = renderReply(answerReply([passage({ text })]));
    expect(message!.text).not.toMatch(/[\u202A-\u202E\u0007]/);
    expect(message!.text).toContain('معكوس');
  });

  describe('a passage longer than a Telegram message', () => {
    const corpus = ['000_ef08b0032887354d', '001_a80aa5ff78102834', '002_83dec01cb59a7f27', '004_f054958bf221c085']
      .map((id) => readFileSync(join(BUNDLED_CORPUS, `${id}.txt`), 'utf8'))
      .join(' ')
      .replace(/\s+/g, ' ');
    const long = passage({ text: corpus });
    const three = [long, { ...long, id: 'b#1', paragraph: 2 }, { ...long, id: 'c#1', paragraph: 3 }];

    it('is trimmed so the message stays within 4096 characters as Telegram counts them', () => {
      expect(corpus.length).toBeGreaterThan(MESSAGE_LIMIT * 2);
      const [message] = renderReply(answerReply(three));
      expectValidTelegramHtml(message!.text);
      expect(shown(message!.text).length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      expect(shown(message!.text).length).toBeGreaterThan(MESSAGE_LIMIT - 200);
    });

    it('keeps the best sentence whole and cuts only between words, marking the cuts', () => {
      const [message] = renderReply(answerReply(three));
      const quotes = [...message!.text.matchAll(/<blockquote>([\s\S]*?)<\/blockquote>/g)].map((m) => shown(m[1]!));
      expect(quotes).toHaveLength(3);
      for (const quote of quotes) {
        expect(quote).toContain(KUWAIT_SENTENCE);
        expect(quote.startsWith('…') && quote.endsWith('…')).toBe(true);
        const inner = quote.slice(1, -1);
        const at = corpus.indexOf(inner);
        expect(at).toBeGreaterThan(0);
        expect(corpus[at - 1]).toMatch(/\s/);
        expect(corpus[at + inner.length]).toMatch(/\s/);
      }
    });
  });

  describe('buttons', () => {
    it('carry short ids within 64 bytes, never the Arabic question', () => {
      const question = 'متى عقد اجتماع التحالف الدولي ضد تنظيم داعش في الكويت وما الذي قرره الوزراء بشأن إعادة إعمار العراق؟';
      const reply = answerReply([passage({ text: KUWAIT_SENTENCE })], { question }, { answerId: 'A'.repeat(16), page: 19, hasMore: true });
      const data = callbackData(renderReply(reply)[0]!);
      expect(data).toEqual([`more:${'A'.repeat(16)}:20`]);
      expect(Buffer.byteLength(question)).toBeGreaterThan(CALLBACK_DATA_MAX_BYTES);
      const first = callbackData(renderReply({ ...reply, page: 0 })[0]!);
      expect(first).toHaveLength(3);
      for (const d of first) {
        expect(Buffer.byteLength(d, 'utf8')).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
        expect(d).not.toMatch(/\p{Script=Arabic}/u);
      }
    });

    it('offer "more sources" and 👍/👎 on the first page, only "more sources" after it, and nothing without an answer id', () => {
      const reply = answerReply([passage({ text: KUWAIT_SENTENCE })], {}, { hasMore: true });
      expect(callbackData(renderReply(reply)[0]!)).toEqual(['more:k3Yv_9aQ:1', 'fb:k3Yv_9aQ:up', 'fb:k3Yv_9aQ:down']);
      expect(renderReply(reply)[0]!.reply_markup!.inline_keyboard[0]![0]!.text).toBe('📚 مصادر أخرى');
      expect(callbackData(renderReply({ ...reply, page: 1 })[0]!)).toEqual(['more:k3Yv_9aQ:2']);
      expect(callbackData(renderReply({ ...reply, page: 1, hasMore: false })[0]!)).toEqual([]);
      expect(renderReply({ ...reply, answerId: undefined })[0]!.reply_markup).toBeUndefined();
    });
  });

  it('says "nothing found" politely in the question\'s language, with a hint and no citation', () => {
    const [english] = renderReply(
      answerReply([], { status: 'not_found', lang: 'en', question: 'What colour is the sky on Mars?' }, { answerId: undefined }),
    );
    expect(english!.text).toBe(MESSAGES.notFound.en);
    const [arabic] = renderReply(answerReply([], { status: 'not_found' }, { answerId: undefined }));
    expect(arabic!.text).toBe(MESSAGES.notFound.ar);
    expect(arabic!.reply_markup).toBeUndefined();
  });

  it('explains a rejected question with its reason', () => {
    const [message] = renderReply(answerReply([], { status: 'rejected', reason: 'too_long' }, { answerId: undefined }));
    expect(message!.text).toBe(MESSAGES.rejected.too_long.ar);
  });
});

describe('rendering other replies', () => {
  it('escapes user text in notices and lists items', () => {
    const [message] = renderReply({
      kind: 'notice',
      lang: 'ar',
      text: `أضيفت المرادفات ${HOSTILE}`,
      items: ['داعش = تنظيم الدولة', HOSTILE],
    });
    expectValidTelegramHtml(message!.text);
    expect(message!.text).toBe(
      'أضيفت المرادفات &lt;b&gt;x&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;\n• داعش = تنظيم الدولة\n• &lt;b&gt;x&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;',
    );
  });

  it('shows errors with a warning sign', () => {
    expect(renderReply(errorReply('rate_limited', 'ar'))[0]!.text).toBe('⚠️ أسئلتك أسرع مما أستطيع الإجابة. انتظر قليلًا ثم أعد المحاولة.');
  });

  it('splits a long list over several messages, each within the limit', () => {
    const articles = Array.from({ length: 120 }, (_, n) => ({
      id: `article_${n}`,
      title: `${KUWAIT_SENTENCE} ${n}`,
      lang: 'ar' as const,
      paragraphs: 3,
    }));
    const messages = renderReply({ kind: 'articles', lang: 'ar', articles });
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) {
      expectValidTelegramHtml(message.text);
      expect(shown(message.text).length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    }
    const lines = messages
      .map((m) => shown(m.text))
      .join('\n')
      .split('\n');
    expect(lines).toHaveLength(1 + 120 + 1);
    expect(lines[0]).toBe('المقالات (120)');
    expect(lines.at(-1)).toBe(MESSAGES.articlesHint.ar);
  });

  it('lists help usage with its angle brackets escaped', () => {
    const [message] = renderReply({ kind: 'help', lang: 'ar', commands: helpEntries(commandsFor('telegram', COMMANDS), false) });
    expectValidTelegramHtml(message!.text);
    expect(message!.text).toContain('<code>/ask &lt;question&gt;</code>\n<i>اطرح سؤالًا عن المقالات');
    expect(message!.text).not.toContain('/reload');
  });
});

describe('button presses and inline mode', () => {
  it('answer a button with a toast for notices and errors, within 200 characters', () => {
    expect(callbackToast({ kind: 'notice', lang: 'ar', text: MESSAGES.feedbackThanks.ar, ephemeral: true })).toBe(
      MESSAGES.feedbackThanks.ar,
    );
    expect(callbackToast(errorReply('expired', 'en'))).toBe('That answer has expired. Please ask again.');
    expect(callbackToast({ kind: 'notice', lang: 'ar', text: `${KUWAIT_SENTENCE} `.repeat(5) })!.length).toBeLessThanOrEqual(200);
    expect(callbackToast(answerReply([passage({ text: KUWAIT_SENTENCE })]))).toBeUndefined();
  });

  it('offer one article per passage whose message quotes and cites it', () => {
    const { results } = renderInlineResults(
      answerReply([
        passage({ text: KUWAIT_SENTENCE }),
        passage({ id: '004_f054958bf221c085#15', text: `${KUWAIT_SENTENCE} ثانية`, paragraph: 15 }),
      ]),
    );
    expect(results.map((r) => r.id)).toEqual(['000_ef08b0032887354d#14', '004_f054958bf221c085#15']);
    for (const result of results) {
      expect(Buffer.byteLength(result.id)).toBeLessThanOrEqual(64);
      const content = result.input_message_content as { message_text: string; parse_mode: string };
      expectValidTelegramHtml(content.message_text);
      expect(content.parse_mode).toBe('HTML');
      expect(content.message_text).toContain('<b>❓ متى عقد اجتماع التحالف في الكويت؟</b>');
      expect(content.message_text).toMatch(/<blockquote>[\s\S]*بالتزامن[\s\S]*<\/blockquote>\n<i>— [\s\S]*الفقرة/);
    }
    expect(results[0]!.title).toContain('الفقرة 14');
    expect(results[0]!.description).toBe(KUWAIT_SENTENCE);
  });

  it('give no results for nothing found, and a button saying why for an error', () => {
    expect(renderInlineResults(answerReply([], { status: 'not_found' }, { answerId: undefined }))).toEqual({ results: [] });
    const limited = renderInlineResults(errorReply('rate_limited', 'en'));
    expect(limited.results).toEqual([]);
    expect(limited.button).toEqual({ text: expect.stringMatching(/^You are asking faster/), start_parameter: 'inline' });
  });

  it('hash passage ids that would not fit in 64 bytes', () => {
    const id = `${'مقالة_طويلة_'.repeat(4)}#3`;
    const { results } = renderInlineResults(answerReply([passage({ id, text: KUWAIT_SENTENCE })]));
    expect(Buffer.byteLength(id)).toBeGreaterThan(64);
    expect(results[0]!.id).toMatch(/^[\w-]{1,64}$/);
  });
});
