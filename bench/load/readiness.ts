import { FAKE_TOKEN, startFakeDiscord } from '../../test/adapters/discord/fake-discord.js';
import { freePort } from '../../test/ops/support/free-port.js';
import { loadApp, sleep } from './support.js';

export interface ReadinessResult {
  /** from the gateway closing to the first /readyz 503 */
  downMs: number;
  /** from the gateway taking connections again to the first /readyz 200 */
  upMs: number;
  /** /readyz polls during the outage that answered 200 */
  wrongPolls: number;
  polls: number;
}

async function status(port: number): Promise<number> {
  return (await fetch(`http://127.0.0.1:${port}/readyz`)).status;
}

/** Polls /readyz every `pollMs` through a gateway outage of `outageMs` (reconnects refused). */
export async function readinessThroughOutage(options: { outageMs: number; pollMs: number }): Promise<ReadinessResult> {
  const fake = await startFakeDiscord();
  const port = await freePort();
  const running = loadApp({
    DISCORD_TOKEN: FAKE_TOKEN,
    DISCORD_REST_API: fake.restApi,
    HEALTH_PORT: String(port),
    HEALTH_HOST: '127.0.0.1',
  });
  try {
    await running.app.start();
    const lost = performance.now();
    fake.refuseGateway(true);
    fake.disconnect(4000);
    let downMs = Number.NaN;
    let wrongPolls = 0;
    let polls = 0;
    while (performance.now() - lost < options.outageMs) {
      const code = await status(port);
      polls++;
      if (code === 503 && Number.isNaN(downMs)) downMs = performance.now() - lost;
      if (code === 200) wrongPolls++;
      await sleep(options.pollMs);
    }
    const back = performance.now();
    fake.refuseGateway(false);
    let upMs = Number.NaN;
    while (performance.now() - back < 30_000) {
      if ((await status(port)) === 200) {
        upMs = performance.now() - back;
        break;
      }
      await sleep(options.pollMs);
    }
    return { downMs, upMs, wrongPolls, polls };
  } finally {
    await running.dispose();
    await fake.close();
  }
}
