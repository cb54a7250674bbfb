import { createServer } from 'node:net';
// the package's default export is typed for CommonJS callers; the named class is the same on both sides
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';

/** A port free right now on loopback (the emulator cannot be asked to listen on port 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** The telegram-test-api emulator on loopback; `stop()` closes it. */
export async function startEmulator(): Promise<TelegramServer> {
  const server = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storeTimeout: 600 });
  await server.start();
  return server;
}

/** Its getMe answers with this bot. */
export const EMULATED_BOT = { id: 666, username: 'TestNameBot' } as const;
