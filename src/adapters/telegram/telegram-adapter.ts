import { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Config } from '../../config.js';
import { commandsFor } from '../../core/command.js';
import { USER_ERRORS } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import { MESSAGES } from '../../core/messages.js';
import { errorReply, type Reply } from '../../core/reply.js';
import { userIdForLogs } from '../../logger.js';
import type { HeldLock } from '../../store/index.js';
import type { Adapter, AdapterDeps } from '../adapter.js';
import { commandMenus } from './menus.js';
import { createModeratorCheck } from './moderators.js';
import { createOutbox } from './outbox.js';
import { callbackToast, renderInlineResults, renderReply } from './render.js';
import type { Pace } from './sender.js';
import { createStartCall } from './start-error.js';
import { startPollingAsLeader } from './polling-leader.js';
import { startPolling, startWebhook, withSignal, type UpdateSource } from './update-source.js';
import { createRouter, toInvocation, type Route, type Router } from './updates.js';
import { within } from './wait.js';

export interface TelegramAdapterOptions extends AdapterDeps {
  config: NonNullable<Config['telegram']>;
  /** interface the webhook server listens on; all interfaces when absent */
  webhookHost?: string;
  /** send pacing; Telegram's published limits when absent */
  pace?: { global: Pace; private: Pace; group: Pace };
  /** how long each Bot API call at start may take before start fails (default 30 s) */
  startTimeoutMs?: number;
  /** the shared store's lock: with it, one replica long-polls and the others stand by */
  tryLock?: (name: string) => Promise<HeldLock | undefined>;
  /** how often a replica standing by tries to take over polling (default 2 s) */
  standbyRetryMs?: number;
}

const DEFAULT_API_ROOT = 'https://api.telegram.org';
const STOP_WAIT_MS = 5000;
const START_TIMEOUT_MS = 30_000;
const STANDBY_RETRY_MS = 2000;
/** Commands slow enough to show "typing…" */
const SLOW_COMMANDS = new Set(['reload']);

/**
 * The Telegram connection (telegraf 4): updates → invocations → the core's
 * dispatcher → replies rendered as HTML messages, inline results or callback
 * toasts. Long polling by default; a webhook server when config.webhook is set.
 * `handle` is the one error boundary: whatever fails in an update is logged
 * with the update's context and the user gets a short apology.
 *
 * @example createTelegramAdapter({ dispatcher, bot, logger, hashUserIds: false, config: { token, adminIds: ['123456789'] } })
 */
export function createTelegramAdapter(options: TelegramAdapterOptions): Adapter {
  const { config, dispatcher, hashUserIds } = options;
  const log = options.logger.child({ platform: 'telegram' });
  const apiRoot = config.apiRoot ?? DEFAULT_API_ROOT;
  // webhookReply off: every call is a real request, so 429s and errors come back to us
  const bot = new Telegraf(config.token, { telegram: { apiRoot: config.apiRoot, webhookReply: false } });
  const outbox = createOutbox({ telegram: bot.telegram, logger: log, pace: options.pace });
  const { deliver, answerCallback, answerInline } = outbox;
  const moderators = createModeratorCheck({ adminIds: config.adminIds, logger: log, memberStatus: outbox.memberStatus });
  const startCall = createStartCall(apiRoot, options.startTimeoutMs ?? START_TIMEOUT_MS, log);
  const inFlight = new Set<Promise<void>>();
  let router: Router | undefined;
  let source: UpdateSource | undefined;

  // Updates are handled concurrently: a reply waiting out a 429 must not hold back other chats' updates.
  bot.use((ctx) => {
    const task = handle(ctx.update);
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
  });
  bot.catch((error, ctx) => log.error({ err: error, updateId: ctx.update.update_id }, 'telegraf failed outside the update handler'));

  // ---- one update -------------------------------------------------------------------------

  function logContext(route: Route): Record<string, unknown> {
    if (route.kind === 'ignore') return {};
    const user = userIdForLogs(String(route.from.id), hashUserIds);
    const place = route.place;
    // a private chat's id is the user's id: hash it the same way
    const chat = !place ? 'inline' : place.chatType === 'private' ? user : String(place.chatId);
    return { chat, user, ...(route.kind === 'command' ? { command: route.command, via: route.via } : { command: route.reply }) };
  }

  async function serve(route: Route, updateLog: Logger, requestId: string): Promise<Record<string, unknown>> {
    if (route.kind === 'ignore') {
      if (route.callbackQueryId) await answerCallback(route.callbackQueryId);
      if (route.inlineQueryId) await answerInline(route.inlineQueryId, { results: [] });
      return { ignored: route.reason };
    }
    if (route.kind === 'local') {
      const reply: Reply =
        route.reply === 'unknown_command' ? errorReply('unknown_command', route.lang) : { kind: 'notice', lang: route.lang, text: MESSAGES.rejected.unreadable[route.lang] };
      await deliver(renderReply(reply), route.place);
      return { reply: reply.kind };
    }

    const place = route.place;
    const isModerator = await moderators.isModerator({
      userId: route.from.id,
      chatId: place?.chatId ?? route.from.id,
      chatType: place?.chatType ?? 'private',
      anonymousAdmin: route.anonymousAdmin,
    });
    const invocation = toInvocation(route, isModerator, requestId);
    if (route.command === 'ask') updateLog.debug({ question: route.args.question }, 'question');
    if (place && SLOW_COMMANDS.has(route.command)) outbox.showTyping(place);

    const reply = await dispatcher.dispatch(invocation, { lang: route.lang, logger: updateLog });
    const outcome = { reply: reply.kind, ...(reply.kind === 'answer' ? { status: reply.answer.status, passages: reply.answer.passages.length } : {}), ...(reply.kind === 'error' ? { code: reply.code } : {}) };

    if (route.inlineQueryId) {
      await answerInline(route.inlineQueryId, renderInlineResults(reply));
    } else if (route.callbackQueryId) {
      const toast = callbackToast(reply);
      await answerCallback(route.callbackQueryId, toast);
      if (toast === undefined && place) await deliver(renderReply(reply), place);
    } else if (place) {
      await deliver(renderReply(reply), place);
    }
    return outcome;
  }

  /** The error boundary: nothing thrown while serving an update escapes it. */
  async function handle(update: Update): Promise<void> {
    const started = performance.now();
    let updateLog = log.child({ updateId: update.update_id });
    let route: Route | undefined;
    try {
      if (!router) throw new Error('An update arrived before the adapter knew its own username: start() sets the router first.');
      route = router.route(update);
      updateLog = updateLog.child(logContext(route));
      const outcome = await serve(route, updateLog, String(update.update_id));
      const latencyMs = Math.round(performance.now() - started);
      if (route.kind === 'ignore') updateLog.debug({ ...outcome, latencyMs }, 'update ignored');
      else updateLog.info({ ...outcome, latencyMs }, 'update handled');
    } catch (error) {
      updateLog.error({ err: error, latencyMs: Math.round(performance.now() - started) }, 'update failed');
      await apologize(route).catch((secondary: unknown) => updateLog.warn({ err: secondary }, 'could not tell the user about the failure'));
    }
  }

  async function apologize(route: Route | undefined): Promise<void> {
    if (!route || route.kind === 'ignore') return;
    const lang = route.lang;
    if (route.kind === 'command' && route.callbackQueryId) await answerCallback(route.callbackQueryId, USER_ERRORS.internal[lang]);
    else if (route.kind === 'command' && route.inlineQueryId) await answerInline(route.inlineQueryId, { results: [] });
    else if (route.place) await deliver(renderReply(errorReply('internal', lang)), route.place);
  }

  return {
    name: 'telegram',

    async start() {
      const me = await startCall('getMe', (signal) => bot.telegram.callApi('getMe', {}, withSignal(signal)));
      bot.botInfo = me;
      router = createRouter({ id: me.id, username: me.username }, commandsFor('telegram', dispatcher.commands));
      await outbox.publishMenus(commandMenus(dispatcher.commands, config.adminIds));
      source = config.webhook
        ? await startWebhook(bot, config.webhook, { logger: log, startCall, host: options.webhookHost })
        : options.tryLock
          ? await startPollingAsLeader(bot, {
              logger: log, apiRoot, startCall, tryLock: options.tryLock, lockName: `telegram-polling:${me.id}`, retryMs: options.standbyRetryMs ?? STANDBY_RETRY_MS,
            })
          : await startPolling(bot, { logger: log, apiRoot, startCall });
      log.info({ username: me.username, mode: source.mode, apiRoot }, 'Telegram adapter started');
    },

    async stop() {
      await source?.stop();
      await within(Promise.allSettled([...inFlight]), STOP_WAIT_MS);
      if (!(await outbox.idle(STOP_WAIT_MS))) log.warn({ pending: outbox.pending }, 'stopped with replies still unsent');
    },

    isReady: () => source?.isRunning() === true,
  };
}
