import { textLang } from '../present/script.js';
import type { BotService } from './bot-service.js';
import type { CommandSpec, Suggestion } from './command.js';
import { UserError } from './errors.js';
import { type DrainReport, InFlight, type Turn, Turns } from './in-flight.js';
import type { Invocation } from './invocation.js';
import type { Logger } from './logger.js';
import type { RateLimiter } from './rate-limiter.js';
import { errorReply, type Lang, type Reply } from './reply.js';

export interface DispatchOptions {
  lang?: Lang;
  logger?: Logger;
  /** the platform event this invocation answers (already counted in flight by `receive`) */
  turn?: Turn;
}

export interface Dispatcher {
  readonly commands: readonly CommandSpec[];
  /** Runs an invocation through access, channel, rate and argument checks. Unexpected errors propagate to the adapter's boundary. */
  dispatch(invocation: Invocation, options?: DispatchOptions): Promise<Reply>;
  /**
   * Counts a platform event as in flight from receipt until `handle` settles,
   * that is until its last reply call has returned: adapters wrap each event in it.
   */
  receive<T>(handle: (turn: Turn) => Promise<T>): Promise<T>;
  /**
   * Autocomplete: the values a command suggests for an option as it is typed,
   * after the same access and channel checks as running it; none when refused.
   * Not rate-limited: platforms ask on every keystroke.
   */
  suggest(invocation: Invocation, option: string, typed: string): Promise<Suggestion[]>;
  /** Whether this user may run this command here (access and channel rules), for adapters deciding to acknowledge early. */
  allows(invocation: Invocation): Promise<boolean>;
  find(name: string): CommandSpec | undefined;
  /** Stops taking new invocations (they get `unavailable`); those in flight go on. */
  close(): void;
  /**
   * Waits up to `waitMs` for everything in flight, then tells the askers still
   * waiting to ask again (giving that `tellMs`); says how each ended.
   */
  drain(waitMs: number, tellMs?: number): Promise<DrainReport>;
  /** false from the first moment of shutdown */
  readonly accepting: boolean;
  readonly inFlight: number;
}

/** How long shutdown gives the "restarting, ask again" notices once it stops waiting for answers. */
export const TELL_TIMEOUT_MS = 3000;

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
  const turns = new Turns();

  function tracked(invocation: Invocation, extra: DispatchOptions = {}): Promise<Reply> {
    if (closed) return Promise.resolve(errorReply('unavailable', extra.lang ?? 'en'));
    // inside a turn, the turn already counts it
    return extra.turn ? dispatch(invocation, extra) : inFlight.track(dispatch(invocation, extra));
  }

  /** Why this user may not run this command here; undefined when they may. */
  async function refusal(spec: CommandSpec, invocation: Invocation): Promise<'not_allowed' | 'channel_closed' | undefined> {
    // Moderator commands are checked here even if a platform already hid them.
    if (spec.access === 'moderator' && !invocation.user.isModerator) return 'not_allowed';
    if (
      spec.access === 'member' &&
      !spec.anyChannel &&
      !invocation.user.isModerator &&
      !(await bot.channelOpen(invocation.chat.scopeId, invocation.chat.id))
    ) {
      return 'channel_closed';
    }
    return undefined;
  }

  /** The asker's language: the question's own, else the platform locale the adapter passed. */
  function askerLang(spec: CommandSpec | undefined, invocation: Invocation, locale: Lang): Lang {
    const text = spec?.freeText ? invocation.args[spec.freeText] : undefined;
    return typeof text === 'string' ? textLang(text, locale) : locale;
  }

  async function dispatch(invocation: Invocation, extra: DispatchOptions = {}): Promise<Reply> {
    const logger = extra.logger ?? options.logger;
    const spec = byName.get(invocation.command);
    const lang = askerLang(spec, invocation, extra.lang ?? 'en');
    if (!spec) return errorReply('unknown_command', lang);

    const refused = await refusal(spec, invocation);
    if (refused) return errorReply(refused, lang);

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
    receive: (handle) => turns.track(handle),
    async suggest(invocation, option, typed) {
      const spec = byName.get(invocation.command);
      const source = spec?.suggest?.[option];
      if (closed || !spec || !source || (await refusal(spec, invocation))) return [];
      return source(bot, typed);
    },
    async allows(invocation) {
      const spec = byName.get(invocation.command);
      return spec !== undefined && (await refusal(spec, invocation)) === undefined;
    },
    find: (name) => byName.get(name),
    close() {
      closed = true;
      turns.close();
    },
    async drain(waitMs, tellMs = TELL_TIMEOUT_MS) {
      const started = Date.now();
      await inFlight.idle(waitMs);
      return turns.drain(Math.max(0, waitMs - (Date.now() - started)), tellMs);
    },
    get accepting() {
      return !closed;
    },
    get inFlight() {
      return inFlight.size + turns.size;
    },
  };
}
