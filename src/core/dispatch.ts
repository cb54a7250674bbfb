import type { BotService } from './bot-service.js';
import { textLang } from '../present/script.js';
import type { CommandSpec, Suggestion } from './command.js';
import { UserError } from './errors.js';
import type { Invocation } from './invocation.js';
import { InFlight } from './in-flight.js';
import type { Logger } from './logger.js';
import type { RateLimiter } from './rate-limiter.js';
import { errorReply, type Lang, type Reply } from './reply.js';

export interface Dispatcher {
  readonly commands: readonly CommandSpec[];
  /** Runs an invocation through access, channel, rate and argument checks. Unexpected errors propagate to the adapter's boundary. */
  dispatch(invocation: Invocation, options?: { lang?: Lang; logger?: Logger }): Promise<Reply>;
  /**
   * Autocomplete: the values a command suggests for an option as it is typed,
   * after the same access and channel checks as running it; none when refused.
   * Not rate-limited: platforms ask on every keystroke.
   */
  suggest(invocation: Invocation, option: string, typed: string): Suggestion[];
  /** Whether this user may run this command here (access and channel rules), for adapters deciding to acknowledge early. */
  allows(invocation: Invocation): boolean;
  find(name: string): CommandSpec | undefined;
  /** Stops taking new invocations (they get `unavailable`); those in flight go on. */
  close(): void;
  /** Resolves when no invocation is in flight, or after `timeoutMs`; true if drained. */
  drain(timeoutMs: number): Promise<boolean>;
  readonly inFlight: number;
}

export interface DispatcherOptions {
  commands: readonly CommandSpec[];
  bot: BotService;
  logger: Logger;
  userLimiter: RateLimiter;
  channelLimiter: RateLimiter;
}

/** "question: Too big: expected string to have <=1000 characters" */
function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const byName = new Map(options.commands.map((c) => [c.name, c]));
  const { bot, userLimiter, channelLimiter } = options;
  let closed = false;
  const inFlight = new InFlight();

  function tracked(invocation: Invocation, extra: { lang?: Lang; logger?: Logger } = {}): Promise<Reply> {
    if (closed) return Promise.resolve(errorReply('unavailable', extra.lang ?? 'en'));
    return inFlight.track(dispatch(invocation, extra));
  }

  /** Why this user may not run this command here; undefined when they may. */
  function refusal(spec: CommandSpec, invocation: Invocation): 'not_allowed' | 'channel_closed' | undefined {
    // Moderator commands are checked here even if a platform already hid them.
    if (spec.access === 'moderator' && !invocation.user.isModerator) return 'not_allowed';
    if (spec.access === 'member' && !spec.anyChannel && !invocation.user.isModerator && !bot.channelOpen(invocation.chat.scopeId, invocation.chat.id)) {
      return 'channel_closed';
    }
    return undefined;
  }

  /** The asker's language: the question's own, else the platform locale the adapter passed. */
  function askerLang(spec: CommandSpec | undefined, invocation: Invocation, locale: Lang): Lang {
    const text = spec?.freeText ? invocation.args[spec.freeText] : undefined;
    return typeof text === 'string' ? textLang(text, locale) : locale;
  }

  async function dispatch(invocation: Invocation, extra: { lang?: Lang; logger?: Logger } = {}): Promise<Reply> {
    const logger = extra.logger ?? options.logger;
    const spec = byName.get(invocation.command);
    const lang = askerLang(spec, invocation, extra.lang ?? 'en');
    if (!spec) return errorReply('unknown_command', lang);

    const refused = refusal(spec, invocation);
    if (refused) return errorReply(refused, lang);

    // the console is the operator's own terminal
    if (spec.rateLimited && invocation.platform !== 'console' && !invocation.preview) {
      const userOk = userLimiter.take(`${invocation.platform}:${invocation.user.id}`);
      const channelOk = userOk && channelLimiter.take(`${invocation.platform}:${invocation.chat.id}`);
      if (!userOk || !channelOk) return errorReply('rate_limited', lang);
    }

    const parsed = spec.args.safeParse(invocation.args);
    if (!parsed.success) return errorReply('bad_arguments', lang, describeIssues(parsed.error.issues));

    try {
      return await spec.run({ invocation, bot, lang, logger, commands: options.commands }, parsed.data);
    } catch (error) {
      if (error instanceof UserError) return errorReply(error.code, lang, error.detail);
      throw error;
    }
  }

  return {
    commands: options.commands,
    dispatch: tracked,
    suggest(invocation, option, typed) {
      const spec = byName.get(invocation.command);
      const source = spec?.suggest?.[option];
      if (closed || !spec || !source || refusal(spec, invocation)) return [];
      return source(bot, typed);
    },
    allows(invocation) {
      const spec = byName.get(invocation.command);
      return spec !== undefined && refusal(spec, invocation) === undefined;
    },
    find: (name) => byName.get(name),
    close() {
      closed = true;
    },
    drain: (timeoutMs) => inFlight.idle(timeoutMs),
    get inFlight() {
      return inFlight.size;
    },
  };
}
