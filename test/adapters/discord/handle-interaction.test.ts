import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { withErrorBoundary } from '../../../src/adapters/discord/error-boundary.js';
import { type HandlerContext, handleAutocomplete, handleButton, handleCommand } from '../../../src/adapters/discord/handle-interaction.js';
import type { CommandInteractionLike } from '../../../src/adapters/discord/invocation.js';
import { renderInternalError } from '../../../src/adapters/discord/render.js';
import { createResponder, type RespondableInteraction } from '../../../src/adapters/discord/responder.js';
import { USER_ERRORS } from '../../../src/core/errors.js';
import { type Logger, silentLogger } from '../../../src/core/logger.js';
import { NoticeWindow } from '../../../src/core/notice-window.js';
import type { Reply } from '../../../src/core/reply.js';
import { STUB_PASSAGE, stubBot, stubDispatcher } from '../../support/stub-bot.js';

const QUESTION = 'كم دولة شاركت في اجتماع التحالف؟';
const EPHEMERAL = 64;

type Call = { method: string; options?: any };

function fakeInteraction(
  overrides: Partial<CommandInteractionLike> = {},
): CommandInteractionLike & RespondableInteraction & { calls: Call[] } {
  const calls: Call[] = [];
  const record = (method: string) => async (options?: unknown) => {
    calls.push({ method, options });
  };
  return {
    calls,
    id: '9001',
    locale: 'ar',
    guildId: '42',
    channelId: '7',
    channel: { isThread: () => false },
    user: { id: 'u1', username: 'layla' },
    memberPermissions: { has: () => false },
    commandName: 'ask',
    options: { data: [] },
    deferReply: record('deferReply'),
    reply: record('reply'),
    editReply: record('editReply'),
    deleteReply: record('deleteReply'),
    followUp: record('followUp'),
    ...overrides,
  };
}

function recordingLogger(lines: { level: string; fields: object; message?: string }[]): Logger {
  const at = (level: string) => (first: object | string, message?: string) =>
    lines.push(typeof first === 'string' ? { level, fields: {}, message: first } : { level, fields: first, message });
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: () => logger };
  return logger;
}

/** Each test gets its own: the real dispatcher and commands over a bot that always cites the same passage. */
function handlerContext(overrides: Partial<HandlerContext> = {}): HandlerContext {
  return { dispatcher: stubDispatcher(), deferAfterMs: 2000, rateNotices: new NoticeWindow(30_000), ...overrides };
}

describe('handling slash commands and buttons', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('replies to a fast /ask at once with the cited passages', async () => {
    const interaction = fakeInteraction({
      options: { data: [{ name: 'question', type: ApplicationCommandOptionType.String, value: QUESTION }] },
    });
    await handleCommand(interaction, createResponder(interaction), handlerContext(), silentLogger);
    expect(interaction.calls.map((c) => c.method)).toEqual(['reply']);
    const { embeds } = interaction.calls[0]!.options;
    expect(embeds).toHaveLength(1);
    expect(embeds[0].description.replace(/\*\*|__|[\u2066-\u2069]/g, '')).toBe(STUB_PASSAGE.text);
  });

  it('shows a member /help without moderator commands or commands Discord does not offer', async () => {
    const interaction = fakeInteraction({ commandName: 'help', locale: 'en-US' });
    await handleCommand(interaction, createResponder(interaction), handlerContext(), silentLogger);
    const names = interaction.calls[0]!.options.embeds[0].fields.map((f: { name: string }) => f.name);
    expect(names).toEqual(['/ask', '/source', '/help']);
  });

  it('shows a moderator /help with the moderator commands marked', async () => {
    const interaction = fakeInteraction({
      commandName: 'help',
      locale: 'en-US',
      memberPermissions: { has: (bit) => bit === PermissionFlagsBits.ManageGuild },
    });
    await handleCommand(interaction, createResponder(interaction), handlerContext(), silentLogger);
    const names = interaction.calls[0]!.options.embeds[0].fields.map((f: { name: string }) => f.name);
    expect(names).toContain('/reload · moderators');
    expect(names).not.toContain('/start');
  });

  it('defers a command whose reply is late, at the deadline, so the interaction does not expire', async () => {
    vi.useFakeTimers();
    const base = handlerContext();
    const late: HandlerContext = {
      ...base,
      dispatcher: {
        ...base.dispatcher,
        dispatch: () => new Promise<Reply>((resolve) => setTimeout(() => resolve({ kind: 'notice', lang: 'en', text: 'done' }), 5000)),
      },
    };
    const interaction = fakeInteraction({ commandName: 'help' });
    const handled = handleCommand(interaction, createResponder(interaction), late, silentLogger);
    await vi.advanceTimersByTimeAsync(1999);
    expect(interaction.calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(interaction.calls.map((c) => c.method)).toEqual(['deferReply']);
    await vi.advanceTimersByTimeAsync(3000);
    await handled;
    expect(interaction.calls.map((c) => c.method)).toEqual(['deferReply', 'editReply']);
  });

  it('tells a rate-limited member privately, in one call, with nothing public', async () => {
    const limitedContext = handlerContext({ dispatcher: stubDispatcher(stubBot(), { rateLimit: 1 }) });
    const ask = () =>
      fakeInteraction({ options: { data: [{ name: 'question', type: ApplicationCommandOptionType.String, value: QUESTION }] } });
    const first = ask();
    await handleCommand(first, createResponder(first), limitedContext, silentLogger);
    const refused = ask();
    await handleCommand(refused, createResponder(refused), limitedContext, silentLogger);
    expect(refused.calls).toEqual([
      { method: 'reply', options: expect.objectContaining({ content: USER_ERRORS.rate_limited.ar, flags: EPHEMERAL }) },
    ]);
  });

  it('defers a command declared slow at once, but not when the member may not run it', async () => {
    const moderator = fakeInteraction({
      commandName: 'reload',
      locale: 'en-US',
      memberPermissions: { has: (bit) => bit === PermissionFlagsBits.ManageGuild },
    });
    const reload = async () => ({
      swapped: true,
      before: { articles: 5, passages: 70, synonymGroups: 0 },
      after: { articles: 5, passages: 70, synonymGroups: 0 },
      problems: [],
      ms: 3,
    });
    const bot = stubBot({ reloadEverywhere: reload });
    await handleCommand(moderator, createResponder(moderator), handlerContext({ dispatcher: stubDispatcher(bot) }), silentLogger);
    expect(moderator.calls.map((c) => c.method)).toEqual(['deferReply', 'editReply']);
    const member = fakeInteraction({ commandName: 'reload', locale: 'en-US' });
    await handleCommand(member, createResponder(member), handlerContext(), silentLogger);
    expect(member.calls).toEqual([
      { method: 'reply', options: expect.objectContaining({ content: USER_ERRORS.not_allowed.en, flags: EPHEMERAL }) },
    ]);
  });

  it('answers a button this bot version did not make with a private "expired" note', async () => {
    const interaction = { ...fakeInteraction({ locale: 'en-US' }), customId: 'vote:x:1' };
    await handleButton(interaction, createResponder(interaction), handlerContext(), silentLogger);
    expect(interaction.calls).toEqual([
      { method: 'reply', options: expect.objectContaining({ content: USER_ERRORS.expired.en, flags: EPHEMERAL }) },
    ]);
  });

  it('logs an unexpected failure with its context and apologizes privately, without the error text', async () => {
    const base = handlerContext();
    const broken: HandlerContext = {
      ...base,
      dispatcher: {
        ...base.dispatcher,
        dispatch: async () => {
          throw new Error('SQLITE_FULL: database or disk is full');
        },
      },
    };
    const interaction = fakeInteraction({ commandName: 'stats', locale: 'en-US' });
    const responder = createResponder(interaction);
    const lines: { level: string; fields: object; message?: string }[] = [];
    const log = recordingLogger(lines);
    await withErrorBoundary(
      log,
      () => handleCommand(interaction, responder, broken, log),
      () => responder.send(renderInternalError('en')),
    );
    expect(lines).toEqual([
      {
        level: 'error',
        fields: { err: expect.objectContaining({ message: 'SQLITE_FULL: database or disk is full' }) },
        message: 'discord event failed',
      },
    ]);
    expect(interaction.calls).toEqual([
      { method: 'reply', options: expect.objectContaining({ content: USER_ERRORS.internal.en, flags: EPHEMERAL }) },
    ]);
    expect(JSON.stringify(interaction.calls)).not.toContain('SQLITE');
  });

  it('logs, and does not throw, when even the apology cannot be sent', async () => {
    const lines: { level: string; fields: object; message?: string }[] = [];
    await withErrorBoundary(
      recordingLogger(lines),
      async () => {
        throw new Error('first');
      },
      async () => {
        throw new Error('Unknown interaction');
      },
    );
    expect(lines.map((l) => [l.level, l.message])).toEqual([
      ['error', 'discord event failed'],
      ['warn', 'could not tell the user that something went wrong'],
    ]);
  });

  it("suggests articles for /source as the member types, through the dispatcher's channel check", async () => {
    const responses: { name: string; value: string }[][] = [];
    const typing = (value: string, name = 'article') => ({
      ...fakeInteraction({ commandName: 'source' }),
      options: { getFocused: () => ({ name, value }) },
      respond: async (choices: { name: string; value: string }[]) => void responses.push(choices),
    });
    const { dispatcher } = handlerContext();
    await handleAutocomplete(typing(''), dispatcher);
    await handleAutocomplete(typing('الكويت'), dispatcher);
    await handleAutocomplete(typing('الكويت', 'other'), dispatcher);
    await handleAutocomplete(typing(''), stubDispatcher(stubBot({ channelOpen: () => false })));
    expect(responses[0]!.map((c) => c.value)).toEqual(['000_ef08b0032887354d', '001_aa']);
    expect(responses[1]).toHaveLength(1);
    expect(responses[1]![0]!.name.replace(/[\u2066-\u2069]/g, '')).toBe(
      'الكويت 13 فبراير 2018 / أكدت دول التحالف الدولي ضد داعش · 2018-02-13',
    );
    expect(responses[2]).toEqual([]);
    expect(responses[3]).toEqual([]);
  });
});
