import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, createScrubber, REDACTED, userIdForLogs } from '../src/logger.js';

const TOKEN = '7012345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const DISCORD_TOKEN = 'MTA5ODc2NTQzMjEwOTg3NjU0Mw.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB';

function capture(options: { pretty?: boolean; level?: string } = {}) {
  const lines: string[] = [];
  const logger = createLogger({
    level: options.level ?? 'debug',
    pretty: options.pretty ?? false,
    secrets: [TOKEN, DISCORD_TOKEN],
    // a real stream: pino-pretty listens to its destination's events
    destination: new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  });
  return { logger, lines, json: () => lines.map((l) => JSON.parse(l) as Record<string, any>) };
}

/** What telegraf's fetch raises when the Bot API cannot be reached: the token is in the URL. */
function networkError(): Error {
  const error = new Error(`request to https://api.telegram.org/bot${TOKEN}/getUpdates failed, reason: connect ECONNREFUSED`);
  error.stack = `FetchError: ${error.message}\n    at ClientRequest.<anonymous> (node_modules/node-fetch/lib/index.js:1491:11)`;
  return error;
}

describe('the logger', () => {
  it('writes one JSON object per line', () => {
    const { logger, lines, json } = capture();
    logger.info({ platform: 'telegram', latencyMs: 12 }, 'answered');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith('\n')).toBe(true);
    expect(json()[0]).toMatchObject({ level: 30, platform: 'telegram', latencyMs: 12, msg: 'answered' });
  });

  it('scrubs a token from an error message and stack trace, and keeps the rest of the error', () => {
    const { logger, lines, json } = capture();
    logger.error({ err: networkError() }, 'polling failed');
    expect(lines.join('')).not.toContain(TOKEN);
    const { err } = json()[0]!;
    expect(err.message).toBe(`request to https://api.telegram.org/bot${REDACTED}/getUpdates failed, reason: connect ECONNREFUSED`);
    expect(err.stack).toContain(`bot${REDACTED}/getUpdates`);
    expect(err.stack).toContain('node-fetch');
  });

  it('scrubs an error logged on its own, under `error`, or as the cause of another', () => {
    const { logger, lines, json } = capture();
    logger.error(networkError());
    logger.error({ error: networkError() }, 'under another key');
    logger.error({ err: new Error('the adapter could not start', { cause: networkError() }) }, 'with a cause');
    expect(lines.join('')).not.toContain(TOKEN);
    const [alone, underError, withCause] = json();
    expect(alone!.err.message).toContain(REDACTED);
    expect(underError!.error.message).toContain(REDACTED);
    expect(withCause!.err.message).toContain(`the adapter could not start: request to https://api.telegram.org/bot${REDACTED}`);
  });

  it('scrubs tokens from messages, format arguments, fields and child bindings', () => {
    const { logger, lines } = capture();
    logger.warn(`retrying https://api.telegram.org/bot${TOKEN}/getMe`);
    logger.warn('token was %s', DISCORD_TOKEN);
    logger.info({ request: { url: `https://api.telegram.org/bot${TOKEN}/sendMessage`, tries: [TOKEN] } }, 'request');
    logger.child({ webhook: `/telegram/${TOKEN}` }).info('child');
    expect(lines).toHaveLength(4);
    for (const line of lines) {
      expect(line).not.toContain(TOKEN);
      expect(line).not.toContain(DISCORD_TOKEN);
      expect(line).toContain(REDACTED);
    }
  });

  it('scrubs a token written URL-encoded', () => {
    const { logger, lines } = capture();
    logger.info({ query: `token=${encodeURIComponent(TOKEN)}` }, 'encoded');
    expect(encodeURIComponent(TOKEN)).not.toBe(TOKEN);
    expect(lines[0]).not.toContain(encodeURIComponent(TOKEN));
    expect(lines[0]).toContain(`token=${REDACTED}`);
  });

  it('censors token, secret and authorization fields whatever their value', () => {
    const { logger, json } = capture();
    logger.info({ token: 'an-unknown-token', config: { secret: 's3', token: 't' }, headers: { authorization: 'Bot abc' } }, 'fields');
    expect(json()[0]).toMatchObject({
      token: REDACTED,
      config: { secret: REDACTED, token: REDACTED },
      headers: { authorization: REDACTED },
    });
  });

  it('scrubs the pretty output too', () => {
    const { logger, lines } = capture({ pretty: true });
    logger.error({ err: networkError() }, `could not reach bot${TOKEN}`);
    const text = lines.join('');
    expect(text).toContain('could not reach bot');
    expect(text).not.toContain(TOKEN);
    expect(() => JSON.parse(lines[0]!)).toThrow();
  });

  it('logs below its level nothing at all, so questions at debug stay out of info logs', () => {
    const { logger, lines } = capture({ level: 'info' });
    logger.debug({ question: 'متى عقد اجتماع التحالف في الكويت؟' }, 'question');
    expect(lines).toEqual([]);
  });
});

describe('the scrubber', () => {
  it('leaves text alone when there is no secret long enough to be one', () => {
    const scrub = createScrubber(['', 'abc']);
    expect(scrub('abc and more')).toBe('abc and more');
  });

  it('replaces every occurrence', () => {
    expect(createScrubber([TOKEN])(`${TOKEN} ${TOKEN}`)).toBe(`${REDACTED} ${REDACTED}`);
  });
});

describe('user ids in logs', () => {
  it('are kept as they are unless hashing is on', () => {
    expect(userIdForLogs('123456789', false)).toBe('123456789');
  });

  it('hash to a short stable value that does not contain the id', () => {
    const hashed = userIdForLogs('123456789', true);
    expect(hashed).toMatch(/^[0-9a-f]{16}$/);
    expect(hashed).toBe(userIdForLogs('123456789', true));
    expect(hashed).not.toBe(userIdForLogs('123456780', true));
    expect(hashed).not.toContain('123456789');
  });
});
