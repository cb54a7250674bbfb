import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { Telegraf } from 'telegraf';
import type { Config } from '../../config.js';
import type { Logger } from '../../core/logger.js';
import { AdapterStartError } from '../adapter.js';
import { describeStartFailure, type StartCall } from './start-error.js';
import { wait, within } from './wait.js';

/**
 * How updates reach the bot: long polling (telegraf's launch, which resolves
 * only when polling stops) or a webhook server checking Telegram's
 * secret-token header.
 */
export interface UpdateSource {
  readonly mode: 'polling' | 'webhook';
  isRunning(): boolean;
  stop(): Promise<void>;
  /** resolves when long polling ends, whether stopped or failed */
  readonly ended?: Promise<void>;
}

/**
 * The webhook secret when none is configured: derived from the token, so
 * every replica behind one URL registers and accepts the same one (a random
 * secret per process would leave all but the last replica refusing updates
 * with 403), and nobody without the token can compute it.
 */
export function webhookSecret(token: string): string {
  return createHmac('sha256', token).update('telegram-webhook-secret').digest('base64url');
}

/** What we ask Telegram for; edits and channel posts are not even sent (and ignored if they come). */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'inline_query'] as const;
const STOP_WAIT_MS = 5000;

// telegraf types `signal` with the abort-controller polyfill's class; node-fetch under it takes Node's own AbortSignal
type CallApiOptions = NonNullable<Parameters<Telegraf['telegram']['callApi']>[2]>;
export const withSignal = (signal: AbortSignal) => ({ signal }) as unknown as CallApiOptions;

/**
 * Notes whether the last getUpdates reached Telegram: telegraf's poller keeps
 * retrying through network errors and 5xx, so "still polling" is not "connected".
 */
function watchPolls(bot: Telegraf, logger: Logger): () => boolean {
  let reachable = true;
  const callApi = bot.telegram.callApi.bind(bot.telegram);
  bot.telegram.callApi = (async (method: string, payload: object, options?: CallApiOptions) => {
    if (method !== 'getUpdates') return callApi(method as never, payload as never, options);
    try {
      const updates = await callApi(method, payload as never, options);
      if (!reachable) logger.info('long polling reaches Telegram again');
      reachable = true;
      return updates;
    } catch (error) {
      if ((error as Error).name !== 'AbortError') {
        if (reachable) logger.warn({ err: error }, 'long polling cannot reach Telegram; telegraf retries');
        reachable = false;
      }
      throw error;
    }
  }) as typeof bot.telegram.callApi;
  return () => reachable;
}

export async function startPolling(bot: Telegraf, deps: { logger: Logger; apiRoot: string; startCall: StartCall }): Promise<UpdateSource> {
  await deps.startCall('deleteWebhook', (signal) =>
    bot.telegram.callApi('deleteWebhook', { drop_pending_updates: false }, withSignal(signal)),
  );
  const reachable = watchPolls(bot, deps.logger);
  let running = true;
  const polling = bot.launch({ allowedUpdates: [...ALLOWED_UPDATES] }).then(
    () => deps.logger.info('long polling stopped'),
    (error: unknown) =>
      deps.logger.error({ err: error }, `long polling failed: ${describeStartFailure(error, deps.apiRoot, 'getUpdates')}`),
  );
  void polling.finally(() => {
    running = false;
  });
  return {
    mode: 'polling',
    ended: polling,
    isRunning: () => running && reachable(),
    async stop() {
      // launch() creates its poller a moment after our own deleteWebhook: retry briefly until it exists
      for (let tries = 0; running && tries < 100; tries++) {
        try {
          bot.stop('adapter stop');
          break;
        } catch {
          await wait(20);
        }
      }
      await within(polling, STOP_WAIT_MS);
    },
  };
}

export async function startWebhook(
  bot: Telegraf,
  webhook: NonNullable<NonNullable<Config['telegram']>['webhook']>,
  deps: { logger: Logger; startCall: StartCall; host?: string },
): Promise<UpdateSource> {
  const url = new URL(webhook.url);
  const secret = webhook.secret ?? webhookSecret(bot.telegram.token);
  // wrong path, wrong method or wrong secret: telegraf answers 403 before reading the body
  const callback = bot.webhookCallback(`${url.pathname}${url.search}`, { secretToken: secret });
  const server = createServer((req, res) => {
    callback(req, res).catch((error: unknown) => {
      deps.logger.error({ err: error }, 'webhook request failed');
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(webhook.port, webhook.host ?? deps.host, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch((error: { code?: string }) => {
    throw new AdapterStartError(
      'telegram',
      `cannot listen for the webhook on port ${webhook.port} (${error.code ?? 'error'}) — free the port or set TELEGRAM_WEBHOOK_PORT`,
    );
  });
  server.on('error', (error) => deps.logger.error({ err: error }, 'webhook server error'));

  try {
    await deps.startCall('setWebhook', (signal) =>
      bot.telegram.callApi(
        'setWebhook',
        { url: webhook.url, secret_token: secret, allowed_updates: [...ALLOWED_UPDATES], drop_pending_updates: false },
        withSignal(signal),
      ),
    );
  } catch (error) {
    await close();
    throw error;
  }
  return { mode: 'webhook', isRunning: () => server.listening, stop: close };
}
