import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import {
  buttonInvocation,
  type CommandInteractionLike,
  commandInvocation,
  isAddressedTo,
  type MessageLike,
  mentionInvocation,
} from '../../../src/adapters/discord/invocation.js';

const BOT = '1100000000000000001';
const ASK = { name: 'ask', arg: 'question' };
const QUESTION = 'متى عقد اجتماع التحالف في الكويت؟';

const permissions = (bits: bigint) => ({ has: (bit: bigint) => (bits & bit) === bit });
const textChannel = { isThread: () => false };

function command(overrides: Partial<CommandInteractionLike> = {}): CommandInteractionLike {
  return {
    id: '9001',
    locale: 'en-US',
    guildId: '42',
    channelId: '7',
    channel: textChannel,
    user: { id: 'u1', username: 'layla' },
    memberPermissions: permissions(PermissionFlagsBits.SendMessages),
    commandName: 'ask',
    options: { data: [{ name: 'question', type: ApplicationCommandOptionType.String, value: QUESTION }] },
    ...overrides,
  };
}

function message(overrides: Partial<MessageLike> = {}): MessageLike {
  return {
    id: '8001',
    content: `<@${BOT}> ${QUESTION}`,
    guildId: '42',
    channelId: '7',
    channel: textChannel,
    author: { id: 'u1', username: 'layla', bot: false },
    member: { permissions: permissions(0n) },
    ...overrides,
  };
}

describe('turning a slash command into an invocation', () => {
  it('passes options as raw arguments and says who asked where', () => {
    expect(commandInvocation(command())).toEqual({
      command: 'ask',
      args: { question: QUESTION },
      platform: 'discord',
      requestId: '9001',
      user: { id: 'u1', name: 'layla', isModerator: false },
      chat: { id: '7', scopeId: '42', kind: 'group' },
    });
  });

  it('turns a subcommand into the action the command schema expects', () => {
    const synonym = command({
      commandName: 'synonym',
      options: {
        data: [
          {
            name: 'add',
            type: ApplicationCommandOptionType.Subcommand,
            options: [{ name: 'expressions', type: ApplicationCommandOptionType.String, value: 'داعش = تنظيم الدولة' }],
          },
        ],
      },
    });
    expect(commandInvocation(synonym).args).toEqual({ action: 'add', expressions: 'داعش = تنظيم الدولة' });
    const list = command({ commandName: 'synonym', options: { data: [{ name: 'list', type: ApplicationCommandOptionType.Subcommand }] } });
    expect(commandInvocation(list).args).toEqual({ action: 'list' });
  });

  it('makes a member with Manage Server a moderator, and nobody in a DM', () => {
    expect(commandInvocation(command({ memberPermissions: permissions(PermissionFlagsBits.ManageGuild) })).user.isModerator).toBe(true);
    const dm = commandInvocation(command({ guildId: null, memberPermissions: null }));
    expect(dm.user.isModerator).toBe(false);
    expect(dm.chat).toEqual({ id: '7', scopeId: undefined, kind: 'private' });
  });

  it("applies a channel's rules inside its threads", () => {
    const inThread = command({ channelId: '77', channel: { isThread: () => true, parentId: '7' } });
    expect(commandInvocation(inThread).chat.id).toBe('7');
  });
});

describe('turning a button into an invocation', () => {
  const click = (customId: string) => ({ ...command(), customId });

  it('reads "more sources" and feedback buttons as the hidden commands', () => {
    expect(buttonInvocation(click('more:aZ3-x_9Q:2'))).toMatchObject({ command: 'more', args: { id: 'aZ3-x_9Q', page: '2' } });
    expect(buttonInvocation(click('fb:aZ3-x_9Q:down'))).toMatchObject({ command: 'feedback', args: { id: 'aZ3-x_9Q', vote: 'down' } });
  });

  it('does not guess at buttons it did not make', () => {
    expect(buttonInvocation(click('vote:aZ3-x_9Q:up'))).toBeUndefined();
    expect(buttonInvocation(click('more:aZ3-x_9Q'))).toBeUndefined();
    expect(buttonInvocation(click('more:a:1:extra'))).toBeUndefined();
  });
});

describe('questions asked by mentioning the bot', () => {
  it('answers in a server only when the bot is mentioned, in a DM always, and never to bots', () => {
    expect(isAddressedTo(message(), BOT)).toBe(true);
    expect(isAddressedTo(message({ content: `<@!${BOT}> ${QUESTION}` }), BOT)).toBe(true);
    expect(isAddressedTo(message({ content: QUESTION }), BOT)).toBe(false);
    expect(isAddressedTo(message({ content: `<@123> ${QUESTION}` }), BOT)).toBe(false);
    expect(isAddressedTo(message({ content: QUESTION, guildId: null, member: null }), BOT)).toBe(true);
    expect(isAddressedTo(message({ author: { id: 'b2', username: 'other-bot', bot: true } }), BOT)).toBe(false);
    expect(isAddressedTo(message({ author: { id: BOT, username: 'me', bot: false } }), BOT)).toBe(false);
  });

  it('gives the text without the mention to the command that takes free text', () => {
    const invocation = mentionInvocation(message({ content: `<@${BOT}>   ${QUESTION} <@${BOT}>` }), BOT, ASK);
    expect(invocation).toMatchObject({
      command: 'ask',
      args: { question: QUESTION },
      requestId: '8001',
      chat: { id: '7', scopeId: '42', kind: 'group' },
    });
  });

  it("takes moderators from the member's permissions", () => {
    const moderator = message({ member: { permissions: permissions(PermissionFlagsBits.ManageGuild) } });
    expect(mentionInvocation(moderator, BOT, ASK).user.isModerator).toBe(true);
    expect(mentionInvocation(message(), BOT, ASK).user.isModerator).toBe(false);
  });
});
