import { freeTextCommand } from '../../core/command.js';
import type { Turn } from '../../core/in-flight.js';
import type { Logger } from '../../core/logger.js';
import type { HandlerContext } from './handle-interaction.js';
import { type MessageLike, mentionInvocation } from './invocation.js';
import { type DiscordMessage, renderReply } from './render.js';

export interface ReplyableMessage extends MessageLike {
  reply(
    options: Pick<DiscordMessage, 'content' | 'embeds' | 'components'> & { allowedMentions: { parse: []; repliedUser: false } },
  ): Promise<unknown>;
}

/**
 * A channel message cannot be ephemeral, so every reply to a mention is a
 * normal reply; it does not ping the asker either (repliedUser: false).
 */
export function replyToMessage(message: ReplyableMessage, rendered: DiscordMessage): Promise<unknown> {
  return message.reply({
    content: rendered.content,
    embeds: rendered.embeds,
    components: rendered.components,
    allowedMentions: { parse: [], repliedUser: false },
  });
}

/** A question asked by mentioning the bot in a channel, or in a DM: answered like /ask. */
export async function handleMention(
  message: ReplyableMessage,
  botUserId: string,
  context: HandlerContext,
  log: Logger,
  turn?: Turn,
): Promise<void> {
  const started = performance.now();
  const target = freeTextCommand(context.dispatcher.commands);
  if (!target) return;
  const invocation = mentionInvocation(message, botUserId, target);
  log.debug({ question: invocation.args[target.arg] }, 'question');
  // a mention carries no locale: the dispatcher takes the question's language, English when it has no letters
  const reply = await context.dispatcher.dispatch(invocation, { lang: 'en', logger: log, turn });
  // shutdown already told the asker to ask again
  if (turn?.interrupted) return;
  // a mention's reply is public: a member over the limit is told once per window, not once per message
  if (
    reply.kind === 'error' &&
    reply.code === 'rate_limited' &&
    !context.rateNotices.first(`${invocation.chat.id}:${invocation.user.id}`)
  ) {
    log.info({ reply: reply.kind, status: reply.code }, 'mention refused; the member was already told');
    return;
  }
  await replyToMessage(message, renderReply(reply));
  const status = reply.kind === 'answer' ? reply.answer.status : reply.kind === 'error' ? reply.code : reply.kind;
  log.info({ reply: reply.kind, status, latencyMs: Math.round(performance.now() - started) }, 'mention answered');
}
