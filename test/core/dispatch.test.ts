import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { defineCommand } from '../../src/core/command.js';
import { createDispatcher } from '../../src/core/dispatch.js';
import { UserError } from '../../src/core/errors.js';
import { silentLogger } from '../../src/core/logger.js';
import { memoryRateLimiter } from '../../src/core/rate-limiter.js';
import { createTestBot, invocation } from '../support/bot.js';
import { STUB_ARTICLES, stubBot, stubDispatcher } from '../support/stub-bot.js';

describe('dispatch', () => {
  it('suggests values through the same access and channel checks as running the command', async () => {
    const closed = new Set<string>();
    const dispatcher = stubDispatcher(stubBot({ channelOpen: (_scope: string | undefined, channel: string) => !closed.has(channel) }));
    const member = invocation({ command: 'source', chat: { id: 'c1', scopeId: 'g1', kind: 'group' } });
    expect((await dispatcher.suggest(member, 'article', '')).map((s) => s.value)).toEqual(STUB_ARTICLES.map((a) => a.id));
    expect((await dispatcher.suggest(member, 'article', ''))[0]!.label).toBe(`${STUB_ARTICLES[0]!.title} · ${STUB_ARTICLES[0]!.date}`);
    expect(await dispatcher.suggest(member, 'question', '')).toEqual([]);
    expect(await dispatcher.suggest(invocation({ command: 'nope' }), 'article', '')).toEqual([]);
    closed.add('c1');
    expect(await dispatcher.suggest(member, 'article', '')).toEqual([]);
    expect(await dispatcher.allows(member)).toBe(false);
    expect(await dispatcher.allows(invocation({ command: 'reload' }))).toBe(false);
    expect(await dispatcher.allows(invocation({ command: 'reload', user: { id: 'm', isModerator: true } }))).toBe(true);
  });

  it("replies in the asker's language: the question's own, else the platform locale", async () => {
    // one question a minute: the second of each pair is refused, in the question's language
    const dispatcher = stubDispatcher(stubBot(), { rateLimit: 1 });
    const limited = (question: string, lang: 'ar' | 'en') =>
      dispatcher.dispatch(invocation({ command: 'ask', args: { question }, user: { id: 'x', isModerator: false }, platform: 'telegram' }), {
        lang,
      });
    await limited('When did the coalition meet?', 'ar');
    const english = await limited('When did the coalition meet?', 'ar');
    expect(english).toMatchObject({ kind: 'error', code: 'rate_limited', lang: 'en' });
    const arabic = await limited('متى اجتمع التحالف؟', 'en');
    expect(arabic).toMatchObject({ kind: 'error', code: 'rate_limited', lang: 'ar' });
    const help = await dispatcher.dispatch(invocation({ command: 'help' }), { lang: 'ar' });
    expect(help).toMatchObject({ kind: 'help', lang: 'ar' });
  });

  it('refuses a moderator command to a member, even if the platform showed it', async () => {
    const dispatcher = stubDispatcher();
    const reply = await dispatcher.dispatch(invocation({ command: 'reload' }));
    expect(reply).toMatchObject({ kind: 'error', code: 'not_allowed', ephemeral: true });
  });

  it('runs a moderator command for a moderator', async () => {
    const dispatcher = stubDispatcher();
    const reply = await dispatcher.dispatch(invocation({ command: 'stats', user: { id: 'm', isModerator: true } }));
    expect(reply.kind).toBe('stats');
  });

  it('answers an unknown command with a hint', async () => {
    const dispatcher = stubDispatcher();
    expect(await dispatcher.dispatch(invocation({ command: 'nope' }), { lang: 'ar' })).toMatchObject({
      kind: 'error',
      code: 'unknown_command',
      text: expect.stringContaining('/help'),
    });
  });

  it('explains arguments that do not fit the schema', async () => {
    const dispatcher = stubDispatcher();
    const reply = await dispatcher.dispatch(
      invocation({ command: 'synonym', args: { action: 'explode' }, user: { id: 'm', isModerator: true } }),
    );
    expect(reply).toMatchObject({ kind: 'error', code: 'bad_arguments' });
  });

  it('keeps members out of a channel closed by a moderator, but not moderators', async () => {
    // the server allows only #questions
    const dispatcher = stubDispatcher(stubBot({ channelOpen: (_scope: string | undefined, channel: string) => channel === 'questions' }));
    const chat = { id: 'general', scopeId: 'guild-1', kind: 'group' as const };
    const member = await dispatcher.dispatch(invocation({ command: 'ask', args: { question: 'تيلرسون' }, chat }));
    expect(member).toMatchObject({ kind: 'error', code: 'channel_closed' });
    const moderator = await dispatcher.dispatch(
      invocation({ command: 'ask', args: { question: 'تيلرسون' }, chat, user: { id: 'm', isModerator: true } }),
    );
    expect(moderator.kind).toBe('answer');
    const help = await dispatcher.dispatch(invocation({ command: 'help', chat }));
    expect(help.kind).toBe('help');
  });

  it.each([
    ['Arabic', 'اجتماع التحالف ', 'ar'],
    ['English', 'coalition meeting ', 'en'],
  ] as const)('answers a question over 4,096 characters with the "too long" reply in %s, and counts it', async (_language, words, lang) => {
    const { dispatcher, bot } = await createTestBot();
    const question = words.repeat(Math.ceil(5000 / words.length));
    const before = (await bot.stats()).sinceStart.rejected;
    const reply = await dispatcher.dispatch(invocation({ command: 'ask', args: { question }, platform: 'telegram' }), { lang });
    expect(reply).toMatchObject({ kind: 'answer', answer: { status: 'rejected', reason: 'too_long' } });
    expect((await bot.stats()).sinceStart.rejected).toBe(before + 1);
  });

  it('rate-limits a user who asks too fast, politely', async () => {
    const dispatcher = stubDispatcher(stubBot(), { rateLimit: 2 });
    const ask = (platform: 'telegram' | 'console' = 'telegram') =>
      dispatcher.dispatch(invocation({ command: 'ask', args: { question: 'تيلرسون' }, platform }));
    expect((await ask()).kind).toBe('answer');
    expect((await ask()).kind).toBe('answer');
    expect(await ask()).toMatchObject({ kind: 'error', code: 'rate_limited', ephemeral: true });
    // the console is the operator's own terminal
    expect((await ask('console')).kind).toBe('answer');
  });

  it('turns a UserError into an error reply and lets other errors reach the adapter', async () => {
    const bot = stubBot();
    const failing = defineCommand({
      name: 'failing',
      description: 'x',
      descriptionAr: 'x',
      access: 'member',
      args: z.object({ how: z.string() }),
      run: (_context, { how }) => {
        if (how === 'expected') throw new UserError('expired');
        throw new Error('boom');
      },
    });
    const limiter = memoryRateLimiter(100, 60_000);
    const dispatcher = createDispatcher({ commands: [failing], bot, logger: silentLogger, userLimiter: limiter, channelLimiter: limiter });
    expect(await dispatcher.dispatch(invocation({ command: 'failing', args: { how: 'expected' } }))).toMatchObject({ code: 'expired' });
    await expect(dispatcher.dispatch(invocation({ command: 'failing', args: { how: 'unexpected' } }))).rejects.toThrow('boom');
  });

  it('after close, refuses new invocations and drains those in flight', async () => {
    const bot = stubBot();
    let release!: () => void;
    const slow = defineCommand({
      name: 'slow',
      description: 'x',
      descriptionAr: 'x',
      access: 'member',
      args: z.object({}),
      run: () => new Promise((resolve) => (release = () => resolve({ kind: 'notice', lang: 'en', text: 'done' }))),
    });
    const limiter = memoryRateLimiter(100, 60_000);
    const dispatcher = createDispatcher({ commands: [slow], bot, logger: silentLogger, userLimiter: limiter, channelLimiter: limiter });
    const inFlight = dispatcher.dispatch(invocation({ command: 'slow' }));
    dispatcher.close();
    expect(await dispatcher.dispatch(invocation({ command: 'slow' }))).toMatchObject({ code: 'unavailable' });
    expect(dispatcher.inFlight).toBe(1);
    const drained = dispatcher.drain(1000);
    // the command starts once the (asynchronous) channel and rate checks have passed
    await vi.waitUntil(() => release !== undefined);
    release();
    expect(await inFlight).toMatchObject({ text: 'done' });
    expect(await drained).toEqual({ finished: 0, told: 0, unreached: 0, refused: 0 });
    expect(dispatcher.inFlight).toBe(0);
  });

  it('counts a platform event in flight until its reply is sent, and tells the ones shutdown cannot wait for', async () => {
    vi.useFakeTimers();
    try {
      const dispatcher = stubDispatcher();
      const sent: string[] = [];
      let releaseSend!: () => void;
      // the answer is ready at once, but the platform call that sends it is slow
      const answered = dispatcher.receive(async (turn) => {
        const reply = await dispatcher.dispatch(invocation({ command: 'help' }), { turn });
        await new Promise<void>((resolve) => (releaseSend = resolve));
        sent.push(reply.kind);
      });
      const stuck = dispatcher.receive(async (turn) => {
        turn.onInterrupt(async () => void sent.push('restarting'));
        await new Promise(() => {});
      });
      void stuck;
      await vi.advanceTimersByTimeAsync(0);
      expect(dispatcher.inFlight).toBe(2);
      dispatcher.close();
      const late = dispatcher.receive(async (turn) =>
        sent.push((await dispatcher.dispatch(invocation({ command: 'help' }), { turn })).kind),
      );
      const drained = dispatcher.drain(1000, 500);
      releaseSend();
      await answered;
      await late;
      await vi.advanceTimersByTimeAsync(1000);
      expect(await drained).toEqual({ finished: 1, told: 1, unreached: 0, refused: 1 });
      expect(sent).toEqual(['error', 'help', 'restarting']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives up draining after the timeout', async () => {
    const bot = stubBot();
    const never = defineCommand({
      name: 'never',
      description: 'x',
      descriptionAr: 'x',
      access: 'member',
      args: z.object({}),
      run: () => new Promise(() => {}),
    });
    const limiter = memoryRateLimiter(100, 60_000);
    const dispatcher = createDispatcher({ commands: [never], bot, logger: silentLogger, userLimiter: limiter, channelLimiter: limiter });
    void dispatcher.dispatch(invocation({ command: 'never' }));
    void dispatcher.receive(() => new Promise(() => {}));
    // one bare dispatch and one platform event that never end; the event has no way to be told
    expect(await dispatcher.drain(20, 20)).toEqual({ finished: 0, told: 0, unreached: 1, refused: 0 });
  });
});
