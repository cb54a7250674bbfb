import { USER_ERRORS } from '../../src/core/errors.js';
import { FAKE_TOKEN, startFakeDiscord } from '../../test/adapters/discord/fake-discord.js';
import { slashCommand, stringOption } from '../../test/adapters/discord/fake-events.js';
import { startEmulator } from '../../test/adapters/telegram/support/emulator.js';
import { startFakeBotApi } from '../../test/support/fake-bot-api.js';
import { finalContentOf, type LoadApp, loadApp, sleep } from './support.js';

export interface ShutdownResult {
  scenario: string;
  inFlight: number;
  answered: number;
  told: number;
  silent: number;
  stopMs: number;
}

const QUESTION = 'متى عقد اجتماع التحالف في الكويت؟';

/**
 * Once `count` questions are in flight, SIGTERM (app.stop(), as main.ts on the
 * signal) while the platform still holds their replies for `holdMs`; how long the stop took.
 */
async function stopWhileHeld(running: LoadApp, count: number, holdMs: number, held: { release(): void }): Promise<number> {
  while (running.app.dispatcher.inFlight < count) await sleep(5);
  const started = performance.now();
  const stopped = running.app.stop();
  await sleep(holdMs);
  held.release();
  await stopped;
  return performance.now() - started;
}

/**
 * `count` questions in flight on Discord — each reply held by a slow Discord
 * for `holdMs` — then SIGTERM (app.stop(), as main.ts on the signal).
 */
export async function discordShutdown(options: {
  count: number;
  holdMs: number;
  shutdownTimeoutMs: number;
  slowCommands?: number;
}): Promise<ShutdownResult> {
  const fake = await startFakeDiscord();
  const running = loadApp({
    DISCORD_TOKEN: FAKE_TOKEN,
    DISCORD_REST_API: fake.restApi,
    SHUTDOWN_TIMEOUT_MS: String(options.shutdownTimeoutMs),
    RATE_LIMIT_USER: '0',
    RATE_LIMIT_CHANNEL: '0',
  });
  try {
    await running.app.start();
    const slow = options.slowCommands ?? 0;
    const interactions = [
      ...Array.from({ length: slow }, () => slashCommand(fake, 'reload', [], 'moderator', 'ar')),
      ...Array.from({ length: options.count - slow }, () =>
        slashCommand(fake, 'ask', [stringOption('question', QUESTION)], 'member', 'ar'),
      ),
    ];
    const tokens = new Set(interactions.map((i) => i.token));
    const held = fake.hold((r) => [...tokens].some((t) => r.path.includes(t)));
    for (const interaction of interactions) fake.dispatch('INTERACTION_CREATE', interaction);
    const stopMs = await stopWhileHeld(running, interactions.length, options.holdMs, held);
    return { scenario: '', inFlight: interactions.length, stopMs, ...outcomes([...tokens], (t) => finalContentOf(fake.requests, t)?.body) };
  } finally {
    await running.dispose();
    await fake.close();
  }
}

function outcomes<T>(keys: readonly T[], finalBody: (key: T) => any): { answered: number; told: number; silent: number } {
  let answered = 0;
  let told = 0;
  let silent = 0;
  for (const key of keys) {
    const body = finalBody(key);
    const content = body?.data?.content ?? body?.content ?? body?.text;
    if (content === undefined) silent++;
    else if (String(content).includes(USER_ERRORS.unavailable.ar) || String(content).includes(USER_ERRORS.unavailable.en)) told++;
    else answered++;
  }
  return { answered, told, silent };
}

/** `count` private chats each asking once on Telegram, every sendMessage held `holdMs`, then SIGTERM. */
export async function telegramShutdown(options: {
  count: number;
  holdMs: number;
  shutdownTimeoutMs: number;
  perChat?: number;
}): Promise<ShutdownResult> {
  const emulator = await startEmulator();
  const fake = await startFakeBotApi({ emulatorUrl: emulator.config.apiURL });
  const running = loadApp({
    TELEGRAM_BOT_TOKEN: '123456789:AAE_test-token-for-the-emulator-000000',
    TELEGRAM_API_ROOT: fake.url,
    SHUTDOWN_TIMEOUT_MS: String(options.shutdownTimeoutMs),
    RATE_LIMIT_USER: '0',
    RATE_LIMIT_CHANNEL: '0',
  });
  try {
    await running.app.start();
    const perChat = options.perChat ?? 1;
    const chats = Array.from({ length: Math.ceil(options.count / perChat) }, (_, i) => 9000 + i);
    const held = fake.hold('sendMessage', (p) => !String(p.text).includes(USER_ERRORS.unavailable.ar));
    let update = 1;
    for (let n = 0; n < options.count; n++) {
      const chat = chats[Math.floor(n / perChat)]!;
      fake.deliver({
        update_id: 500_000 + update,
        message: {
          message_id: update++,
          date: Math.floor(Date.now() / 1000),
          chat: { id: chat, type: 'private' },
          from: { id: chat, is_bot: false, first_name: 'T', language_code: 'ar' },
          text: QUESTION,
        },
      });
    }
    const stopMs = await stopWhileHeld(running, options.count, options.holdMs, held);
    // one entry per question: the messages each chat received, in order
    const texts = chats
      .flatMap((chat) => {
        const sent = fake.calls
          .filter((c) => c.method === 'sendMessage' && c.status === 200 && c.payload.chat_id === chat)
          .map((c) => ({ text: c.payload.text }));
        return Array.from({ length: perChat }, (_, i) => sent[i]);
      })
      .slice(0, options.count);
    return { scenario: '', inFlight: options.count, stopMs, ...outcomes(texts, (t) => t) };
  } finally {
    await running.dispose();
    await fake.close();
    await emulator.stop();
  }
}
