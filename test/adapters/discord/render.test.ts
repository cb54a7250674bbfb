import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseButtonId } from '../../../src/adapters/discord/button-ids.js';
import { DISCORD_LIMITS } from '../../../src/adapters/discord/discord-text.js';
import { embedsLength, renderChoices, renderReply } from '../../../src/adapters/discord/render.js';
import type { Answer, CitedPassage } from '../../../src/core/answer.js';
import { type ArticleSummary, errorReply, type Reply } from '../../../src/core/reply.js';
import { MESSAGES } from '../../../src/present/catalogue.js';
import { BUNDLED_CORPUS } from '../../support/bot.js';

const LRI = '\u2066';
const PDI = '\u2069';

/** The paragraphs of corpus/004 joined into one passage of about 4000 characters. */
const LONG_TEXT = readFileSync(join(BUNDLED_CORPUS, '004_f054958bf221c085.txt'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line.length > 40)
  .join(' ');
const BEST_SENTENCE =
  'وجدد التحالف الذي تقوده الولايات المتحدة التعبير عن دعم "الشعب السوري في الوصول إلى تسوية سياسية دائمة وفقا لقرار مجلس الأمن المتحدة رقم 2254".';
const KUWAIT = 'وعقد الاجتماع بالتزامن مع مؤتمر اعادة إعمار العراق الذي بدأ الاثنين بالكويت ويستمر لمدة ثلاثة أيام.';

function passage(text: string, sentence: string, terms: string[], extra: Partial<CitedPassage> = {}): CitedPassage {
  const at = text.indexOf(sentence);
  if (at < 0) throw new Error('the sentence is not in the text');
  const termSpans = terms.map((term) => {
    const start = text.indexOf(term, at);
    return { start, end: start + term.length };
  });
  return {
    id: 'a#1',
    articleId: 'a',
    title: 'المجموعة الوزارية المصغرة للتحالف الدولي',
    date: '2020-06-04',
    paragraph: 7,
    text,
    sentence,
    sentenceSpan: { start: at, end: at + sentence.length },
    terms,
    termSpans,
    score: 1,
    ...extra,
  };
}

function answerReply(passages: CitedPassage[], extra: Partial<Answer> = {}, answerId = 'aZ3-x_9Q', hasMore = true): Reply {
  return {
    kind: 'answer',
    answer: { question: 'سؤال', status: 'answered', lang: 'ar', passages, more: [], ...extra },
    answerId,
    page: 0,
    hasMore,
  };
}

/** What a reader sees: markdown, escapes, bidi isolates and ellipses taken out. */
function readable(markdown: string): string {
  return markdown
    .replace(/\*\*|__/g, '')
    .replace(/\\(.)/g, '$1')
    .replace(/[\u2066-\u2069]/g, '')
    .replace(/…/g, '');
}

describe('rendering answers for Discord', () => {
  it('trims a 4000-character passage around its best sentence, between words, within the embed limits', () => {
    expect(LONG_TEXT.length).toBeGreaterThan(3900);
    const message = renderReply(answerReply([passage(LONG_TEXT, BEST_SENTENCE, ['التحالف', 'السوري'])]));
    const description = message.embeds[0]!.description!;
    expect(description.length).toBeLessThanOrEqual(DISCORD_LIMITS.description);
    expect(description.startsWith('…') && description.endsWith('…')).toBe(true);
    const shown = readable(description);
    const at = LONG_TEXT.indexOf(shown);
    expect(at).toBeGreaterThan(0);
    expect(LONG_TEXT[at - 1]).toMatch(/\s/);
    expect(LONG_TEXT[at + shown.length]).toMatch(/\s/);
    expect(shown).toContain(BEST_SENTENCE);
  });

  it('keeps ten long passages within 6000 characters per message, each still showing its sentence', () => {
    const passages = Array.from({ length: 10 }, (_, i) => passage(LONG_TEXT, BEST_SENTENCE, ['السوري'], { paragraph: i + 1 }));
    const message = renderReply(answerReply(passages));
    expect(message.embeds).toHaveLength(10);
    expect(embedsLength(message.embeds)).toBeLessThanOrEqual(DISCORD_LIMITS.embedsTotal);
    for (const embed of message.embeds) {
      expect(embed.description!.length).toBeLessThanOrEqual(DISCORD_LIMITS.description);
      expect(readable(embed.description!)).toContain(BEST_SENTENCE.slice(0, 40));
    }
    expect(message.content!.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
  });

  it('puts the best sentence in bold and underlines the matched words inside it', () => {
    const text = `أكدت دول التحالف الدولي حرصها على التكيف. ${KUWAIT} وشهد المؤتمر مشاركة دولية واسعة.`;
    const message = renderReply(answerReply([passage(text, KUWAIT, ['الاجتماع', 'بالكويت'])]));
    expect(message.embeds[0]!.description).toBe(
      'أكدت دول التحالف الدولي حرصها على التكيف. **وعقد __الاجتماع__ بالتزامن مع مؤتمر اعادة إعمار العراق الذي بدأ الاثنين __بالكويت__ ويستمر لمدة ثلاثة أيام.** وشهد المؤتمر مشاركة دولية واسعة.',
    );
  });

  it('bolds a matched word outside the best sentence', () => {
    const text = `أكدت دول التحالف الدولي حرصها على التكيف. ${KUWAIT}`;
    const p = passage(text, KUWAIT, []);
    p.termSpans = [{ start: text.indexOf('التحالف'), end: text.indexOf('التحالف') + 'التحالف'.length }];
    expect(renderReply(answerReply([p])).embeds[0]!.description).toContain('دول **التحالف** الدولي');
  });

  it('isolates Latin titles, dates and numbers that sit inside Arabic', () => {
    const message = renderReply(
      answerReply([
        passage(LONG_TEXT, BEST_SENTENCE, [], { title: 'اجتماع Global Coalition في الكويت', source: 'وكالة الأنباء', date: '2020-06-04' }),
      ]),
    );
    const embed = message.embeds[0]!;
    expect(embed.title).toBe(`اجتماع ${LRI}Global Coalition${PDI} في الكويت`);
    expect(embed.footer!.text).toBe(`وكالة الأنباء · ${LRI}2020-06-04${PDI} · الفقرة ${LRI}7${PDI}`);
    expect(embed.description).toContain(`${LRI}2254${PDI}`);
  });

  it('escapes markdown and mention syntax in quoted text, so it reads as written and pings nobody', () => {
    const text = 'He wrote **bold** @everyone <@123> and <@&456> in the statement.';
    const message = renderReply(answerReply([passage(text, text, [], { title: 'Statement' })]));
    const description = message.embeds[0]!.description!;
    expect(description).toContain('\\*\\*bold\\*\\* \\@everyone \\<@123> and \\<@&456>');
    expect(readable(description)).toBe(text);
    expect(message.allowedMentions).toEqual({ parse: [] });
  });

  it('links the title to the article only when its link is a web address', () => {
    const text = `${KUWAIT}`;
    expect(renderReply(answerReply([passage(text, KUWAIT, [], { url: 'https://example.org/kuwait-2018' })])).embeds[0]!.url).toBe(
      'https://example.org/kuwait-2018',
    );
    expect(renderReply(answerReply([passage(text, KUWAIT, [], { url: 'javascript:alert(1)' })])).embeds[0]!.url).toBeUndefined();
  });

  it('offers "more sources" for the next page and 👍/👎, by short ids the adapter can read back', () => {
    const message = renderReply(answerReply([passage(KUWAIT, KUWAIT, [])]));
    const ids = message.components[0]!.components.map((b) => b.custom_id);
    expect(ids.map(parseButtonId)).toEqual([
      { command: 'more', args: { id: 'aZ3-x_9Q', page: '1' } },
      { command: 'feedback', args: { id: 'aZ3-x_9Q', vote: 'up' } },
      { command: 'feedback', args: { id: 'aZ3-x_9Q', vote: 'down' } },
    ]);
    const last = renderReply(answerReply([passage(KUWAIT, KUWAIT, [])], {}, 'aZ3-x_9Q', false));
    expect(last.components[0]!.components.map((b) => b.custom_id)).toEqual(['fb:aZ3-x_9Q:up', 'fb:aZ3-x_9Q:down']);
  });

  it('says "not found" publicly in the question\'s language, with the /source hint and no citation', () => {
    const message = renderReply({
      kind: 'answer',
      answer: { question: 'What is the weather?', status: 'not_found', lang: 'en', passages: [], more: [] },
      page: 0,
      hasMore: false,
    });
    expect(message).toMatchObject({ content: MESSAGES.notFound.en, embeds: [], components: [], ephemeral: false });
    expect(message.content).toContain('/source');
  });

  it('explains a rejected question privately', () => {
    const message = renderReply({
      kind: 'answer',
      answer: { question: '', status: 'rejected', reason: 'empty', lang: 'ar', passages: [], more: [] },
      page: 0,
      hasMore: false,
    });
    expect(message.ephemeral).toBe(true);
    expect(readable(message.content!)).toBe(readable(MESSAGES.rejected.empty.ar));
  });
});

describe('rendering the other replies for Discord', () => {
  const article = (n: number, title = `مقالة رقم ${n} عن اجتماع التحالف الدولي ضد داعش في الكويت`): ArticleSummary => ({
    id: `${String(n).padStart(3, '0')}_x`,
    title,
    lang: 'ar',
    paragraphs: 3,
    date: '2018-02-13',
  });

  it('lists hundreds of articles within one embed, saying how many were left out', () => {
    const message = renderReply({ kind: 'articles', lang: 'en', articles: Array.from({ length: 300 }, (_, i) => article(i + 1)) });
    const description = message.embeds[0]!.description!;
    expect(description.length).toBeLessThanOrEqual(DISCORD_LIMITS.description);
    expect(description).toMatch(/… and \d+ more$/);
  });

  it('trims a long title to 256 characters at a word boundary', () => {
    const title = 'اجتماع التحالف الدولي في الكويت '.repeat(12).trim();
    const message = renderReply({ kind: 'article', lang: 'ar', article: article(1, title), paragraphs: [{ n: 1, text: KUWAIT }] });
    const shown = message.embeds[0]!.title!;
    expect(shown.length).toBeLessThanOrEqual(DISCORD_LIMITS.title);
    expect(shown.endsWith('…')).toBe(true);
    expect(title.startsWith(shown.slice(0, -1))).toBe(true);
    expect(title[shown.length - 1]).toBe(' ');
  });

  it('escapes what moderators typed in notice items and drops their bidi controls', () => {
    const message = renderReply({
      kind: 'notice',
      lang: 'ar',
      text: 'المرادفات',
      items: ['1. داعش = **تنظيم** \u202Eالدولة'],
      ephemeral: true,
    });
    expect(message.ephemeral).toBe(true);
    expect(message.embeds[0]!.description).toBe('• ⁦1⁩. داعش = \\*\\*تنظيم\\*\\* الدولة');
  });

  it('shows dispatcher errors privately', () => {
    const message = renderReply(errorReply('rate_limited', 'en'));
    expect(message).toMatchObject({ ephemeral: true, embeds: [], components: [] });
  });

  it('lets no reply of any kind mention anyone', () => {
    const replies: Reply[] = [
      answerReply([passage(KUWAIT, KUWAIT, [])]),
      { kind: 'articles', lang: 'ar', articles: [article(1)] },
      {
        kind: 'help',
        lang: 'en',
        commands: [{ name: 'ask', usage: '/ask <question>', description: 'Ask', descriptionAr: 'اسأل', moderator: false }],
      },
      { kind: 'notice', lang: 'en', text: '@everyone' },
      errorReply('internal', 'ar'),
    ];
    for (const reply of replies) expect(renderReply(reply).allowedMentions).toEqual({ parse: [] });
  });

  it('offers at most 25 autocomplete choices, each name at most 100 characters, ending between words', () => {
    const long = 'المجموعة الوزارية المصغرة للتحالف الدولي تؤكد التصميم المشترك على هزيمة داعش في اجتماع افتراضي برعاية وزيري الخارجية';
    const choices = renderChoices(Array.from({ length: 40 }, (_, i) => ({ label: `${long} · 2018-02-13`, value: article(i + 1).id })));
    expect(choices).toHaveLength(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.choiceName);
      expect(long.startsWith(readable(choice.name))).toBe(true);
      expect(long[readable(choice.name).length]).toBe(' ');
    }
    expect(choices[0]!.value).toBe('001_x');
  });
});
