import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import { freeTextCommand } from '../../src/core/command.js';
import { commandShape } from '../../src/core/command-shape.js';
import { createTestBot, invocation } from '../support/bot.js';

const moderator = { id: 'mod', isModerator: true };

describe('the declared commands', () => {
  it('have ASCII names both platforms accept and descriptions within 100 characters', () => {
    for (const command of COMMANDS) {
      expect(command.name).toMatch(/^[a-z0-9_]{1,32}$/);
      expect(command.description.length).toBeLessThanOrEqual(100);
      expect(command.descriptionAr.length).toBeLessThanOrEqual(100);
      expect(command.descriptionAr).toMatch(/\p{Script=Arabic}/u);
    }
    expect(new Set(COMMANDS.map((c) => c.name)).size).toBe(COMMANDS.length);
  });
});

describe('what the commands tell the adapters', () => {
  it('free text goes to exactly one command, a string argument of it; /reload is slow; /source suggests articles', () => {
    const takers = COMMANDS.filter((c) => c.freeText);
    expect(takers.map((c) => [c.name, c.freeText])).toEqual([['ask', 'question']]);
    expect(freeTextCommand(COMMANDS)).toEqual({ name: 'ask', arg: 'question' });
    expect(commandShape(takers[0]!).options?.find((o) => o.name === 'question')?.type).toBe('string');
    expect(COMMANDS.filter((c) => c.slow).map((c) => c.name)).toEqual(['reload']);
    const source = COMMANDS.find((c) => c.name === 'source')!;
    expect(commandShape(source).options?.find((o) => o.name === 'article')?.autocomplete).toBe(true);
    expect(
      COMMANDS.flatMap((c) => (commandShape(c).options ?? []).filter((o) => o.autocomplete).map((o) => `${c.name}.${o.name}`)),
    ).toEqual(['source.article']);
  });
});

describe('/ask', () => {
  it('answers with cited passages and a handle for buttons', async () => {
    const { dispatcher } = await createTestBot();
    const reply = await dispatcher.dispatch(
      invocation({ command: 'ask', args: { question: 'من رعى الاجتماع الافتراضي للمجموعة المصغرة؟' } }),
    );
    expect(reply).toMatchObject({ kind: 'answer', page: 0, answer: { status: 'answered' } });
    if (reply.kind !== 'answer') throw new Error('not an answer');
    expect(reply.answerId).toBeTruthy();
    expect(reply.answer.passages[0]!.text).toContain('بومبيو');
  });

  it('answers previews (Telegram inline mode, as the user types) without counting or rate-limiting them', async () => {
    const { dispatcher, bot } = await createTestBot({ rateLimit: 1 });
    for (const question of ['تيل', 'تيلرسون', 'تيلرسون تعهد']) {
      const reply = await dispatcher.dispatch(invocation({ command: 'ask', args: { question }, platform: 'telegram', preview: true }));
      expect(reply.kind).toBe('answer');
    }
    expect((await bot.stats()).sinceStart).toEqual({ answered: 0, not_found: 0, rejected: 0 });
  });

  it('gives no handle when nothing was found', async () => {
    const { dispatcher } = await createTestBot();
    const reply = await dispatcher.dispatch(invocation({ command: 'ask', args: { question: 'ما عاصمة اليابان؟' } }));
    expect(reply).toMatchObject({ kind: 'answer', answer: { status: 'not_found' } });
    expect(reply.kind === 'answer' && reply.answerId).toBeFalsy();
  });
});

describe('/more and /feedback (buttons)', () => {
  it('pages an earlier answer and records a vote; expired ids are explained', async () => {
    const { dispatcher, store } = await createTestBot();
    const first = await dispatcher.dispatch(invocation({ command: 'ask', args: { question: 'ماذا قال تيلرسون عن داعش؟' } }));
    const id = first.kind === 'answer' ? first.answerId : undefined;
    const more = await dispatcher.dispatch(invocation({ command: 'more', args: { id, page: '1' } }));
    expect(more).toMatchObject({ kind: 'answer', page: 1 });
    const vote = await dispatcher.dispatch(invocation({ command: 'feedback', args: { id, vote: 'up' } }));
    expect(vote).toMatchObject({ kind: 'notice', ephemeral: true });
    expect((await store.feedbackCounts()).up).toBe(1);
    expect(await dispatcher.dispatch(invocation({ command: 'more', args: { id: 'gone', page: 1 } }))).toMatchObject({
      kind: 'error',
      code: 'expired',
    });
  });
});

describe('/source', () => {
  it('lists the articles, shows one by number or title, and explains a miss', async () => {
    const { dispatcher } = await createTestBot();
    const list = await dispatcher.dispatch(invocation({ command: 'source' }));
    expect(list.kind === 'articles' && list.articles).toHaveLength(5);
    const one = await dispatcher.dispatch(invocation({ command: 'source', args: { article: '5' } }));
    expect(one).toMatchObject({ kind: 'article', article: { id: '004_f054958bf221c085', date: '2020-06-04' } });
    expect(one.kind === 'article' && one.paragraphs).toHaveLength(3);
    expect(await dispatcher.dispatch(invocation({ command: 'source', args: { article: 'غير موجودة' } }))).toMatchObject({
      code: 'not_found_article',
    });
  });
});

describe('/help', () => {
  it('shows moderator commands only to moderators, and never button commands', async () => {
    const { dispatcher } = await createTestBot();
    const names = async (user = { id: 'u', isModerator: false }) => {
      const reply = await dispatcher.dispatch(invocation({ command: 'help', user }));
      return reply.kind === 'help' ? reply.commands.map((c) => c.name) : [];
    };
    const member = await names();
    const mod = await names(moderator);
    expect(member).toContain('ask');
    expect(member).not.toContain('reload');
    expect(mod).toEqual(expect.arrayContaining(['reload', 'stats', 'channels', 'synonym']));
    expect([...member, ...mod]).not.toContain('more');
  });
});

describe('/synonym', () => {
  it('adds, lists and removes a group, and refuses a single expression', async () => {
    const { dispatcher } = await createTestBot();
    const run = (args: Record<string, unknown>) => dispatcher.dispatch(invocation({ command: 'synonym', args, user: moderator }));
    expect(await run({ action: 'add', expressions: 'البرلمان الدولي = مجلس الأمن' })).toMatchObject({
      kind: 'notice',
      items: ['البرلمان الدولي = مجلس الأمن'],
    });
    const list = await run({ action: 'list' });
    expect(list.kind === 'notice' && list.items).toEqual(['1. البرلمان الدولي = مجلس الأمن']);
    expect(await run({ action: 'add', expressions: 'وحيد' })).toMatchObject({ kind: 'error', code: 'bad_arguments' });
    expect(await run({ action: 'remove', group: 'مجلس الأمن' })).toMatchObject({ kind: 'notice', text: expect.stringContaining('1') });
  });
});

describe('/channels', () => {
  it('allows, denies, lists and clears channels of one server', async () => {
    const { dispatcher, bot } = await createTestBot();
    const chat = { id: 'c-general', scopeId: 'g1', kind: 'group' as const };
    const run = (args: Record<string, unknown>) => dispatcher.dispatch(invocation({ command: 'channels', args, chat, user: moderator }));
    await run({ action: 'allow', channel: 'c-questions' });
    await run({ action: 'deny' });
    expect(await bot.channelRules('g1')).toEqual({ allowed: ['c-questions'], denied: ['c-general'] });
    const list = await run({ action: 'list' });
    expect(list.kind === 'notice' && list.items).toEqual(['✅ c-questions', '⛔ c-general']);
    await run({ action: 'clear', channel: 'c-questions' });
    expect(await bot.channelOpen('g1', 'c-other')).toBe(true);
    expect(await bot.channelOpen('g1', 'c-general')).toBe(false);
  });

  it('explains that it works only inside a server or group', async () => {
    const { dispatcher } = await createTestBot();
    expect(await dispatcher.dispatch(invocation({ command: 'channels', args: { action: 'list' }, user: moderator }))).toMatchObject({
      code: 'bad_arguments',
    });
  });
});

describe('/reload and /stats', () => {
  it('reload reports the sizes, stats the counts', async () => {
    const { dispatcher } = await createTestBot();
    await dispatcher.dispatch(invocation({ command: 'ask', args: { question: 'تيلرسون' } }));
    const reload = await dispatcher.dispatch(invocation({ command: 'reload', user: moderator }));
    expect(reload).toMatchObject({ kind: 'reload', report: { swapped: true, before: { articles: 5 }, after: { articles: 5 } } });
    const stats = await dispatcher.dispatch(invocation({ command: 'stats', user: moderator }));
    expect(stats).toMatchObject({ kind: 'stats', stats: { sinceStart: { answered: 1 } } });
  });
});
