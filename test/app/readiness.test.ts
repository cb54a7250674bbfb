/**
 * /readyz tells the truth: 503 while the index loads, while the Discord
 * gateway is down or reconnecting, and from the first moment of shutdown;
 * the JSON names the failing checks.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FAKE_TOKEN, startFakeDiscord } from '../adapters/discord/fake-discord.js';
import { startEmulator } from '../adapters/telegram/support/emulator.js';
import { freePort } from '../ops/support/free-port.js';
import { startFakeBotApi } from '../support/fake-bot-api.js';
import { recordedApp } from './support/recorded-app.js';

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function readyz(
  port: number,
): Promise<{ status: number; body: { ready: boolean; checks: Record<string, boolean>; failing?: string[] } }> {
  const res = await fetch(`http://127.0.0.1:${port}/readyz`);
  return { status: res.status, body: (await res.json()) as { ready: boolean; checks: Record<string, boolean>; failing?: string[] } };
}

describe('/readyz with Discord', () => {
  it('is 503 naming discord while the gateway is down and discord.js keeps reconnecting, and 200 once it has resumed', async () => {
    const fake = await startFakeDiscord();
    const port = await freePort();
    const running = recordedApp({
      DISCORD_TOKEN: FAKE_TOKEN,
      DISCORD_REST_API: fake.restApi,
      HEALTH_PORT: String(port),
      HEALTH_HOST: '127.0.0.1',
    });
    cleanups.push(
      () => fake.close(),
      () => running.dispose(),
    );

    const starting = running.app.start();
    // the health server answers before the index is built, and says it is not ready
    await vi.waitFor(async () => expect((await readyz(port)).status).toBe(503), { timeout: 10_000 });
    await starting;
    expect(await readyz(port)).toEqual({ status: 200, body: { ready: true, checks: { index: true, discord: true, accepting: true } } });

    fake.refuseGateway(true);
    fake.disconnect(4000);
    await vi.waitFor(
      async () =>
        expect(await readyz(port)).toEqual({
          status: 503,
          body: { ready: false, checks: { index: true, discord: false, accepting: true }, failing: ['discord'] },
        }),
      { timeout: 10_000, interval: 20 },
    );
    // still down while the reconnects are refused
    expect((await readyz(port)).status).toBe(503);

    fake.refuseGateway(false);
    await vi.waitFor(async () => expect((await readyz(port)).status).toBe(200), { timeout: 20_000, interval: 50 });
    expect(fake.resumes.length).toBeGreaterThan(0);

    const stopping = running.app.stop();
    expect(running.app.readiness()).toMatchObject({ ready: false, failing: expect.arrayContaining(['accepting']) });
    await stopping;
  }, 40_000);
});

describe('/readyz with Telegram', () => {
  it('is 503 naming telegram while long polling cannot reach the Bot API, and 200 once it can', async () => {
    const emulator = await startEmulator();
    const fake = await startFakeBotApi({ emulatorUrl: emulator.config.apiURL });
    const port = await freePort();
    const running = recordedApp({
      TELEGRAM_BOT_TOKEN: '123456789:AAE_test-token-for-the-emulator-000000',
      TELEGRAM_API_ROOT: fake.url,
      HEALTH_PORT: String(port),
      HEALTH_HOST: '127.0.0.1',
    });
    cleanups.push(
      () => emulator.stop(),
      () => fake.close(),
      () => running.dispose(),
    );
    await running.app.start();
    expect((await readyz(port)).status).toBe(200);

    fake.failPolls(true);
    await vi.waitFor(async () => expect((await readyz(port)).body).toMatchObject({ ready: false, failing: ['telegram'] }), {
      timeout: 10_000,
      interval: 20,
    });
    fake.failPolls(false);
    await vi.waitFor(async () => expect((await readyz(port)).status).toBe(200), { timeout: 10_000, interval: 50 });
  }, 30_000);
});
