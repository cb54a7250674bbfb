import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withErrorBoundary } from '../../../src/adapters/discord/error-boundary.js';
import { handleAutocomplete, handleButton, handleCommand, type HandlerContext } from '../../../src/adapters/discord/handle-interaction.js';
import type { CommandInteractionLike } from '../../../src/adapters/discord/invocation.js';
import { renderInternalError } from '../../../src/adapters/discord/render.js';
import { createResponder, type RespondableInteraction } from '../../../src/adapters/discord/responder.js';
import { USER_ERRORS } from '../../../src/core/errors.js';
import { silentLogger, type Logger } from '../../../src/core/logger.js';
import type { Reply } from '../../../src/core/reply.js';
import { createTestBot, type TestBot } from '../../support/bot.js';

const QUESTION = 'كم دولة شاركت في اجتماع التحالف؟';
const EPHEMERAL = 64;

type Call = { method: string; options?: any };

function fakeInteraction(overrides: Partial<CommandInteractionLike> = {}): CommandInteractionLike & RespondableInteraction & { calls: Call[] } {
  const calls: Call[] = [];
  const record = (method: string) => async (options?: unknown) => {
    calls.push({ method, options });
  };
  return {
    calls, id: '9001', locale: 'ar', guildId: '42', channelId: '7', channel: { isThread: () => false }, user: { id: 'u1', username: 'layla' },
    memberPermissions: { has: () => false }, commandName: 'ask', options: { data: [] },
    deferReply: record('deferReply'), reply: record('reply'), editReply: record('editReply'), deleteReply: record('deleteReply'), followUp: record('followUp'),
    ...overrides,
  };
}

function recordingLogger(lines: { level: string; fields: object; message?: string }[]): Logger {
  const at = (level: string) => (first: object | string, message?: string) => lines.push(typeof first === 'string' ? { level, fields: {}, message: first } : { level, fields: first, message });
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: () => logger };
  return logger;
}

describe('handling slash commands and buttons', () => {
  let test: TestBot;
  let context: HandlerContext;

  beforeAll(async () => {
    test = await createTestBot();
    context = { dispatcher: test.dispatcher, bot: test.bot, deferAfterMs: 2000 };
  });
  afterAll(() => test.store.close());

  it('replies to a fast /ask at once with the cited passages', async () => {
    const interaction = fakeInteraction({ options: { data: [{ name: 'question', type: ApplicationCommandOptionType.String, value: QUESTION }] } });
    await handleCommand(interaction, createResponder(interaction), context, silentLogger);
    expect(interaction.calls.map((c) => c.method)).toEqual(['reply']);
    const { embeds } = interaction.calls[0]!.options;
    expect(embeds.length).toBeGreaterThan(0);
    expect(embeds.map((e: { description: string }) => e.description).join(' ')).toMatch(/75|74/);
  });

  it('shows a member /help without moderator commands or commands Discord does not offer', async () => {
    const interaction = fakeInteraction({ commandName: 'help', locale: 'en-US' });
    await handleCommand(interaction, createResponder(interaction), context, silentLogger);
    const names = interaction.calls[0]!.options.embeds[0].fields.map((f: { name: string }) => f.name);
    expect(names).toEqual(['/ask', '/source', '/help']);
  });

  it('shows a moderator /help with the moderator commands marked', async () => {
    const interaction = fakeInteraction({ commandName: 'help', locale: 'en-US', memberPermissions: { has: (bit) => bit === PermissionFlagsBits.ManageGuild } });
    await handleCommand(interaction, createResponder(interaction), context, silentLogger);
    const names = interaction.calls[0]!.options.embeds[0].fields.map((f: { name: string }) => f.name);
    expect(names).toContain('/reload · moderators');
    expect(names).not.toContain('/start');
  });

  it('defers a command whose reply is slow, so the interaction does not expire', async () => {
    const slow: HandlerContext = {
      ...context,
      deferAfterMs: 10,
      dispatcher: { ...test.dispatcher, dispatch: () => new Promise<Reply>((resolve) => setTimeout(() => resolve({ kind: 'notice', lang: 'en', text: 'done' }), 60)) },
    };
    const interaction = fakeInteraction({ commandName: 'stats' });
    await handleCommand(interaction, createResponder(interaction), slow, silentLogger);
    expect(interaction.calls.map((c) => c.method)).toEqual(['deferReply', 'editReply']);
  });

  it('answers a button this bot version did not make with a private "expired" note', async () => {
    const interaction = { ...fakeInteraction({ locale: 'en-US' }), customId: 'vote:x:1' };
    await handleButton(interaction, createResponder(interaction), context, silentLogger);
    expect(interaction.calls).toEqual([{ method: 'reply', options: expect.objectContaining({ content: USER_ERRORS.expired.en, flags: EPHEMERAL }) }]);
  });

  it('logs an unexpected failure with its context and apologizes privately, without the error text', async () => {
    const broken: HandlerContext = { ...context, dispatcher: { ...test.dispatcher, dispatch: async () => { throw new Error('SQLITE_FULL: database or disk is full'); } } };
    const interaction = fakeInteraction({ commandName: 'stats', locale: 'en-US' });
    const responder = createResponder(interaction);
    const lines: { level: string; fields: object; message?: string }[] = [];
    const log = recordingLogger(lines);
    await withErrorBoundary(log, () => handleCommand(interaction, responder, broken, log), () => responder.send(renderInternalError('en')));
    expect(lines).toEqual([{ level: 'error', fields: { err: expect.objectContaining({ message: 'SQLITE_FULL: database or disk is full' }) }, message: 'discord event failed' }]);
    expect(interaction.calls).toEqual([{ method: 'reply', options: expect.objectContaining({ content: USER_ERRORS.internal.en, flags: EPHEMERAL }) }]);
    expect(JSON.stringify(interaction.calls)).not.toContain('SQLITE');
  });

  it('logs, and does not throw, when even the apology cannot be sent', async () => {
    const lines: { level: string; fields: object; message?: string }[] = [];
    await withErrorBoundary(recordingLogger(lines), async () => { throw new Error('first'); }, async () => { throw new Error('Unknown interaction'); });
    expect(lines.map((l) => [l.level, l.message])).toEqual([['error', 'discord event failed'], ['warn', 'could not tell the user that something went wrong']]);
  });

  it('suggests articles for /source as the member types, at most 25', async () => {
    const responses: { name: string; value: string }[][] = [];
    const typing = (value: string, name = 'article') => ({
      ...fakeInteraction({ commandName: 'source' }),
      options: { getFocused: () => ({ name, value }) },
      respond: async (choices: { name: string; value: string }[]) => void responses.push(choices),
    });
    await handleAutocomplete(typing(''), test.dispatcher);
    await handleAutocomplete(typing('الكويت'), test.dispatcher);
    await handleAutocomplete(typing('الكويت', 'other'), test.dispatcher);
    expect(responses[0]).toHaveLength(5);
    expect(responses[1]!.length).toBeGreaterThan(0);
    expect(responses[1]!.length).toBeLessThan(5);
    for (const choice of responses[1]!) expect(choice.name).toContain('الكويت');
    expect(responses[2]).toEqual([]);
  });
});
