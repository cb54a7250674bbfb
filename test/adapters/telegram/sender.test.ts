import { TelegramError } from 'telegraf';
import { describe, expect, it } from 'vitest';
import { createSender, type Pace, retryAfterSeconds } from '../../../src/adapters/telegram/sender.js';
import { silentLogger } from '../../../src/core/logger.js';

const tooMany = (seconds: number) =>
  new TelegramError({ error_code: 429, description: `Too Many Requests: retry after ${seconds}`, parameters: { retry_after: seconds } });
const UNPACED = { global: { burst: 1000, intervalMs: 1 }, private: { burst: 1000, intervalMs: 1 }, group: { burst: 1000, intervalMs: 1 } };

/** A clock that only moves when the sender sleeps. */
function fakeClock() {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms: number) => {
      slept.push(ms);
      now += ms;
    },
  };
}

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('the send queue', () => {
  it('waits as long as a 429 asks, then sends the same call again', async () => {
    const clock = fakeClock();
    const sender = createSender({ logger: silentLogger, pace: UNPACED, ...clock });
    let attempts = 0;
    const result = await sender.call('sendMessage', async () => {
      attempts++;
      if (attempts === 1) throw tooMany(3);
      return 'sent';
    });
    expect(result).toBe('sent');
    expect(attempts).toBe(2);
    expect(clock.slept).toEqual([3000]);
  });

  it('never drops a reply, however many times Telegram says 429', async () => {
    const clock = fakeClock();
    const sender = createSender({ logger: silentLogger, pace: UNPACED, ...clock });
    let attempts = 0;
    await sender.call('sendMessage', async () => {
      if (++attempts <= 6) throw tooMany(attempts);
      return true;
    });
    expect(clock.slept).toEqual([1000, 2000, 3000, 4000, 5000, 6000]);
  });

  it('retries network failures a few times, then gives up; other API errors at once', async () => {
    const clock = fakeClock();
    const sender = createSender({ logger: silentLogger, pace: UNPACED, transientRetries: 2, ...clock });
    const network = Object.assign(new Error('socket hang up'), { name: 'FetchError' });
    let attempts = 0;
    await expect(
      sender.call('sendMessage', async () => {
        attempts++;
        throw network;
      }),
    ).rejects.toBe(network);
    expect(attempts).toBe(3);
    const badRequest = new TelegramError({ error_code: 400, description: 'Bad Request: chat not found' });
    let tries = 0;
    await expect(
      sender.call('sendMessage', async () => {
        tries++;
        throw badRequest;
      }),
    ).rejects.toBe(badRequest);
    expect(tries).toBe(1);
  });

  it('paces one chat: a burst, then one message per interval', async () => {
    const clock = fakeClock();
    const chat: Pace = { burst: 3, intervalMs: 1000 };
    const sender = createSender({
      logger: silentLogger,
      pace: { global: { burst: 100, intervalMs: 1 }, private: chat, group: chat },
      ...clock,
    });
    const sentAt: number[] = [];
    await Promise.all(
      Array.from({ length: 5 }, () => sender.call('sendMessage', async () => sentAt.push(clock.now()), { key: '42', kind: 'private' })),
    );
    expect(sentAt).toEqual([0, 0, 0, 1000, 2000]);
  });

  it('paces all chats together under the global rate', async () => {
    const clock = fakeClock();
    const sender = createSender({
      logger: silentLogger,
      pace: { global: { burst: 2, intervalMs: 100 }, private: { burst: 10, intervalMs: 1 }, group: { burst: 10, intervalMs: 1 } },
      ...clock,
    });
    for (const chat of ['1', '2', '3', '4']) await sender.call('sendMessage', async () => true, { key: chat, kind: 'private' });
    expect(clock.slept).toEqual([100, 100]);
  });

  it("sends one chat's messages in order while other chats go ahead", async () => {
    const sender = createSender({ logger: silentLogger, pace: UNPACED, sleep: async () => {} });
    const first = deferred();
    const order: string[] = [];
    const a1 = sender.call(
      'sendMessage',
      async () => {
        await first.promise;
        order.push('a1');
      },
      { key: 'a', kind: 'private' },
    );
    const a2 = sender.call('sendMessage', async () => order.push('a2'), { key: 'a', kind: 'private' });
    await sender.call('sendMessage', async () => order.push('b1'), { key: 'b', kind: 'group' });
    expect(order).toEqual(['b1']);
    first.resolve();
    await Promise.all([a1, a2]);
    expect(order).toEqual(['b1', 'a1', 'a2']);
  });

  it('keeps a chat going after one of its calls failed', async () => {
    const sender = createSender({ logger: silentLogger, pace: UNPACED, sleep: async () => {} });
    const failed = sender.call(
      'sendMessage',
      async () => {
        throw new TelegramError({ error_code: 403, description: 'Forbidden: bot was blocked by the user' });
      },
      { key: 'a', kind: 'private' },
    );
    const next = sender.call('sendMessage', async () => 'ok', { key: 'a', kind: 'private' });
    await expect(failed).rejects.toThrow('403');
    await expect(next).resolves.toBe('ok');
  });

  it('reports when it is idle', async () => {
    const sender = createSender({ logger: silentLogger, pace: UNPACED, sleep: async () => {} });
    const gate = deferred();
    const call = sender.call('sendMessage', () => gate.promise, { key: 'a', kind: 'private' });
    expect(sender.pending).toBe(1);
    expect(await sender.idle(10)).toBe(false);
    gate.resolve();
    await call;
    expect(await sender.idle(10)).toBe(true);
    expect(sender.pending).toBe(0);
  });

  it('reads retry_after only from 429 errors', () => {
    expect(retryAfterSeconds(tooMany(7))).toBe(7);
    expect(retryAfterSeconds(new TelegramError({ error_code: 429, description: 'Too Many Requests' }))).toBe(1);
    expect(retryAfterSeconds(new TelegramError({ error_code: 400, description: 'Bad Request' }))).toBeUndefined();
    expect(retryAfterSeconds(new Error('429'))).toBeUndefined();
  });
});
