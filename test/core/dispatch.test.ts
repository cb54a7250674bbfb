import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineCommand } from '../../src/core/command.js';
import { createDispatcher } from '../../src/core/dispatch.js';
import { UserError } from '../../src/core/errors.js';
import { silentLogger } from '../../src/core/logger.js';
import { memoryRateLimiter } from '../../src/core/rate-limiter.js';
import { createTestBot, invocation } from '../support/bot.js';

describe('dispatch', () => {
  it('refuses a moderator command to a member, even if the platform showed it', async () => {
    const { dispatcher } = await createTestBot();
    const reply = await dispatcher.dispatch(invocation({ command: 'reload' }));
    expect(reply).toMatchObject({ kind: 'error', code: 'not_allowed', ephemeral: true });
  });

  it('runs a moderator command for a moderator', async () => {
    const { dispatcher } = await createTestBot();
    const reply = await dispatcher.dispatch(invocation({ command: 'stats', user: { id: 'm', isModerator: true } }));
    expect(reply.kind).toBe('stats');
  });

  it('answers an unknown command with a hint', async () => {
    const { dispatcher } = await createTestBot();
    expect(await dispatcher.dispatch(invocation({ command: 'nope' }), { lang: 'ar' })).toMatchObject({ kind: 'error', code: 'unknown_command', text: expect.stringContaining('/help') });
  });

  it('explains arguments that do not fit the schema', async () => {
    const { dispatcher } = await createTestBot();
    const reply = await dispatcher.dispatch(invocation({ command: 'synonym', args: { action: 'explode' }, user: { id: 'm', isModerator: true } }));
    expect(reply).toMatchObject({ kind: 'error', code: 'bad_arguments' });
  });

  it('keeps members out of a channel closed by a moderator, but not moderators', async () => {
    const { dispatcher, bot } = await createTestBot();
    const chat = { id: 'general', scopeId: 'guild-1', kind: 'group' as const };
    await bot.setChannelRule('guild-1', 'questions', 'allow');
    const member = await dispatcher.dispatch(invocation({ command: 'ask', args: { question: 'تيلرسون' }, chat }));
    expect(member).toMatchObject({ kind: 'error', code: 'channel_closed' });
    const moderator = await dispatcher.dispatch(invocation({ command: 'ask', args: { question: 'تيلرسون' }, chat, user: { id: 'm', isModerator: true } }));
    expect(moderator.kind).toBe('answer');
    const help = await dispatcher.dispatch(invocation({ command: 'help', chat }));
    expect(help.kind).toBe('help');
  });

  it('rate-limits a user who asks too fast, politely', async () => {
    const { dispatcher } = await createTestBot({ rateLimit: 2 });
    const ask = (platform: 'telegram' | 'console' = 'telegram') =>
      dispatcher.dispatch(invocation({ command: 'ask', args: { question: 'تيلرسون' }, platform }));
    expect((await ask()).kind).toBe('answer');
    expect((await ask()).kind).toBe('answer');
    expect(await ask()).toMatchObject({ kind: 'error', code: 'rate_limited', ephemeral: true });
    // the console is the operator's own terminal
    expect((await ask('console')).kind).toBe('answer');
  });

  it('turns a UserError into an error reply and lets other errors reach the adapter', async () => {
    const { bot } = await createTestBot();
    const failing = defineCommand({
      name: 'failing', description: 'x', descriptionAr: 'x', access: 'member', args: z.object({ how: z.string() }),
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
    const { bot } = await createTestBot();
    let release!: () => void;
    const slow = defineCommand({
      name: 'slow', description: 'x', descriptionAr: 'x', access: 'member', args: z.object({}),
      run: () => new Promise((resolve) => (release = () => resolve({ kind: 'notice', lang: 'en', text: 'done' }))),
    });
    const limiter = memoryRateLimiter(100, 60_000);
    const dispatcher = createDispatcher({ commands: [slow], bot, logger: silentLogger, userLimiter: limiter, channelLimiter: limiter });
    const inFlight = dispatcher.dispatch(invocation({ command: 'slow' }));
    dispatcher.close();
    expect(await dispatcher.dispatch(invocation({ command: 'slow' }))).toMatchObject({ code: 'unavailable' });
    expect(dispatcher.inFlight).toBe(1);
    const drained = dispatcher.drain(1000);
    release();
    expect(await inFlight).toMatchObject({ text: 'done' });
    expect(await drained).toBe(true);
  });

  it('gives up draining after the timeout', async () => {
    const { bot } = await createTestBot();
    const never = defineCommand({ name: 'never', description: 'x', descriptionAr: 'x', access: 'member', args: z.object({}), run: () => new Promise(() => {}) });
    const limiter = memoryRateLimiter(100, 60_000);
    const dispatcher = createDispatcher({ commands: [never], bot, logger: silentLogger, userLimiter: limiter, channelLimiter: limiter });
    void dispatcher.dispatch(invocation({ command: 'never' }));
    expect(await dispatcher.drain(20)).toBe(false);
  });
});
