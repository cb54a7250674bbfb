/**
 * A burst of questions with the default rate limits on, through the real
 * clients against loopback fakes: API calls are counted. Discord gets one
 * call per question (an answer, or a private note for a member over the
 * limit — nothing public, no "thinking…" first); Telegram sends a member over
 * the limit one notice, not one per refused question.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { USER_ERRORS } from '../../src/core/errors.js';
import { MESSAGES } from '../../src/present/catalogue.js';
import { FAKE_TOKEN, type RecordedRequest, startFakeDiscord, USERS } from '../adapters/discord/fake-discord.js';
import { slashCommand, stringOption } from '../adapters/discord/fake-events.js';
import { startEmulator } from '../adapters/telegram/support/emulator.js';
import { startFakeBotApi } from '../support/fake-bot-api.js';
import { recordedApp } from './support/recorded-app.js';

const QUESTION = 'متى عقد اجتماع التحالف في الكويت؟';
const EPHEMERAL = 64;

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('a burst on Discord with the default limits (5 a minute per member, 20 per channel)', () => {
  it('costs one API call per question: 20 answers and 20 private notes, nothing deferred, deleted or edited', async () => {
    const fake = await startFakeDiscord();
    const running = recordedApp({ DISCORD_TOKEN: FAKE_TOKEN, DISCORD_REST_API: fake.restApi });
    cleanups.push(
      () => fake.close(),
      () => running.dispose(),
    );
    await running.app.start();
    const before = fake.requests.length;

    const asks = Array.from({ length: 40 }, (_, i) => {
      const ask = slashCommand(fake, 'ask', [stringOption('question', QUESTION)], 'member', 'ar');
      const id = `14000000000000001${String(i % 4).padStart(2, '0')}`;
      return { ...ask, member: { ...ask.member, user: { ...USERS.member, id, username: `member${i % 4}` } } };
    });
    for (const ask of asks) fake.dispatch('INTERACTION_CREATE', ask);
    const callbackOf = (token: string) => (r: RecordedRequest) => r.path.includes(token);
    await vi.waitFor(() => expect(asks.every((a) => fake.requests.some(callbackOf(a.token)))).toBe(true), { timeout: 20_000 });
    await running.app.stop();

    const calls = fake.requests.slice(before);
    expect(calls).toHaveLength(40);
    expect(calls.every((r) => r.method === 'POST' && r.body.type === 4)).toBe(true);
    const answers = calls.filter((r) => r.body.data.content === MESSAGES.answeredIntro.ar);
    const notes = calls.filter((r) => r.body.data.content === USER_ERRORS.rate_limited.ar);
    expect(answers).toHaveLength(20);
    expect(answers.every((r) => !((r.body.data.flags ?? 0) & EPHEMERAL))).toBe(true);
    expect(notes).toHaveLength(20);
    expect(notes.every((r) => r.body.data.flags & EPHEMERAL)).toBe(true);
  }, 40_000);
});

describe('a burst on Telegram with the default limits', () => {
  it('answers what the limit allows and tells a member over it once, without a queue of notices', async () => {
    const emulator = await startEmulator();
    const fake = await startFakeBotApi({ emulatorUrl: emulator.config.apiURL });
    const running = recordedApp({ TELEGRAM_BOT_TOKEN: '123456789:AAE_test-token-for-the-emulator-000000', TELEGRAM_API_ROOT: fake.url });
    cleanups.push(
      () => emulator.stop(),
      () => fake.close(),
      () => running.dispose(),
    );
    await running.app.start();

    const CHAT = 7100;
    for (let i = 0; i < 10; i++) {
      fake.deliver({
        update_id: 700_000 + i,
        message: {
          message_id: 100 + i,
          date: Math.floor(Date.now() / 1000),
          chat: { id: CHAT, type: 'private' },
          from: { id: CHAT, is_bot: false, first_name: 'T', language_code: 'ar' },
          text: QUESTION,
        },
      });
    }
    await vi.waitFor(() => expect(running.logs().filter((l) => l.msg === 'update handled')).toHaveLength(10), { timeout: 20_000 });
    await running.app.stop();

    const sent = fake.calls.filter((c) => c.method === 'sendMessage' && c.payload.chat_id === CHAT).map((c) => String(c.payload.text));
    expect(sent.filter((t) => t.includes(MESSAGES.answeredIntro.ar))).toHaveLength(5);
    expect(sent.filter((t) => t.includes(USER_ERRORS.rate_limited.ar))).toHaveLength(1);
    expect(sent).toHaveLength(6);
  }, 40_000);
});
