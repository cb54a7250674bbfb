import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TelegramClient } from 'telegram-test-api/lib/modules/telegramClient.js';
import type { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Adapter, AdapterStartError } from '../../../src/adapters/adapter.js';
import { createTelegramAdapter } from '../../../src/adapters/telegram/index.js';
import type { Dispatcher } from '../../../src/core/dispatch.js';
import { USER_ERRORS } from '../../../src/core/errors.js';
import type { Invocation } from '../../../src/core/invocation.js';
import { silentLogger } from '../../../src/core/logger.js';
import { MESSAGES } from '../../../src/present/catalogue.js';
import { type FakeBotApi, startFakeBotApi } from '../../support/fake-bot-api.js';
import { stubBot, stubDispatcher } from '../../support/stub-bot.js';
import { EMULATED_BOT, freePort, startEmulator } from './support/emulator.js';
import { createRecordingLogger } from './support/recording-logger.js';

/**
 * End to end: the real telegraf client, long polling the telegram-test-api
 * emulator through the local fake in front of it, all on 127.0.0.1.
 */

const TOKEN = '123456789:AAE_test-token-for-the-emulator-000000';
/** what the stub bot quotes for every question (test/support/stub-bot.ts) */
const QUOTED = 'بالتزامن مع مؤتمر اعادة إعمار العراق';
const ADMIN_ID = 7001;
// Telegram's real pacing (one message a second per chat) would only slow these tests down; sender.test.ts checks pacing
const FAST_PACE = { global: { burst: 30, intervalMs: 5 }, private: { burst: 5, intervalMs: 50 }, group: { burst: 5, intervalMs: 50 } };
/** The sender's waits (pacing, 429 retry_after), recorded instead of slept: no test waits out a real second. */
const waits: number[] = [];
const recordWait = async (ms: number) => void waits.push(ms);

interface BotMessage {
  chat_id: number | string;
  text: string;
  parse_mode?: string;
  link_preview_options?: { is_disabled?: boolean };
  reply_markup?: { inline_keyboard: { text: string; callback_data: string }[][] };
  reply_parameters?: { message_id: number };
}

/** The bot's messages to a client's chat, waiting until `count` have arrived. */
async function botMessages(client: TelegramClient, count = 1): Promise<BotMessage[]> {
  const messages: BotMessage[] = [];
  while (messages.length < count) {
    const updates = (await client.getUpdates()) as { result: { message: BotMessage; messageId: number }[] };
    messages.push(...updates.result.map((u) => ({ ...u.message, message_id: u.messageId })));
  }
  return messages;
}

/** Every answer quotes a passage and cites it: blockquote, then "— title · … · الفقرة n". */
function expectCitedAnswer(message: BotMessage, quoted: string): void {
  expect(message.parse_mode).toBe('HTML');
  expect(message.link_preview_options?.is_disabled).toBe(true);
  const quote = /<blockquote>([\s\S]*?)<\/blockquote>\n<i>— ([\s\S]*?)<\/i>/.exec(message.text);
  expect(quote, message.text).not.toBeNull();
  expect(message.text.replace(/<\/?b>/g, '')).toContain(quoted);
  expect(quote![2]).toMatch(/(الفقرة|paragraph) \u2066?\d+/);
}

function buttons(message: BotMessage): string[] {
  return (message.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.callback_data);
}

describe('the Telegram adapter against the Bot API emulator', () => {
  let emulator: TelegramServer;
  let fake: FakeBotApi;
  let adapter: Adapter;
  const logger = createRecordingLogger();
  /** what reached the core: questions asked and votes given */
  const asked: unknown[] = [];
  const votes: string[] = [];
  const FAILING_CHAT = 1666;
  let failed = false;

  beforeAll(async () => {
    emulator = await startEmulator();
    fake = await startFakeBotApi({ emulatorUrl: emulator.config.apiURL });
    const plain = stubBot();
    const bot = stubBot({
      ask: (question: unknown, ...rest: unknown[]) => {
        asked.push(question);
        return (plain.ask as (...args: unknown[]) => unknown)(question, ...rest);
      },
      feedback: (answerId: string, userId: string, _platform: string, vote: number) => {
        votes.push(`${answerId}:${userId}:${vote}`);
        return true;
      },
    });
    const core = stubDispatcher(bot);
    // one unexpected failure, for the error boundary's test
    const failingOnce: Dispatcher = Object.create(core, {
      dispatch: {
        value: (invocation: Invocation, extra?: Parameters<Dispatcher['dispatch']>[1]) => {
          if (invocation.chat.id === String(FAILING_CHAT) && !failed) {
            failed = true;
            return Promise.reject(new Error('the index exploded'));
          }
          return core.dispatch(invocation, extra);
        },
      },
    });
    adapter = createTelegramAdapter({
      dispatcher: failingOnce,
      bot,
      logger,
      hashUserIds: false,
      config: { token: TOKEN, adminIds: [String(ADMIN_ID)], apiRoot: fake.url },
      pace: FAST_PACE,
      sleep: recordWait,
    });
    await adapter.start();
  });

  afterAll(async () => {
    await adapter?.stop();
    await fake?.close();
    await emulator?.stop();
  });

  it('is ready once polling runs', () => {
    expect(adapter.isReady()).toBe(true);
  });

  it('publishes member commands to everyone and moderator commands to administrators, in English and Arabic', () => {
    const menus = fake.callsOf('setMyCommands');
    const names = (scope: string, language?: string) =>
      menus.find((m) => m.scope?.type === scope && m.language_code === language)?.commands.map((c: { command: string }) => c.command);
    expect(names('default')).toEqual(['ask', 'source', 'help', 'start']);
    expect(names('default', 'ar')).toEqual(['ask', 'source', 'help', 'start']);
    expect(names('all_chat_administrators')).toEqual(expect.arrayContaining(['ask', 'reload', 'stats', 'synonym', 'channels']));
    expect(
      menus.find((m) => m.scope?.type === 'chat' && m.scope.chat_id === ADMIN_ID && m.language_code === 'ar')?.commands,
    ).toContainEqual({
      command: 'reload',
      description: 'أعد تحميل المقالات والمرادفات من مجلد المدونة',
    });
  });

  describe('in a private chat', () => {
    const client = (chatId: number) => emulator.getClient(TOKEN, { chatId, userId: chatId, timeout: 5000 });
    /** Each test asks in its own chat: none depends on another's answer. */
    async function asked(chatId: number): Promise<BotMessage & { message_id: number }> {
      await client(chatId).sendMessage(
        client(chatId).makeMessage('متى عقد اجتماع التحالف في الكويت؟', { from: { language_code: 'ar' } } as never),
      );
      return (await botMessages(client(chatId)))[0] as BotMessage & { message_id: number };
    }

    it('answers any text as a question, quoting the passage and citing it, with buttons', async () => {
      const answer = await asked(1001);
      expectCitedAnswer(answer, QUOTED);
      expect(answer.text).toContain(MESSAGES.answeredIntro.ar);
      expect(answer.reply_parameters).toBeUndefined();
      const data = buttons(answer);
      expect(data).toEqual([
        expect.stringMatching(/^more:[\w-]+:1$/),
        expect.stringMatching(/^fb:[\w-]+:up$/),
        expect.stringMatching(/^fb:[\w-]+:down$/),
      ]);
      for (const d of data) expect(Buffer.byteLength(d)).toBeLessThanOrEqual(64);
    });

    it('sends the next passages when "more sources" is pressed, and answers the button', async () => {
      const answer = await asked(1005);
      const data = buttons(answer)[0]!;
      await client(1005).sendCallback(client(1005).makeCallbackQuery(data, { message: { message_id: answer.message_id } } as never));
      const [more] = await botMessages(client(1005));
      // answers speak the question's language, whatever the button presser's Telegram language
      expect(more!.text).toContain(MESSAGES.moreIntro.ar);
      expectCitedAnswer(more!, '');
      expect(buttons(more!)).toEqual([data.replace(/:1$/, ':2')]);
      const pressed = fake.delivered.find((u) => u.callback_query?.data === data)!;
      await fake.waitForCall('answerCallbackQuery', (p) => p.callback_query_id === pressed.callback_query.id);
    });

    it('records a 👍 in the store and thanks with a toast, not a message', async () => {
      const answer = await asked(1006);
      const up = buttons(answer).find((d) => d.endsWith(':up'))!;

      await client(1006).sendCallback(
        client(1006).makeCallbackQuery(up, { message: { message_id: answer.message_id }, from: { language_code: 'ar' } } as never),
      );
      const pressed = await waitFor(() => fake.delivered.find((u) => u.callback_query?.data === up));
      const toast = await fake.waitForCall('answerCallbackQuery', (p) => p.callback_query_id === pressed.callback_query.id);
      expect(toast.text).toBe(MESSAGES.feedbackThanks.ar);
      expect(votes).toContain('stub0001:1006:1');
    });

    it('asks for text when sent a sticker', async () => {
      const c = emulator.getClient(TOKEN, { chatId: 1004, userId: 1004, timeout: 5000 });
      await c.sendMessage(c.makeMessage(undefined as never, { sticker: { file_id: 'sticker-1', width: 512, height: 512 } } as never));
      const [reply] = await botMessages(c);
      expect(reply!.text).toBe(MESSAGES.rejected.unreadable.en);
    });

    it('still delivers the answer when Telegram answers 429: it waits retry_after and sends again', async () => {
      const c = emulator.getClient(TOKEN, { chatId: 1003, userId: 1003, timeout: 8000 });
      fake.failNext('sendMessage', 7);
      await c.sendMessage(c.makeMessage('كم دولة شاركت في اجتماع التحالف؟'));
      const [reply] = await botMessages(c);
      expectCitedAnswer(reply!, QUOTED);
      expect(waits).toContain(7000);
      const attempts = fake.calls.filter((call) => call.method === 'sendMessage' && call.payload.chat_id === 1003);
      expect(attempts.map((call) => call.status)).toEqual([429, 200]);
      expect(attempts[0]!.payload.text).toBe(attempts[1]!.payload.text);
    });
  });

  it('logs each update with platform, chat, user, command, update id and latency, and the question only at debug level', async () => {
    const c = emulator.getClient(TOKEN, { chatId: 1007, userId: 1007, timeout: 5000 });
    await c.sendMessage(c.makeMessage('كم دولة شاركت في اجتماع التحالف؟'));
    await botMessages(c);
    // the reply reaches the chat a moment before the adapter logs that it is done
    const handled = await waitFor(() => logger.entries.find((e) => e.message === 'update handled' && e.fields.chat === '1007'));
    expect(handled?.level).toBe('info');
    expect(handled?.fields).toMatchObject({
      platform: 'telegram',
      chat: '1007',
      user: '1007',
      command: 'ask',
      reply: 'answer',
      status: 'answered',
    });
    expect(handled?.fields.updateId).toEqual(expect.any(Number));
    expect(handled?.fields.latencyMs).toEqual(expect.any(Number));
    const question = 'كم دولة شاركت في اجتماع التحالف؟';
    const mentioning = logger.entries.filter((e) => JSON.stringify(e.fields).includes(question));
    expect(mentioning.length).toBeGreaterThan(0);
    expect(mentioning.every((e) => e.level === 'debug')).toBe(true);
  });

  it('answers an unexpected failure with a short apology, logs it with the update, and keeps serving', async () => {
    const client = emulator.getClient(TOKEN, { chatId: FAILING_CHAT, userId: FAILING_CHAT, timeout: 5000 });
    await client.sendMessage(client.makeMessage('كم دولة شاركت في اجتماع التحالف؟'));
    const [apology] = await botMessages(client);
    expect(apology!.text).toBe(`⚠️ ${USER_ERRORS.internal.en}`);
    const failure = logger.entries.find((e) => e.message === 'update failed');
    expect(failure).toMatchObject({ level: 'error', fields: { platform: 'telegram', chat: String(FAILING_CHAT), command: 'ask' } });
    expect((failure!.fields.err as Error).message).toBe('the index exploded');
    await client.sendMessage(client.makeMessage('كم دولة شاركت في اجتماع التحالف؟'));
    expectCitedAnswer((await botMessages(client))[0]!, QUOTED);
  });

  describe('in a group', () => {
    const GROUP = -100200;
    const client = (chatId = GROUP) => emulator.getClient(TOKEN, { type: 'group', chatId, userId: 2001, timeout: 5000 });

    it('answers a message that mentions the bot, as a reply to it, and ignores the chatter around it', async () => {
      await client().sendMessage(client().makeMessage('صباح الخير للجميع'));
      await client().sendMessage(client().makeMessage(`@${EMULATED_BOT.username} كم دولة شاركت في اجتماع التحالف؟`));
      const [reply] = await botMessages(client());
      expectCitedAnswer(reply!, QUOTED);
      const question = fake.delivered.find((u) => u.message?.chat.id === GROUP && u.message.text.startsWith('@'))!;
      expect(reply!.reply_parameters?.message_id).toBe(question.message.message_id);
      // silence is proven by the adapter's own record of the chatter, not by waiting a while
      const chatter = await waitFor(() =>
        fake.delivered.find((u) => u.message?.chat.id === GROUP && u.message.text === 'صباح الخير للجميع'),
      );
      const ignored = await waitFor(() =>
        logger.entries.find((e) => e.message === 'update ignored' && e.fields.updateId === chatter.update_id),
      );
      expect(ignored.fields.ignored).toBe('not_addressed');
      expect(fake.callsOf('sendMessage').filter((p) => p.chat_id === GROUP)).toHaveLength(1);
    });

    it('answers /ask@BotName, and a reply to one of its messages', async () => {
      const other = -100201;
      await client(other).sendCommand(client(other).makeCommand(`/ask@${EMULATED_BOT.username} متى عقد اجتماع التحالف في الكويت؟`));
      const [reply] = await botMessages(client(other));
      expectCitedAnswer(reply!, QUOTED);
      const ours = {
        message_id: (reply as BotMessage & { message_id: number }).message_id,
        from: { id: EMULATED_BOT.id, is_bot: true, first_name: 'Bot' },
      };
      await client(other).sendMessage(client(other).makeMessage('كم دولة شاركت في اجتماع التحالف؟', { reply_to_message: ours } as never));
      const [followUp] = await botMessages(client(other));
      expectCitedAnswer(followUp!, QUOTED);
    });
  });

  describe('moderator commands', () => {
    it('run for an operator id from TELEGRAM_ADMIN_IDS, with "typing…" while reloading', async () => {
      const admin = emulator.getClient(TOKEN, { chatId: ADMIN_ID, userId: ADMIN_ID, timeout: 8000 });
      await admin.sendCommand(admin.makeCommand('/reload'));
      const [reply] = await botMessages(admin);
      expect(reply!.text).toMatch(/^<b>Reload<\/b>\nReloaded: 5 → 5 articles/);
      expect(fake.callsOf('sendChatAction')).toContainEqual(expect.objectContaining({ chat_id: ADMIN_ID, action: 'typing' }));
    });

    it('are refused to a member of a private chat', async () => {
      const member = emulator.getClient(TOKEN, { chatId: 1002, userId: 1002, timeout: 5000 });
      await member.sendCommand(member.makeCommand('/reload'));
      const [reply] = await botMessages(member);
      expect(reply!.text).toBe(`⚠️ ${USER_ERRORS.not_allowed.en}`);
    });

    it('run for a group administrator (getChatMember) and are refused to a group member', async () => {
      const GROUP = -100300;
      fake.memberStatus.set(`${GROUP}:4001`, 'administrator');
      const adminClient = emulator.getClient(TOKEN, { type: 'supergroup', chatId: GROUP, userId: 4001, timeout: 5000 });
      const memberClient = emulator.getClient(TOKEN, { type: 'supergroup', chatId: GROUP, userId: 4002, timeout: 5000 });
      await adminClient.sendCommand(adminClient.makeCommand(`/stats@${EMULATED_BOT.username}`));
      const [stats] = await botMessages(adminClient);
      expect(stats!.text).toContain('<b>Statistics</b>');
      await memberClient.sendCommand(memberClient.makeCommand(`/stats@${EMULATED_BOT.username}`));
      const [refusal] = await botMessages(memberClient);
      expect(refusal!.text).toBe(`⚠️ ${USER_ERRORS.not_allowed.en}`);
      expect(fake.callsOf('getChatMember').map((p) => p.user_id)).toEqual(expect.arrayContaining([4001, 4002]));
    });
  });

  describe('inline mode', () => {
    const from = { id: 3001, is_bot: false, first_name: 'Inline', language_code: 'ar' };

    it('offers one article per cited passage, each inserting the quote and its citation', async () => {
      fake.deliver({
        update_id: 900_001,
        inline_query: { id: 'inline-1', from, query: 'متى عقد اجتماع التحالف في الكويت؟', offset: '', chat_type: 'supergroup' },
      });
      const answer = await fake.waitForCall('answerInlineQuery', (p) => p.inline_query_id === 'inline-1');
      expect(answer.results.length).toBeGreaterThanOrEqual(1);
      for (const result of answer.results) {
        expect(result.type).toBe('article');
        expect(result.title).toMatch(/الفقرة \d+/);
        expectCitedAnswer({ chat_id: 0, ...result.input_message_content, text: result.input_message_content.message_text }, '');
      }
      expect(answer.results[0].input_message_content.message_text.replace(/<\/?b>/g, '')).toContain(QUOTED);
    });

    it('answers an empty query with no results, without asking the core', async () => {
      const before = asked.length;
      fake.deliver({ update_id: 900_002, inline_query: { id: 'inline-2', from, query: '  ', offset: '' } });
      const answer = await fake.waitForCall('answerInlineQuery', (p) => p.inline_query_id === 'inline-2');
      expect(answer.results).toEqual([]);
      expect(asked).toHaveLength(before);
    });
  });
});

async function waitFor<T>(find: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('starting the Telegram adapter', () => {
  let emulator: TelegramServer;
  const bot = stubBot();

  beforeAll(async () => {
    emulator = await startEmulator();
  });

  afterAll(async () => {
    await emulator?.stop();
  });

  function adapterFor(
    config: Parameters<typeof createTelegramAdapter>[0]['config'],
    extra: { webhookHost?: string; startTimeoutMs?: number } = {},
  ): Adapter {
    return createTelegramAdapter({
      dispatcher: stubDispatcher(bot),
      bot,
      logger: silentLogger,
      hashUserIds: false,
      config,
      pace: FAST_PACE,
      ...extra,
    });
  }

  it('fails with one line saying to copy the token again when the Bot API answers 401', async () => {
    const fake = await startFakeBotApi({ emulatorUrl: emulator.config.apiURL, validTokens: ['999:another-token'] });
    try {
      const adapter = adapterFor({ token: TOKEN, adminIds: [], apiRoot: fake.url });
      const failure = await adapter.start().then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(AdapterStartError);
      expect((failure as Error).message).toBe(
        'telegram: the token was rejected (401 Unauthorized) — copy it again from @BotFather into TELEGRAM_BOT_TOKEN',
      );
      expect(adapter.isReady()).toBe(false);
    } finally {
      await fake.close();
    }
  });

  it('fails with one line naming the API root when nothing answers there', async () => {
    const apiRoot = `http://127.0.0.1:${await freePort()}`;
    const adapter = adapterFor({ token: TOKEN, adminIds: [], apiRoot });
    const failure = await adapter.start().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(AdapterStartError);
    expect((failure as Error).message).toBe(
      `telegram: cannot reach the Bot API at ${apiRoot} (ECONNREFUSED) — check the network, or TELEGRAM_API_ROOT if you set it`,
    );
    expect((failure as Error).message).not.toContain(TOKEN);
  });

  it('fails with one line, in bounded time, when the API root accepts connections but never answers', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const apiRoot = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    try {
      const adapter = adapterFor({ token: TOKEN, adminIds: [], apiRoot }, { startTimeoutMs: 300 });
      const failure = await adapter.start().then(
        () => undefined,
        (error: unknown) => error,
      );
      expect((failure as Error).message).toBe(
        `telegram: no answer from the Bot API at ${apiRoot} within 0.3 s — check the network, or TELEGRAM_API_ROOT if you set it`,
      );
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('fails with one line when the webhook port is taken, leaving nothing open', async () => {
    const fake = await startFakeBotApi({ emulatorUrl: emulator.config.apiURL });
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const adapter = adapterFor(
        { token: TOKEN, adminIds: [], apiRoot: fake.url, webhook: { url: 'https://bot.example.org/hook', port } },
        { webhookHost: '127.0.0.1' },
      );
      const failure = await adapter.start().then(
        () => undefined,
        (error: unknown) => error,
      );
      expect((failure as Error).message).toBe(
        `telegram: cannot listen for the webhook on port ${port} (EADDRINUSE) — free the port or set TELEGRAM_WEBHOOK_PORT`,
      );
      expect(adapter.isReady()).toBe(false);
      expect(fake.callsOf('setWebhook')).toEqual([]);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
      await fake.close();
    }
  });

  describe('in webhook mode', () => {
    const SECRET = 'e2e-webhook-secret';
    let fake: FakeBotApi;
    let adapter: Adapter;
    let hook: string;

    beforeAll(async () => {
      fake = await startFakeBotApi({ emulatorUrl: emulator.config.apiURL });
      const port = await freePort();
      hook = `http://127.0.0.1:${port}/telegram/hook`;
      adapter = adapterFor(
        { token: TOKEN, adminIds: [], apiRoot: fake.url, webhook: { url: 'https://bot.example.org/telegram/hook', secret: SECRET, port } },
        { webhookHost: '127.0.0.1' },
      );
      await adapter.start();
    });

    afterAll(async () => {
      await adapter?.stop();
      await fake?.close();
    });

    const update = (chatId: number, text: string) => ({
      update_id: 1,
      message: {
        message_id: 1,
        date: Math.floor(Date.now() / 1000),
        chat: { id: chatId, type: 'private' },
        from: { id: chatId, is_bot: false, first_name: 'W' },
        text,
      },
    });
    const post = (body: object, secret?: string) =>
      fetch(hook, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
        body: JSON.stringify(body),
      });

    it('registers the public URL and the secret with setWebhook instead of polling', () => {
      expect(adapter.isReady()).toBe(true);
      expect(fake.callsOf('setWebhook')).toEqual([
        expect.objectContaining({ url: 'https://bot.example.org/telegram/hook', secret_token: SECRET }),
      ]);
      expect(fake.callsOf('getUpdates')).toEqual([]);
    });

    it('refuses updates without the secret-token header, or with a wrong one', async () => {
      expect((await post(update(1101, 'كم دولة شاركت في اجتماع التحالف؟'))).status).toBe(403);
      expect((await post(update(1101, 'كم دولة شاركت في اجتماع التحالف؟'), 'guessed')).status).toBe(403);
      expect(fake.callsOf('sendMessage')).toEqual([]);
    });

    it('answers an update that carries the secret', async () => {
      expect((await post(update(1102, 'كم دولة شاركت في اجتماع التحالف؟'), SECRET)).status).toBe(200);
      const [reply] = await botMessages(emulator.getClient(TOKEN, { chatId: 1102, userId: 1102, timeout: 5000 }));
      expectCitedAnswer(reply!, QUOTED);
    });

    it('closes the webhook port on stop and is no longer ready', async () => {
      await adapter.stop();
      expect(adapter.isReady()).toBe(false);
      await expect(post(update(1103, 'كم دولة شاركت في اجتماع التحالف؟'), SECRET)).rejects.toThrow();
    });
  });
});
