import { TelegramError } from 'telegraf';
import type { Logger } from '../../core/logger.js';
import { AdapterStartError } from '../adapter.js';

const TOKEN_FIX = 'copy it again from @BotFather into TELEGRAM_BOT_TOKEN';

/**
 * One line an operator can act on when the Bot API refuses us at start.
 * Never quotes the error's message: request URLs carry the token.
 *
 * @example describeStartFailure(new TelegramError({ error_code: 401, description: 'Unauthorized' }), 'https://api.telegram.org', 'getMe')
 *   // 'the token was rejected (401 Unauthorized) — copy it again from @BotFather into TELEGRAM_BOT_TOKEN'
 */
export function describeStartFailure(error: unknown, apiRoot: string, method: string, timeoutMs?: number): string {
  if (error instanceof TelegramError) {
    if (error.code === 401) return `the token was rejected (401 Unauthorized) — ${TOKEN_FIX}`;
    if (error.code === 404)
      return `the Bot API at ${apiRoot} does not know this token (404 Not Found) — ${TOKEN_FIX}, and check TELEGRAM_API_ROOT if you set it`;
    if (error.code === 409)
      return `${method} was refused (409 Conflict): another process uses this token, or a webhook is set — stop the other instance`;
    return `${method} failed at ${apiRoot} (${error.code} ${oneLine(error.description)})`;
  }
  if (error instanceof Error && error.name === 'AbortError') {
    const after = timeoutMs ? ` within ${timeoutMs / 1000} s` : '';
    return `no answer from the Bot API at ${apiRoot}${after} — check the network, or TELEGRAM_API_ROOT if you set it`;
  }
  const cause = networkCause(error);
  return `cannot reach the Bot API at ${apiRoot} (${cause}) — check the network, or TELEGRAM_API_ROOT if you set it`;
}

function networkCause(error: unknown): string {
  if (error && typeof error === 'object') {
    const { code, type } = error as { code?: unknown; type?: unknown };
    if (typeof code === 'string' && code) return code;
    if (type === 'invalid-json') return "the answer is not the Bot API's JSON";
    if (typeof type === 'string' && type) return type;
  }
  return 'network error';
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').slice(0, 200);
}

/** A Bot API call made while starting: bounded in time; any failure becomes an AdapterStartError with one line. */
export type StartCall = <T>(method: string, call: (signal: AbortSignal) => Promise<T>) => Promise<T>;

export function createStartCall(apiRoot: string, timeoutMs: number, logger: Logger): StartCall {
  return async (method, call) => {
    try {
      return await call(AbortSignal.timeout(timeoutMs));
    } catch (error) {
      logger.debug({ err: error, method }, 'Bot API call failed at start');
      throw new AdapterStartError('telegram', describeStartFailure(error, apiRoot, method, timeoutMs));
    }
  };
}
