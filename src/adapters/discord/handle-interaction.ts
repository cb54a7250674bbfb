import type { Dispatcher } from '../../core/dispatch.js';
import type { Turn } from '../../core/in-flight.js';
import type { Invocation } from '../../core/invocation.js';
import type { Logger } from '../../core/logger.js';
import type { NoticeWindow } from '../../core/notice-window.js';
import { errorReply, type Lang, type Reply } from '../../core/reply.js';
import { localeLang } from '../../present/index.js';
import {
  type AutocompleteInteractionLike,
  autocompleteInvocation,
  type ButtonInteractionLike,
  buttonInvocation,
  type CommandInteractionLike,
  commandInvocation,
} from './invocation.js';
import { renderChoices, renderReply } from './render.js';
import { type Responder, withinDeadline } from './responder.js';

export interface HandlerContext {
  dispatcher: Dispatcher;
  /** a reply not ready by then is deferred (Discord's limit is 3 s); commands declared `slow` defer at once */
  deferAfterMs: number;
  /** rate-limit notices already given in reply to mentions (public messages) */
  rateNotices: NoticeWindow;
}

function outcome(reply: Reply): Record<string, unknown> {
  if (reply.kind === 'answer')
    return { reply: reply.kind, status: reply.answer.status, passages: reply.answer.passages.length, page: reply.page };
  if (reply.kind === 'error') return { reply: reply.kind, code: reply.code };
  return { reply: reply.kind };
}

/**
 * One API call per reply where Discord allows it: a reply ready within the
 * deadline is sent directly (an answer, or a private rate-limit note); only
 * slow work is deferred ("thinking…") and then edited.
 */
async function run(
  invocation: Invocation,
  lang: Lang,
  responder: Responder,
  context: HandlerContext,
  log: Logger,
  turn?: Turn,
): Promise<void> {
  const started = performance.now();
  const spec = context.dispatcher.find(invocation.command);
  if (spec?.freeText) log.debug({ question: invocation.args[spec.freeText] }, 'question');
  let reply: Reply;
  // slow work is acknowledged at once; a refusal is not (it goes out privately, at once)
  if (spec?.slow && (await context.dispatcher.allows(invocation))) {
    await responder.defer();
    reply = await context.dispatcher.dispatch(invocation, { lang, logger: log, turn });
  } else {
    reply = await withinDeadline(context.dispatcher.dispatch(invocation, { lang, logger: log, turn }), context.deferAfterMs, responder);
  }
  await responder.send(renderReply(reply));
  log.info({ ...outcome(reply), latencyMs: Math.round(performance.now() - started) }, 'interaction answered');
}

/** A slash command: options → Invocation → dispatcher → reply. */
export function handleCommand(
  interaction: CommandInteractionLike,
  responder: Responder,
  context: HandlerContext,
  log: Logger,
  turn?: Turn,
): Promise<void> {
  return run(commandInvocation(interaction), localeLang(interaction.locale), responder, context, log, turn);
}

/** "More sources" and 👍/👎: the hidden commands, by their short ids. */
export async function handleButton(
  interaction: ButtonInteractionLike,
  responder: Responder,
  context: HandlerContext,
  log: Logger,
  turn?: Turn,
): Promise<void> {
  const lang = localeLang(interaction.locale);
  const invocation = buttonInvocation(interaction);
  if (!invocation) {
    log.info({ customId: interaction.customId }, 'button not made by this bot version');
    await responder.send(renderReply(errorReply('expired', lang)));
    return;
  }
  await run(invocation, lang, responder, context, log, turn);
}

/** Suggestions as the member types an option (Discord shows at most 25), through the dispatcher's access and channel checks. */
export async function handleAutocomplete(interaction: AutocompleteInteractionLike, dispatcher: Dispatcher): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const suggestions = await dispatcher.suggest(autocompleteInvocation(interaction), focused.name, String(focused.value));
  await interaction.respond(renderChoices(suggestions));
}
