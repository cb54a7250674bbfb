import type { Update } from 'telegraf/types';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.js';
import { createRouter, type Route, toInvocation } from '../../../src/adapters/telegram/updates.js';
import { commandsFor } from '../../../src/core/command.js';

const ME = { id: 666, username: 'CoalitionQaBot' };
const router = createRouter(ME, commandsFor('telegram', COMMANDS));
const QUESTION = 'متى عقد اجتماع التحالف في الكويت؟';

const user = { id: 42, is_bot: false, first_name: 'سارة', last_name: 'ع', language_code: 'ar' };
const privateChat = { id: 42, type: 'private', first_name: 'سارة' };
const group = { id: -100123, type: 'supergroup', title: 'نقاش الأخبار' };

let nextId = 1;
function messageUpdate(message: Record<string, unknown>, chat: object = privateChat): Update {
  return { update_id: nextId++, message: { message_id: 10, date: 1_700_000_000, chat, from: user, ...message } } as unknown as Update;
}

function command(route: Route): Extract<Route, { kind: 'command' }> {
  expect(route.kind).toBe('command');
  return route as Extract<Route, { kind: 'command' }>;
}

describe('messages in a private chat', () => {
  it('turn any text into a question', () => {
    const route = command(router.route(messageUpdate({ text: QUESTION })));
    expect(route).toMatchObject({
      via: 'message',
      command: 'ask',
      args: { question: QUESTION },
      lang: 'ar',
      from: { id: 42, name: 'سارة ع' },
    });
    expect(route.place).toEqual({ chatId: 42, chatType: 'private', messageId: 10 });
  });

  it('run /commands with their text arguments', () => {
    expect(command(router.route(messageUpdate({ text: `/ask ${QUESTION}` }))).args).toEqual({ question: QUESTION });
    expect(command(router.route(messageUpdate({ text: '/source 2' }))).args).toEqual({ article: '2' });
    expect(command(router.route(messageUpdate({ text: '/synonym add داعش = تنظيم الدولة' }))).args).toEqual({
      action: 'add',
      expressions: 'داعش = تنظيم الدولة',
    });
    expect(command(router.route(messageUpdate({ text: `/Start@${ME.username}` }))).command).toBe('start');
  });

  it('give /ask with nothing after it an empty question, so the core answers "the question is empty"', () => {
    expect(command(router.route(messageUpdate({ text: '/ask' }))).args).toEqual({ question: '' });
  });

  it('clip a question longer than the command accepts, so the core can say "too long" politely', () => {
    const huge = 'ما '.repeat(1400) + QUESTION + ' ذلك'.repeat(40);
    expect(huge.length).toBeGreaterThan(4096);
    const { args } = command(router.route(messageUpdate({ text: huge })));
    expect((args.question as string).length).toBe(4096);
  });

  it('answer an unknown command, and the hidden button commands typed by hand, with "unknown command"', () => {
    expect(router.route(messageUpdate({ text: '/weather' }))).toMatchObject({ kind: 'local', reply: 'unknown_command' });
    expect(router.route(messageUpdate({ text: '/feedback abc up' }))).toMatchObject({ kind: 'local', reply: 'unknown_command' });
  });

  it('take the caption of a photo as the question', () => {
    expect(
      command(router.route(messageUpdate({ caption: QUESTION, photo: [{ file_id: 'p', file_unique_id: 'p', width: 1, height: 1 }] }))).args,
    ).toEqual({ question: QUESTION });
  });

  it('ask for text when sent a sticker, a voice message or a location', () => {
    for (const content of [
      { sticker: { file_id: 's' } },
      { voice: { file_id: 'v', duration: 2 } },
      { location: { latitude: 29.3, longitude: 47.9 } },
    ]) {
      expect(router.route(messageUpdate(content))).toMatchObject({ kind: 'local', reply: 'not_text', lang: 'ar' });
    }
  });

  it('ignore our own answers inserted through inline mode, and messages from bots', () => {
    expect(router.route(messageUpdate({ text: QUESTION, via_bot: { id: ME.id, is_bot: true, first_name: 'Bot' } }))).toEqual({
      kind: 'ignore',
      reason: 'own_inline_result',
    });
    expect(router.route(messageUpdate({ text: QUESTION, from: { id: 77, is_bot: true, first_name: 'OtherBot' } }))).toEqual({
      kind: 'ignore',
      reason: 'from_bot',
    });
  });
});

describe('messages in a group (privacy mode)', () => {
  it('answer /ask@BotName and plain /ask', () => {
    const addressed = command(router.route(messageUpdate({ text: `/ask@${ME.username} ${QUESTION}` }, group)));
    expect(addressed.args).toEqual({ question: QUESTION });
    expect(command(router.route(messageUpdate({ text: `/ask ${QUESTION}` }, group))).command).toBe('ask');
  });

  it('ignore commands for another bot, and unknown commands nobody addressed to us', () => {
    expect(router.route(messageUpdate({ text: `/ask@OtherBot ${QUESTION}` }, group))).toEqual({
      kind: 'ignore',
      reason: 'other_bot_command',
    });
    expect(router.route(messageUpdate({ text: '/weather' }, group))).toEqual({ kind: 'ignore', reason: 'other_bot_command' });
    expect(router.route(messageUpdate({ text: `/weather@${ME.username}` }, group))).toMatchObject({
      kind: 'local',
      reply: 'unknown_command',
    });
  });

  it('answer a message that mentions the bot, without the mention, wherever it is', () => {
    expect(command(router.route(messageUpdate({ text: `@${ME.username} ${QUESTION}` }, group))).args).toEqual({ question: QUESTION });
    expect(command(router.route(messageUpdate({ text: `${QUESTION} @coalitionqabot` }, group))).args).toEqual({ question: QUESTION });
  });

  it('do not mistake a longer username or an e-mail address for a mention', () => {
    expect(router.route(messageUpdate({ text: `@${ME.username}Fan ${QUESTION}` }, group))).toEqual({
      kind: 'ignore',
      reason: 'not_addressed',
    });
    expect(router.route(messageUpdate({ text: `write to news@${ME.username}` }, group))).toEqual({
      kind: 'ignore',
      reason: 'not_addressed',
    });
  });

  it("answer a reply to one of the bot's messages", () => {
    const reply_to_message = {
      message_id: 9,
      date: 1,
      chat: group,
      from: { id: ME.id, is_bot: true, first_name: 'Bot' },
      text: 'هذا ما ورد في المقالات:',
    };
    expect(command(router.route(messageUpdate({ text: 'ومن حضر الاجتماع؟', reply_to_message }, group))).args).toEqual({
      question: 'ومن حضر الاجتماع؟',
    });
  });

  it('ignore chatter, stickers and service messages not meant for the bot', () => {
    expect(router.route(messageUpdate({ text: 'صباح الخير للجميع' }, group))).toEqual({ kind: 'ignore', reason: 'not_addressed' });
    expect(router.route(messageUpdate({ sticker: { file_id: 's' } }, group))).toEqual({ kind: 'ignore', reason: 'not_addressed' });
    expect(router.route(messageUpdate({ new_chat_members: [user] }, group))).toEqual({ kind: 'ignore', reason: 'service' });
  });

  it('name the group as the scope and a forum topic as the channel', () => {
    const inTopic = command(router.route(messageUpdate({ text: `/ask ${QUESTION}`, message_thread_id: 5, is_topic_message: true }, group)));
    expect(inTopic.place).toEqual({ chatId: -100123, chatType: 'supergroup', messageId: 10, topicId: 5 });
    expect(toInvocation(inTopic, false).chat).toEqual({ id: '-100123:5', scopeId: '-100123', kind: 'group' });
    // a thread of replies in a group that is not a forum is not a topic
    const inReplyThread = command(router.route(messageUpdate({ text: `/ask ${QUESTION}`, message_thread_id: 7 }, group)));
    expect(toInvocation(inReplyThread, false).chat).toEqual({ id: '-100123', scopeId: '-100123', kind: 'group' });
  });

  it('recognise an anonymous administrator writing as the group', () => {
    const anonymous = { id: 1087968824, is_bot: true, first_name: 'Group', username: 'GroupAnonymousBot' };
    const route = command(router.route(messageUpdate({ text: '/reload', from: anonymous, sender_chat: group }, group)));
    expect(route.anonymousAdmin).toBe(true);
    expect(router.route(messageUpdate({ text: QUESTION, sender_chat: { id: -100999, type: 'channel', title: 'قناة' } }, group))).toEqual({
      kind: 'ignore',
      reason: 'sent_as_channel',
    });
  });
});

describe('other updates', () => {
  it('ignore edited messages and channel posts on purpose', () => {
    expect(
      router.route({
        update_id: 1,
        edited_message: { message_id: 1, date: 1, edit_date: 2, chat: privateChat, from: user, text: QUESTION },
      } as unknown as Update),
    ).toEqual({ kind: 'ignore', reason: 'edited' });
    const channel = { id: -100555, type: 'channel', title: 'قناة' };
    expect(
      router.route({ update_id: 2, channel_post: { message_id: 1, date: 1, chat: channel, text: QUESTION } } as unknown as Update),
    ).toEqual({ kind: 'ignore', reason: 'channel' });
    expect(router.route(messageUpdate({ text: QUESTION }, channel))).toEqual({ kind: 'ignore', reason: 'channel' });
    expect(router.route({ update_id: 3, poll: { id: 'p' } } as unknown as Update)).toEqual({
      kind: 'ignore',
      reason: 'unsupported_update',
    });
  });

  it('turn our buttons into the hidden more and feedback commands, and answer any other button', () => {
    const message = { message_id: 30, date: 1, chat: group, from: { id: ME.id, is_bot: true, first_name: 'Bot' }, text: '…' };
    const press = (data: string) =>
      router.route({ update_id: 4, callback_query: { id: 'cb1', from: user, chat_instance: 'x', message, data } } as unknown as Update);
    expect(press('more:k3Yv_9aQ:2')).toMatchObject({
      kind: 'command',
      via: 'callback',
      command: 'more',
      args: { id: 'k3Yv_9aQ', page: 2 },
      callbackQueryId: 'cb1',
      place: { chatId: -100123, messageId: 30 },
    });
    expect(press('fb:k3Yv_9aQ:down')).toMatchObject({ command: 'feedback', args: { id: 'k3Yv_9aQ', vote: 'down' } });
    expect(press('vote:yes')).toEqual({ kind: 'ignore', reason: 'unknown_button', callbackQueryId: 'cb1' });
  });

  it('turn an inline query into a question, and an empty one into an ignore that is still answered', () => {
    const inline = (query: string) =>
      router.route({ update_id: 5, inline_query: { id: 'iq', from: user, query, offset: '' } } as unknown as Update);
    const route = command(inline(QUESTION));
    expect(route).toMatchObject({ via: 'inline', command: 'ask', args: { question: QUESTION }, inlineQueryId: 'iq' });
    expect(route.place).toBeUndefined();
    expect(toInvocation(route, false).chat).toEqual({ id: 'inline:42', kind: 'private' });
    expect(inline('   ')).toEqual({ kind: 'ignore', reason: 'empty_inline_query', inlineQueryId: 'iq' });
  });
});

describe('invocations and language', () => {
  it('carry the platform, the user, the moderator flag and the update id', () => {
    const route = command(router.route(messageUpdate({ text: QUESTION })));
    expect(toInvocation(route, true, '77')).toEqual({
      command: 'ask',
      args: { question: QUESTION },
      platform: 'telegram',
      user: { id: '42', name: 'سارة ع', isModerator: true },
      chat: { id: '42', kind: 'private' },
      requestId: '77',
    });
  });
});
