import type { BotService } from './bot-service.js';
import type { CommandSpec } from './command.js';
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

  async function dispatch(invocation: Invocation, extra: { lang?: Lang; logger?: Logger } = {}): Promise<Reply> {
    const lang = extra.lang ?? 'en';
    const logger = extra.logger ?? options.logger;
    const spec = byName.get(invocation.command);
    if (!spec) return errorReply('unknown_command', lang);

    // Moderator commands are checked here even if a platform already hid them.
    if (spec.access === 'moderator' && !invocation.user.isModerator) return errorReply('not_allowed', lang);

    if (spec.access === 'member' && !spec.anyChannel && !invocation.user.isModerator && !(await bot.channelOpen(invocation.chat.scopeId, invocation.chat.id))) {
      return errorReply('channel_closed', lang);
    }

    // the console is the operator's own terminal
    if (spec.rateLimited && invocation.platform !== 'console' && !invocation.preview) {
      const userOk = await userLimiter.take(`${invocation.platform}:${invocation.user.id}`);
      const channelOk = userOk && (await channelLimiter.take(`${invocation.platform}:${invocation.chat.id}`));
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
