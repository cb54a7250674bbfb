/**
 * SIGTERM with questions in flight (app.stop(), which main.ts calls on the
 * signal), through the real discord.js and telegraf clients against fakes of
 * the platforms on loopback: every question handed over ends in its answer or
 * in "restarting, ask again"; none is lost.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { USER_ERRORS } from '../../src/core/errors.js';
import { MESSAGES } from '../../src/present/catalogue.js';
import { FAKE_TOKEN, type FakeDiscord, type RecordedRequest, startFakeDiscord } from '../adapters/discord/fake-discord.js';
import { slashCommand, stringOption } from '../adapters/discord/fake-events.js';
import { startEmulator } from '../adapters/telegram/support/emulator.js';
import { type FakeBotApi, startFakeBotApi } from '../support/fake-bot-api.js';
import { type RecordedApp, recordedApp } from './support/recorded-app.js';

const QUESTION = 'متى عقد اجتماع التحالف في الكويت؟';
const EPHEMERAL = 64;
const TELEGRAM_TOKEN = '123456789:AAE_test-token-for-the-emulator-000000';

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function shutdownLog(running: RecordedApp): Record<string, any> {
  const line = running.logs().find((l) => String(l.msg).startsWith('shutdown: '));
  if (!line) throw new Error('no shutdown summary in the log');
  return line;
}

describe('SIGTERM with questions in flight on Discord', () => {
  let fake: FakeDiscord;

  async function discordApp(shutdownTimeoutMs: number): Promise<RecordedApp> {
    fake = await startFakeDiscord();
    const running = recordedApp({
      DISCORD_TOKEN: FAKE_TOKEN,
      DISCORD_REST_API: fake.restApi,
      SHUTDOWN_TIMEOUT_MS: String(shutdownTimeoutMs),
      RATE_LIMIT_USER: '0',
      RATE_LIMIT_CHANNEL: '0',
    });
    cleanups.push(
      () => fake.close(),
      () => running.dispose(),
    );
    await running.app.start();
    return running;
  }

  const callbackOf = (id: string) => (r: RecordedRequest) => r.method === 'POST' && r.path.startsWith(`/interactions/${id}/`);

  it('answers every question taken before the signal, and tells the ones that arrive after it to ask again', async () => {
    const running = await discordApp(10_000);
    const asks = Array.from({ length: 20 }, () => slashCommand(fake, 'ask', [stringOption('question', QUESTION)], 'member', 'ar'));
    const ids = new Set(asks.map((a) => a.id));
    // Discord is slow to take the replies: each is still on its way when the signal comes
    const slow = fake.hold((r) => [...ids].some((id) => callbackOf(id)(r)));
    for (const ask of asks) fake.dispatch('INTERACTION_CREATE', ask);
    await vi.waitFor(() => expect(fake.requests.filter((r) => [...ids].some((id) => callbackOf(id)(r)))).toHaveLength(20), {
      timeout: 10_000,
    });

    const stopped = running.app.stop();
    expect(running.app.readiness()).toMatchObject({ ready: false, checks: { accepting: false } });
    const late = Array.from({ length: 3 }, () => slashCommand(fake, 'ask', [stringOption('question', QUESTION)], 'member', 'en-US'));
    for (const ask of late) fake.dispatch('INTERACTION_CREATE', ask);
    const refusals = await Promise.all(late.map((ask) => fake.waitForRequest(callbackOf(ask.id))));
    slow.release();
    await stopped;

    for (const ask of asks) {
      const replies = fake.requests.filter((r) => r.path.includes(ask.token));
      expect(replies).toHaveLength(1);
      expect(replies[0]!.body).toMatchObject({ type: 4, data: { content: MESSAGES.answeredIntro.ar } });
    }
    for (const refusal of refusals)
      expect(refusal.body).toMatchObject({ type: 4, data: { content: USER_ERRORS.unavailable.en, flags: EPHEMERAL } });
    expect(shutdownLog(running)).toMatchObject({ finished: 20, told: 0, unreached: 0, refused: 3 });
  });

  it('tells a question it cannot wait for to ask again, in the message that said "thinking…"', async () => {
    const running = await discordApp(0);
    // a moderator's /reload is slow work: deferred at once; Discord holds the deferral
    const reload = slashCommand(fake, 'reload', [], 'moderator', 'ar');
    const asks = Array.from({ length: 5 }, () => slashCommand(fake, 'ask', [stringOption('question', QUESTION)], 'member', 'ar'));
    const held = new Set([reload, ...asks].map((i) => i.id));
    const slow = fake.hold((r) => [...held].some((id) => callbackOf(id)(r)));
    for (const interaction of [reload, ...asks]) fake.dispatch('INTERACTION_CREATE', interaction);
    await vi.waitFor(() => expect(fake.requests.filter((r) => [...held].some((id) => callbackOf(id)(r)))).toHaveLength(6), {
      timeout: 10_000,
    });

    const stopped = running.app.stop();
    // SHUTDOWN_TIMEOUT_MS=0: nothing is waited for; telling starts at once
    await vi.waitFor(() => expect(running.app.dispatcher.inFlight).toBe(0), { timeout: 5000 });
    slow.release();
    await stopped;

    const reloadCalls = fake.requests.filter((r) => r.path.includes(reload.token));
    expect(reloadCalls.map((r) => [r.method, r.body?.type])).toEqual([
      ['POST', 5],
      ['PATCH', undefined],
    ]);
    expect(reloadCalls[1]!.body.content).toBe(USER_ERRORS.unavailable.ar);
    // the answers already on their way were let through, not contradicted
    for (const ask of asks) expect(fake.requests.filter((r) => r.path.includes(ask.token)).map((r) => r.body?.type)).toEqual([4]);
    expect(shutdownLog(running)).toMatchObject({ finished: 5, told: 1, unreached: 0 });
  });
});

describe('SIGTERM with questions in flight on Telegram', () => {
  let fake: FakeBotApi;

  async function telegramApp(shutdownTimeoutMs: number): Promise<RecordedApp> {
    const emulator = await startEmulator();
    fake = await startFakeBotApi({ emulatorUrl: emulator.config.apiURL });
    const running = recordedApp({
      TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
      TELEGRAM_API_ROOT: fake.url,
      SHUTDOWN_TIMEOUT_MS: String(shutdownTimeoutMs),
      RATE_LIMIT_USER: '0',
      RATE_LIMIT_CHANNEL: '0',
    });
    cleanups.push(
      () => emulator.stop(),
      () => fake.close(),
      () => running.dispose(),
    );
    await running.app.start();
    return running;
  }

  let nextUpdate = 800_000;
  const message = (chatId: number, text: string) => ({
    update_id: nextUpdate++,
    message: {
      message_id: nextUpdate,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: 'private' },
      from: { id: chatId, is_bot: false, first_name: 'T', language_code: 'ar' },
      text,
    },
  });
  const sentTo = (chatId: number) =>
    fake.calls
      .filter((c) => c.method === 'sendMessage' && c.payload.chat_id === chatId && c.status === 200)
      .map((c) => String(c.payload.text));
  const receivedSends = () => fake.received.filter((c) => c.method === 'sendMessage').length;

  it('sends every answer under way when the signal comes, and stops fetching updates', async () => {
    const running = await telegramApp(10_000);
    const chats = Array.from({ length: 10 }, (_, i) => 5000 + i);
    const slow = fake.hold('sendMessage');
    for (const chat of chats) fake.deliver(message(chat, QUESTION));
    await vi.waitFor(() => expect(receivedSends()).toBe(10), { timeout: 10_000 });

    const stopped = running.app.stop();
    await vi.waitFor(() => expect(running.app.adapters[0]!.isReady()).toBe(false), { timeout: 5000 });
    const polls = fake.received.filter((c) => c.method === 'getUpdates').length;
    slow.release();
    await stopped;

    for (const chat of chats) {
      expect(sentTo(chat)).toHaveLength(1);
      expect(sentTo(chat)[0]).toContain(MESSAGES.answeredIntro.ar);
    }
    expect(shutdownLog(running)).toMatchObject({ finished: 10, told: 0, unreached: 0 });
    expect(fake.received.filter((c) => c.method === 'getUpdates').length).toBe(polls);
  });

  it('tells the asker whose answers still wait for their turn in the chat queue to ask again, at once', async () => {
    const running = await telegramApp(0);
    const CHAT = 6001;
    const slow = fake.hold('sendMessage', (p) => p.text !== `⚠️ ${USER_ERRORS.unavailable.ar}`);
    for (let i = 0; i < 5; i++) fake.deliver(message(CHAT, QUESTION));
    // a chat's messages go out one after the other: the first is on its way, four wait their turn
    await vi.waitFor(() => expect(receivedSends()).toBe(1), { timeout: 10_000 });
    await vi.waitFor(() => expect(running.logs().filter((l) => l.msg === 'question')).toHaveLength(5), { timeout: 10_000 });
    const stopped = running.app.stop();
    await vi.waitFor(() => expect(running.app.dispatcher.inFlight).toBe(0), { timeout: 5000 });
    slow.release();
    await stopped;

    const sent = sentTo(CHAT);
    expect(sent.filter((t) => t.includes(MESSAGES.answeredIntro.ar))).toHaveLength(1);
    expect(sent.filter((t) => t === `⚠️ ${USER_ERRORS.unavailable.ar}`)).toHaveLength(4);
    expect(sent).toHaveLength(5);
    expect(shutdownLog(running)).toMatchObject({ finished: 1, told: 4, unreached: 0 });
  });
});
