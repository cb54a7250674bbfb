import type { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Adapter } from '../../../src/adapters/adapter.js';
import { createTelegramAdapter } from '../../../src/adapters/telegram/index.js';
import { webhookSecret } from '../../../src/adapters/telegram/update-source.js';
import { silentLogger } from '../../../src/core/logger.js';
import { openPostgresStore, type Store } from '../../../src/store/index.js';
import { createTestBot, type TestBot } from '../../support/bot.js';
import { type FakeBotApi, startFakeBotApi } from '../../support/fake-bot-api.js';
import { postgresUnavailable, startPostgres, type TestPostgres } from '../../support/postgres.js';
import { freePort, startEmulator } from './support/emulator.js';
import { createRecordingLogger } from './support/recording-logger.js';

/** Several replicas of the bot sharing one Telegram token, end to end against the emulator on loopback. */

const TOKEN = '123456789:AAE_test-token-for-the-emulator-000000';
const FAST_PACE = { global: { burst: 30, intervalMs: 5 }, private: { burst: 5, intervalMs: 50 }, group: { burst: 5, intervalMs: 50 } };
const QUESTION = 'كم دولة شاركت في اجتماع التحالف؟';

const message = (updateId: number, chatId: number, text: string) => ({
  update_id: updateId,
  message: {
    message_id: updateId,
    date: Math.floor(Date.now() / 1000),
    chat: { id: chatId, type: 'private' },
    from: { id: chatId, is_bot: false, first_name: 'R' },
    text,
  },
});

let emulator: TelegramServer;
let testBot: TestBot;

beforeAll(async () => {
  emulator = await startEmulator();
  testBot = await createTestBot();
});

afterAll(async () => {
  await emulator?.stop();
  await testBot?.store.close();
});

describe('two webhook replicas behind one URL, with no secret configured', () => {
  let fake: FakeBotApi;
  const replicas: { adapter: Adapter; hook: string }[] = [];

  beforeAll(async () => {
    fake = await startFakeBotApi({ emulatorUrl: emulator.config.apiURL });
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const adapter = createTelegramAdapter({
        dispatcher: testBot.dispatcher,
        bot: testBot.bot,
        logger: silentLogger,
        hashUserIds: false,
        pace: FAST_PACE,
        config: {
          token: TOKEN,
          adminIds: [],
          apiRoot: fake.url,
          webhook: { url: 'https://bot.example.org/telegram/hook', port, host: '127.0.0.1' },
        },
      });
      await adapter.start();
      replicas.push({ adapter, hook: `http://127.0.0.1:${port}/telegram/hook` });
    }
  });

  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.adapter.stop()));
    await fake?.close();
  });

  it('registers the same secret from each replica, derived from the token', () => {
    const secrets = fake.callsOf('setWebhook').map((call) => call.secret_token);
    expect(secrets).toEqual([webhookSecret(TOKEN), webhookSecret(TOKEN)]);
    expect(webhookSecret(TOKEN)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(webhookSecret(TOKEN)).not.toBe(webhookSecret('987654321:AAE_another-token-000000000000000'));
  });

  it('answers every update exactly once, whichever replica the load balancer picks', async () => {
    // what Telegram sends: the secret of the last setWebhook call
    const secret = fake.callsOf('setWebhook').at(-1)!.secret_token as string;
    const chats = [2101, 2102, 2103, 2104];
    const statuses = await Promise.all(
      chats.map((chat, i) =>
        fetch(replicas[i % 2]!.hook, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
          body: JSON.stringify(message(5000 + i, chat, QUESTION)),
        }).then((r) => r.status),
      ),
    );
    expect(statuses).toEqual([200, 200, 200, 200]);
    for (const chat of chats) await fake.waitForCall('sendMessage', (p) => Number(p.chat_id) === chat);
    const answers = fake.callsOf('sendMessage').filter((p) => chats.includes(Number(p.chat_id)));
    expect(answers.map((p) => Number(p.chat_id)).sort()).toEqual(chats);
  });
});

const unavailable = postgresUnavailable();
if (unavailable) console.warn(`Telegram polling replicas skipped: ${unavailable}`);

describe.skipIf(!!unavailable)('two long-polling replicas sharing one PostgreSQL', () => {
  let server: TestPostgres;
  let fake: FakeBotApi;
  const stores: Store[] = [];
  const adapters: Adapter[] = [];
  const logs = [createRecordingLogger(), createRecordingLogger()];

  beforeAll(async () => {
    server = await startPostgres();
    fake = await startFakeBotApi({ emulatorUrl: emulator.config.apiURL });
  }, 60_000);

  afterEach(async () => {
    await Promise.all(adapters.splice(0).map((a) => a.stop()));
    await Promise.all(stores.splice(0).map((s) => s.close()));
  });

  afterAll(async () => {
    await fake?.close();
    await server?.stop();
  });

  it('lets one poll while the other stands by, and the other take over when the first stops', async () => {
    const url = await server.database();
    for (let i = 0; i < 2; i++) {
      const store = await openPostgresStore(url, { replicaId: `replica-${i}` });
      stores.push(store);
      const adapter = createTelegramAdapter({
        dispatcher: testBot.dispatcher,
        bot: testBot.bot,
        logger: logs[i]!,
        hashUserIds: false,
        pace: FAST_PACE,
        config: { token: TOKEN, adminIds: [], apiRoot: fake.url },
        tryLock: (name) => store.tryLock(name),
        standbyRetryMs: 50,
      });
      await adapter.start();
      adapters.push(adapter);
    }
    const said = (i: number, text: string) => logs[i]!.entries.some((e) => e.message === text);
    expect(said(1, 'another replica polls Telegram; standing by to take over')).toBe(true);
    expect(said(0, 'another replica polls Telegram; standing by to take over')).toBe(false);
    expect(adapters.every((a) => a.isReady())).toBe(true);

    fake.deliver(message(6001, 2201, QUESTION));
    await fake.waitForCall('sendMessage', (p) => Number(p.chat_id) === 2201);

    await adapters[0]!.stop();
    await vi.waitFor(() => expect(said(1, 'took over long polling')).toBe(true), { timeout: 5000 });
    fake.deliver(message(6002, 2202, QUESTION));
    await fake.waitForCall('sendMessage', (p) => Number(p.chat_id) === 2202);
    // no replica was refused for polling beside another
    expect(fake.calls.filter((c) => c.method === 'getUpdates' && c.status === 409)).toEqual([]);
    expect(fake.callsOf('sendMessage').filter((p) => [2201, 2202].includes(Number(p.chat_id)))).toHaveLength(2);
  });
});
