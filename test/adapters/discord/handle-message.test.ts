import { describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../../src/adapters/discord/handle-interaction.js';
import { handleMention, type ReplyableMessage } from '../../../src/adapters/discord/handle-message.js';
import { USER_ERRORS } from '../../../src/core/errors.js';
import { silentLogger } from '../../../src/core/logger.js';
import { NoticeWindow } from '../../../src/core/notice-window.js';
import { MESSAGES } from '../../../src/present/catalogue.js';
import { STUB_PASSAGE, stubBot, stubDispatcher } from '../../support/stub-bot.js';

const BOT = '1100000000000000001';

function fakeMessage(content: string, guildId: string | null = '42'): ReplyableMessage & { replies: any[] } {
  const replies: any[] = [];
  return {
    replies,
    id: '8001',
    content,
    guildId,
    channelId: '7',
    channel: { isThread: () => false },
    author: { id: 'u1', username: 'layla', bot: false },
    member: guildId ? { permissions: { has: () => false } } : null,
    reply: async (options) => void replies.push(options),
  };
}

function handlerContext(rateLimit?: number): HandlerContext {
  return { dispatcher: stubDispatcher(stubBot(), { rateLimit }), deferAfterMs: 2000, rateNotices: new NoticeWindow(30_000) };
}

describe('answering a mention', () => {
  it('replies with the cited passages, pinging nobody, not even the asker', async () => {
    const message = fakeMessage(`<@${BOT}> شو قال تيلرسون عن العراق؟`);
    await handleMention(message, BOT, handlerContext(), silentLogger);
    expect(message.replies).toHaveLength(1);
    const [reply] = message.replies;
    expect(reply.allowedMentions).toEqual({ parse: [], repliedUser: false });
    expect(reply.content).toBe(MESSAGES.answeredIntro.ar);
    expect(reply.embeds[0].description.replace(/\*\*|__|[\u2066-\u2069]/g, '')).toBe(STUB_PASSAGE.text);
  });

  it('explains an empty mention in the channel, since a message cannot be ephemeral', async () => {
    const message = fakeMessage(`<@${BOT}>`, null);
    await handleMention(message, BOT, handlerContext(), silentLogger);
    expect(message.replies[0].content.replace(/[\u2066-\u2069]/g, '')).toBe(MESSAGES.rejected.empty.ar);
    expect(message.replies[0].allowedMentions.parse).toEqual([]);
  });

  it('tells a member who asks too fast to wait, politely, once: each notice would be public', async () => {
    const message = fakeMessage(`<@${BOT}> When did the coalition meet in Kuwait?`);
    const context = handlerContext(2);
    for (let i = 0; i < 5; i++) await handleMention(message, BOT, context, silentLogger);
    // two answers, then one notice; the next two are refused without a public message
    expect(message.replies).toHaveLength(3);
    expect(message.replies.at(-1).content).toBe(USER_ERRORS.rate_limited.en);
  });
});
