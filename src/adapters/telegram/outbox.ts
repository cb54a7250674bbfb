import type { Telegram } from 'telegraf';
import type { Turn } from '../../core/in-flight.js';
import type { Logger } from '../../core/logger.js';
import type { CommandMenu } from './menus.js';
import { type InlineAnswer, type TelegramMessage, TOAST_LIMIT } from './render.js';
import { createSender, type Pace } from './sender.js';
import type { Place } from './updates.js';

/**
 * Everything the adapter says to the Bot API, through the send queue: chat
 * messages paced per chat, every call retried after a 429.
 */
export interface Outbox {
  /**
   * Sends rendered messages in order, paced in the chat's lane; in a group the
   * first one replies to the question. Messages not yet sent when shutdown
   * interrupts the turn are dropped (the asker is told to ask again instead).
   */
  deliver(messages: readonly TelegramMessage[], place: Place, turn?: Turn): Promise<void>;
  /** The delivery for this turn, once its first message has actually gone to the Bot API. */
  answerStarted(turn: Turn): Promise<void> | undefined;
  /** Sends at once, outside the chat's queue: the "restarting" notice at shutdown. */
  notify(messages: readonly TelegramMessage[], place: Place): Promise<void>;
  /** stops the button's spinner, with a toast when there is text */
  answerCallback(id: string, text?: string): Promise<void>;
  answerInline(id: string, answer: InlineAnswer): Promise<void>;
  /** "typing…" for slow commands; failures only logged */
  showTyping(place: Place): void;
  memberStatus(chatId: number, userId: number): Promise<string>;
  /** publishes each menu; one that fails is logged, not fatal */
  publishMenus(menus: readonly CommandMenu[]): Promise<void>;
  /** true when everything queued has been sent, false after `timeoutMs` */
  idle(timeoutMs: number): Promise<boolean>;
  readonly pending: number;
}

/** Inline results are the same for everyone asking the same thing: let Telegram cache them a little. */
const INLINE_CACHE_SECONDS = 30;

export function createOutbox(options: {
  telegram: Telegram;
  logger: Logger;
  pace?: { global: Pace; private: Pace; group: Pace };
  sleep?: (ms: number) => Promise<void>;
}): Outbox {
  const { telegram, logger } = options;
  const sender = createSender({ logger, pace: options.pace, sleep: options.sleep });

  function payloadOf(message: TelegramMessage, place: Place, first: boolean) {
    return {
      chat_id: place.chatId,
      ...message,
      ...(place.topicId ? { message_thread_id: place.topicId } : {}),
      // in a group, say whom we answer; a deleted question must not lose the answer
      ...(first && place.chatType !== 'private' && place.messageId
        ? { reply_parameters: { message_id: place.messageId, allow_sending_without_reply: true } }
        : {}),
    };
  }

  const started = new WeakMap<Turn, Promise<void>>();

  async function deliverInOrder(
    messages: readonly TelegramMessage[],
    place: Place,
    turn: Turn | undefined,
    onStart: () => void,
  ): Promise<void> {
    const lane = { key: String(place.chatId), kind: place.chatType === 'private' ? ('private' as const) : ('group' as const) };
    for (const [n, message] of messages.entries()) {
      const payload = payloadOf(message, place, n === 0);
      // a message still queued when shutdown told the asker to ask again is dropped; one already sent is finished
      const sent = await sender.call(
        'sendMessage',
        async () => {
          if (turn?.interrupted && n === 0) return false;
          onStart();
          await telegram.callApi('sendMessage', payload);
          return true;
        },
        lane,
      );
      if (!sent) return;
    }
  }

  return {
    deliver(messages, place, turn) {
      let markStarted = () => {};
      const delivery = deliverInOrder(messages, place, turn, () => markStarted());
      if (turn) markStarted = () => void (started.has(turn) || started.set(turn, delivery));
      return delivery;
    },

    answerStarted: (turn) => started.get(turn),

    async notify(messages, place) {
      for (const [n, message] of messages.entries()) {
        const payload = payloadOf(message, place, n === 0);
        await sender.call('sendMessage', () => telegram.callApi('sendMessage', payload));
      }
    },

    async answerCallback(id, text) {
      await sender.call('answerCallbackQuery', () => telegram.answerCbQuery(id, text?.slice(0, TOAST_LIMIT)));
    },

    async answerInline(id, answer) {
      const personal = answer.button !== undefined;
      await sender.call('answerInlineQuery', () =>
        telegram.answerInlineQuery(id, answer.results, {
          cache_time: personal || answer.results.length === 0 ? 0 : INLINE_CACHE_SECONDS,
          is_personal: personal,
          ...(answer.button ? { button: answer.button } : {}),
        }),
      );
    },

    showTyping(place) {
      sender
        .call('sendChatAction', () =>
          telegram.sendChatAction(place.chatId, 'typing', place.topicId ? { message_thread_id: place.topicId } : {}),
        )
        .catch((error: unknown) => logger.debug({ err: error }, 'sendChatAction failed'));
    },

    async memberStatus(chatId, userId) {
      return (await sender.call('getChatMember', () => telegram.getChatMember(chatId, userId))).status;
    },

    async publishMenus(menus) {
      for (const menu of menus) {
        try {
          await sender.call('setMyCommands', () =>
            telegram.setMyCommands(menu.commands, {
              scope: menu.scope,
              ...(menu.language_code ? { language_code: menu.language_code } : {}),
            }),
          );
        } catch (error) {
          // an operator who never opened a private chat with the bot has no chat to scope to: not worth failing over
          logger.warn(
            { err: error, scope: menu.scope.type, language: menu.language_code ?? 'default' },
            'could not publish a command menu',
          );
        }
      }
    },

    idle: (timeoutMs) => sender.idle(timeoutMs),
    get pending() {
      return sender.pending;
    },
  };
}
