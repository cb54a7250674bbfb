import { TelegramError } from 'telegraf';
import { describe, expect, it } from 'vitest';
import { describeStartFailure } from '../../../src/adapters/telegram/start-error.js';

const ROOT = 'https://api.telegram.org';

describe('start failures', () => {
  it('tell the operator to copy the token again when it is rejected', () => {
    expect(describeStartFailure(new TelegramError({ error_code: 401, description: 'Unauthorized' }), ROOT, 'getMe')).toBe(
      'the token was rejected (401 Unauthorized) — copy it again from @BotFather into TELEGRAM_BOT_TOKEN',
    );
    expect(describeStartFailure(new TelegramError({ error_code: 404, description: 'Not Found' }), ROOT, 'getMe')).toMatch(
      /^the Bot API at https:\/\/api\.telegram\.org does not know this token \(404 Not Found\)/,
    );
  });

  it('name the API root and the network cause, never the failing URL', () => {
    const refused = Object.assign(new Error('request to http://127.0.0.1:9/bot123:SECRET/getMe failed'), {
      name: 'FetchError',
      code: 'ECONNREFUSED',
    });
    const line = describeStartFailure(refused, 'http://127.0.0.1:9', 'getMe');
    expect(line).toBe(
      'cannot reach the Bot API at http://127.0.0.1:9 (ECONNREFUSED) — check the network, or TELEGRAM_API_ROOT if you set it',
    );
    expect(line).not.toContain('SECRET');
  });

  it('say when something that is not the Bot API answers', () => {
    const html = Object.assign(new Error('invalid json response body'), { name: 'FetchError', type: 'invalid-json' });
    expect(describeStartFailure(html, 'http://proxy.local', 'getMe')).toContain("the answer is not the Bot API's JSON");
  });

  it('say how long it waited when the Bot API did not answer', () => {
    const aborted = Object.assign(new Error('The user aborted a request.'), { name: 'AbortError' });
    expect(describeStartFailure(aborted, ROOT, 'getMe', 30_000)).toBe(
      'no answer from the Bot API at https://api.telegram.org within 30 s — check the network, or TELEGRAM_API_ROOT if you set it',
    );
  });

  it('explain a conflict with another instance', () => {
    expect(
      describeStartFailure(
        new TelegramError({ error_code: 409, description: 'Conflict: terminated by other getUpdates request' }),
        ROOT,
        'getUpdates',
      ),
    ).toMatch(/another process uses this token/);
  });
});
