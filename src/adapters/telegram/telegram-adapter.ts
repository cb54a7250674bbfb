import { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Config } from '../../config.js';
import { commandsFor } from '../../core/command.js';
import { USER_ERRORS } from '../../core/errors.js';
import type { Turn } from '../../core/in-flight.js';
import type { Logger } from '../../core/logger.js';
import { NoticeWindow, RATE_NOTICE_WINDOW_MS } from '../../core/notice-window.js';
import { errorReply, type Reply } from '../../core/reply.js';
import { userIdForLogs } from '../../logger.js';
import { MESSAGES } from '../../present/index.js';
import type { HeldLock } from '../../store/index.js';
import type { Adapter, AdapterDeps } from '../adapter.js';
import { commandMenus } from './menus.js';
import { createModeratorCheck } from './moderators.js';
import { createOutbox } from './outbox.js';
import { startPollingAsLeader } from './polling-leader.js';
import { callbackToast, renderInlineResults, renderReply } from './render.js';
import type { Pace } from './sender.js';
import { createStartCall } from './start-error.js';
import { startPolling, startWebhook, type UpdateSource, withSignal } from './update-source.js';
import { createRouter, type Route, type Router, toInvocation } from './updates.js';
import { within } from './wait.js';

export interface TelegramAdapterOptions extends AdapterDeps {
  config: NonNullable<Config['telegram']>;
  /** interface the webhook server listens on; all interfaces when absent */
  webhookHost?: string;
  /** send pacing; Telegram's published limits when absent */
  pace?: { global: Pace; private: Pace; group: Pace };
  /** how the sender waits out pacing and 429s; tests record the waits instead of sleeping */
  sleep?: (ms: number) => Promise<void>;
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

/** The reply call of an update once it has gone out (inline and callback answers are not queued). */
interface Progress {
  sending?: Promise<void>;
}

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
  const outbox = createOutbox({ telegram: bot.telegram, logger: log, pace: options.pace, sleep: options.sleep });
  const { deliver, answerCallback, answerInline } = outbox;
  const moderators = createModeratorCheck({ adminIds: config.adminIds, logger: log, memberStatus: outbox.memberStatus });
  const startCall = createStartCall(apiRoot, options.startTimeoutMs ?? START_TIMEOUT_MS, log);
  const inFlight = new Set<Promise<void>>();
  // more notices would only queue in the chat's lane (one message a second) ahead of answers
  const rateNotices = new NoticeWindow(RATE_NOTICE_WINDOW_MS);
  let router: Router | undefined;
  let source: UpdateSource | undefined;

  // Updates are handled concurrently: a reply waiting out a 429 must not hold back other chats' updates.
  // Each is in flight from receipt until its last reply call has returned.
  bot.use((ctx) => {
    const task = dispatcher.receive((turn) => handle(ctx.update, turn));
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

  /**
   * How to tell this asker "restarting, ask again" if shutdown cannot wait
   * for the answer — unless the answer has already gone out, then let it finish.
   */
  function restartNotice(route: Route, turn: Turn, progress: Progress): (() => Promise<'told' | 'answered'>) | undefined {
    if (route.kind === 'ignore') return undefined;
    const reply = errorReply('unavailable', route.lang);
    const place = route.place;
    const notice =
      route.kind === 'command' && route.inlineQueryId
        ? () => answerInline(route.inlineQueryId!, { results: [] })
        : route.kind === 'command' && route.callbackQueryId
          ? () => answerCallback(route.callbackQueryId!, USER_ERRORS.unavailable[route.lang])
          : place
            ? () => outbox.notify(renderReply(reply), place)
            : undefined;
    if (!notice) return undefined;
    return async () => {
      const onItsWay = progress.sending ?? outbox.answerStarted(turn);
      if (onItsWay) {
        await onItsWay;
        return 'answered';
      }
      await notice();
      return 'told';
    };
  }

  async function serve(
    route: Route,
    updateLog: Logger,
    requestId: string,
    turn?: Turn,
    progress: Progress = {},
  ): Promise<Record<string, unknown>> {
    if (route.kind === 'ignore') {
      if (route.callbackQueryId) await answerCallback(route.callbackQueryId);
      if (route.inlineQueryId) await answerInline(route.inlineQueryId, { results: [] });
      return { ignored: route.reason };
    }
    if (route.kind === 'local') {
      const reply: Reply =
        route.reply === 'unknown_command'
          ? errorReply('unknown_command', route.lang)
          : { kind: 'notice', lang: route.lang, text: MESSAGES.rejected.unreadable[route.lang] };
      await deliver(renderReply(reply), route.place, turn);
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
    const spec = dispatcher.find(route.command);
    if (spec?.freeText) updateLog.debug({ question: route.args[spec.freeText] }, 'question');
    if (place && spec?.slow) outbox.showTyping(place);

    const reply = await dispatcher.dispatch(invocation, { lang: route.lang, logger: updateLog, turn });
    const outcome = {
      reply: reply.kind,
      ...(reply.kind === 'answer' ? { status: reply.answer.status, passages: reply.answer.passages.length } : {}),
      ...(reply.kind === 'error' ? { code: reply.code } : {}),
    };
    // shutdown already told the asker to ask again
    if (turn?.interrupted) return { ...outcome, interrupted: true };

    if (route.inlineQueryId) {
      progress.sending = answerInline(route.inlineQueryId, renderInlineResults(reply));
      await progress.sending;
    } else if (route.callbackQueryId) {
      const toast = callbackToast(reply);
      progress.sending = answerCallback(route.callbackQueryId, toast);
      await progress.sending;
      if (toast === undefined && place) await deliver(renderReply(reply), place, turn);
    } else if (place && reply.kind === 'error' && reply.code === 'rate_limited' && !rateNotices.first(`${place.chatId}:${route.from.id}`)) {
      return { ...outcome, notice: 'already sent' };
    } else if (place) {
      await deliver(renderReply(reply), place, turn);
    }
    return outcome;
  }

  /** The error boundary: nothing thrown while serving an update escapes it. */
  async function handle(update: Update, turn?: Turn): Promise<void> {
    const started = performance.now();
    let updateLog = log.child({ updateId: update.update_id });
    let route: Route | undefined;
    try {
      if (!router) throw new Error('An update arrived before the adapter knew its own username: start() sets the router first.');
      route = router.route(update);
      updateLog = updateLog.child(logContext(route));
      const progress: Progress = {};
      const tell = turn && restartNotice(route, turn, progress);
      if (tell) turn.onInterrupt(tell);
      const outcome = await serve(route, updateLog, String(update.update_id), turn, progress);
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
              logger: log,
              apiRoot,
              startCall,
              tryLock: options.tryLock,
              lockName: `telegram-polling:${me.id}`,
              retryMs: options.standbyRetryMs ?? STANDBY_RETRY_MS,
            })
          : await startPolling(bot, { logger: log, apiRoot, startCall });
      log.info({ username: me.username, mode: source.mode, apiRoot }, 'Telegram adapter started');
    },

    async stopReceiving() {
      // updates not fetched yet stay with Telegram for the next instance; a webhook keeps answering until stop()
      if (source?.mode === 'polling') await source.stop();
    },

    async stop() {
      await source?.stop();
      await within(Promise.allSettled([...inFlight]), STOP_WAIT_MS);
      if (!(await outbox.idle(STOP_WAIT_MS))) log.warn({ pending: outbox.pending }, 'stopped with replies still unsent');
    },

    isReady: () => source?.isRunning() === true,
  };
}
