import type { Message, Update } from 'telegraf/types';
import { type CommandSpec, freeTextCommand } from '../../core/command.js';
import { commandShape, parseTextArguments } from '../../core/command-shape.js';
import type { Invocation } from '../../core/invocation.js';
import type { Lang } from '../../core/reply.js';
import { localeLang as languageOf } from '../../present/index.js';
import { decodeCallbackData } from './callback-data.js';

/**
 * Telegram update → what to do with it, decided without any I/O: a command
 * for the core, a reply the adapter gives itself, or a deliberate ignore with
 * its reason (for the debug log and the tests).
 */

export interface BotIdentity {
  id: number;
  username: string;
}

export interface From {
  id: number;
  name?: string;
  languageCode?: string;
}

/** Where a reply goes. */
export interface Place {
  chatId: number;
  chatType: 'private' | 'group' | 'supergroup';
  /** forum topic the message was in (replies go to the same topic) */
  topicId?: number;
  /** the message to reply to: the question, or the message whose button was pressed */
  messageId?: number;
}

export type IgnoreReason =
  | 'edited' // re-answering every edit would flood the chat; the user can ask again
  | 'channel' // the bot serves people, not channel posts
  | 'from_bot' // never talk to bots (no loops)
  | 'own_inline_result' // our own answer inserted through inline mode
  | 'sent_as_channel' // a user posting as a channel, or a channel post forwarded into its discussion group
  | 'service' // joins, pins, title changes…
  | 'not_addressed' // group chatter not meant for the bot
  | 'other_bot_command' // /cmd@OtherBot, or a group command we do not have
  | 'unknown_button' // callback data we did not write
  | 'empty_inline_query' // the user has typed "@Bot " and nothing yet
  | 'unsupported_update';

export type Route =
  | {
      kind: 'command';
      via: 'message' | 'callback' | 'inline';
      command: string;
      /** raw arguments for the command's zod schema */
      args: Record<string, unknown>;
      from: From;
      /** absent for inline queries: they are answered in place */
      place?: Place;
      lang: Lang;
      /** sent on behalf of the group itself: only its administrators can do that */
      anonymousAdmin: boolean;
      callbackQueryId?: string;
      inlineQueryId?: string;
    }
  /** replies the adapter gives without the core: a sticker instead of text, a command we do not have */
  | { kind: 'local'; reply: 'not_text' | 'unknown_command'; from: From; place: Place; lang: Lang }
  | { kind: 'ignore'; reason: IgnoreReason; callbackQueryId?: string; inlineQueryId?: string };

export interface Router {
  route(update: Update): Route;
}

/** "/ask@BotName rest": a command at the start, maybe addressed to one bot. */
const COMMAND = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{3,64}))?(?=\s|$)/;
const MEDIA_KEYS = [
  'sticker',
  'photo',
  'video',
  'voice',
  'audio',
  'document',
  'animation',
  'video_note',
  'contact',
  'location',
  'venue',
  'poll',
  'dice',
  'game',
  'story',
] as const;

function senderOf(user: { id: number; first_name?: string; last_name?: string; language_code?: string }): From {
  const name = [user.first_name, user.last_name].filter(Boolean).join(' ') || undefined;
  return { id: user.id, name, languageCode: user.language_code };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * @param commands the commands Telegram offers (commandsFor('telegram', …)); hidden ones are reached by buttons only
 */
export function createRouter(me: BotIdentity, commands: readonly CommandSpec[]): Router {
  const byName = new Map(commands.filter((c) => !c.hidden).map((c) => [c.name, c]));
  // free text (private messages, mentions, replies, inline queries) goes to the command that declares it takes it
  const textCommand = freeTextCommand([...byName.values()]);
  const textSpec = textCommand && byName.get(textCommand.name);
  // a 4096-character Telegram message must reach the core's polite "too long", not a schema error
  const textMax = (textSpec && commandShape(textSpec).options?.find((o) => o.name === textCommand?.arg)?.maxLength) ?? Infinity;
  const mention = new RegExp(`(?<![\\w@])@${escapeRegExp(me.username)}(?!\\w)`, 'giu');
  const isMe = (name: string | undefined) => name?.toLowerCase() === me.username.toLowerCase();

  const freeText = (text: string) => ({ [textCommand?.arg ?? 'text']: text.trim().slice(0, textMax) });

  function routeMessage(msg: Message): Route {
    if (msg.chat.type === 'channel') return { kind: 'ignore', reason: 'channel' };
    const anonymousAdmin = msg.sender_chat?.id === msg.chat.id;
    if (msg.sender_chat && !anonymousAdmin) return { kind: 'ignore', reason: 'sent_as_channel' };
    if (!msg.from) return { kind: 'ignore', reason: 'service' };
    if (msg.from.is_bot && !anonymousAdmin) return { kind: 'ignore', reason: 'from_bot' };
    if ('via_bot' in msg && msg.via_bot?.id === me.id) return { kind: 'ignore', reason: 'own_inline_result' };

    const from = senderOf(msg.from);
    const lang = languageOf(msg.from.language_code);
    const isPrivate = msg.chat.type === 'private';
    const topicId = 'is_topic_message' in msg && msg.is_topic_message ? msg.message_thread_id : undefined;
    const place: Place = { chatId: msg.chat.id, chatType: msg.chat.type, messageId: msg.message_id, ...(topicId ? { topicId } : {}) };
    const repliesToMe = 'reply_to_message' in msg && msg.reply_to_message?.from?.id === me.id;
    const text = 'text' in msg ? msg.text : 'caption' in msg ? msg.caption : undefined;
    const command = (name: string, args: Record<string, unknown>): Route => ({
      kind: 'command',
      via: 'message',
      command: name,
      args,
      from,
      place,
      lang,
      anonymousAdmin,
    });

    if (text === undefined) {
      const isMedia = MEDIA_KEYS.some((key) => key in msg);
      if (!isMedia) return { kind: 'ignore', reason: 'service' };
      return isPrivate || repliesToMe
        ? { kind: 'local', reply: 'not_text', from, place, lang }
        : { kind: 'ignore', reason: 'not_addressed' };
    }

    const match = COMMAND.exec(text);
    if (match) {
      const [whole, rawName, target] = match;
      if (target && !isMe(target)) return { kind: 'ignore', reason: 'other_bot_command' };
      const name = rawName!.toLowerCase();
      const spec = byName.get(name);
      if (!spec)
        return isPrivate || target
          ? { kind: 'local', reply: 'unknown_command', from, place, lang }
          : { kind: 'ignore', reason: 'other_bot_command' };
      const rest = text.slice(whole.length);
      return command(name, name === textCommand?.name ? freeText(rest) : parseTextArguments(spec, rest));
    }

    if (!textCommand) return { kind: 'ignore', reason: 'not_addressed' };
    if (isPrivate) return command(textCommand.name, freeText(text));
    const withoutMention = text.replace(mention, ' ');
    if (withoutMention !== text || repliesToMe) return command(textCommand.name, freeText(withoutMention));
    return { kind: 'ignore', reason: 'not_addressed' };
  }

  function routeCallback(query: Extract<Update, { callback_query: unknown }>['callback_query']): Route {
    const callbackQueryId = query.id;
    const button = decodeCallbackData('data' in query ? query.data : undefined);
    const msg = query.message;
    if (!button || !msg) return { kind: 'ignore', reason: 'unknown_button', callbackQueryId };
    if (msg.chat.type === 'channel') return { kind: 'ignore', reason: 'channel', callbackQueryId };
    const topicId = 'is_topic_message' in msg && msg.is_topic_message ? msg.message_thread_id : undefined;
    return {
      kind: 'command',
      via: 'callback',
      command: button.command,
      args: button.args,
      from: senderOf(query.from),
      place: { chatId: msg.chat.id, chatType: msg.chat.type, messageId: msg.message_id, ...(topicId ? { topicId } : {}) },
      lang: languageOf(query.from.language_code),
      anonymousAdmin: false,
      callbackQueryId,
    };
  }

  return {
    route(update) {
      if ('message' in update) return routeMessage(update.message);
      if ('callback_query' in update) return routeCallback(update.callback_query);
      if ('inline_query' in update) {
        const query = update.inline_query;
        if (!query.query.trim() || !textCommand) return { kind: 'ignore', reason: 'empty_inline_query', inlineQueryId: query.id };
        return {
          kind: 'command',
          via: 'inline',
          command: textCommand.name,
          args: freeText(query.query),
          from: senderOf(query.from),
          lang: languageOf(query.from.language_code),
          anonymousAdmin: false,
          inlineQueryId: query.id,
        };
      }
      if ('edited_message' in update) return { kind: 'ignore', reason: 'edited' };
      if ('channel_post' in update || 'edited_channel_post' in update) return { kind: 'ignore', reason: 'channel' };
      return { kind: 'ignore', reason: 'unsupported_update' };
    },
  };
}

/**
 * The core's view of a routed command. Private chats and inline queries have
 * no scope; a group is the scope of channel rules and a forum topic is a
 * channel in it ("<chat>:<topic>"), like a Discord channel in a server.
 */
export function toInvocation(route: Extract<Route, { kind: 'command' }>, isModerator: boolean, requestId?: string): Invocation {
  const { place, from } = route;
  const chat: Invocation['chat'] = !place
    ? { id: `inline:${from.id}`, kind: 'private' }
    : place.chatType === 'private'
      ? { id: String(place.chatId), kind: 'private' }
      : { id: place.topicId ? `${place.chatId}:${place.topicId}` : String(place.chatId), scopeId: String(place.chatId), kind: 'group' };
  return {
    command: route.command,
    args: route.args,
    platform: 'telegram',
    user: { id: String(from.id), ...(from.name ? { name: from.name } : {}), isModerator },
    chat,
    ...(requestId ? { requestId } : {}),
    ...(route.via === 'inline' ? { preview: true } : {}),
  };
}
