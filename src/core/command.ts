import { z } from 'zod';
import type { BotService } from './bot-service.js';
import type { Invocation, Platform } from './invocation.js';
import type { Logger } from './logger.js';
import type { Lang, Reply } from './reply.js';

export type AccessLevel = 'member' | 'moderator';

/** What a command's `run` receives besides its parsed arguments. */
export interface CommandContext {
  invocation: Invocation;
  bot: BotService;
  /** the reply language: the user's platform locale */
  lang: Lang;
  logger: Logger;
  /** the command list, for /help */
  commands: readonly CommandSpec[];
}

/**
 * A command, declared once. Adapters derive their platform form (slash-command
 * JSON, Telegram menus, console usage) from `name`, the descriptions and the
 * zod `args` schema; `run` returns a neutral Reply.
 *
 * Argument schemas are z.object (options) or z.discriminatedUnion on
 * `action` (subcommands). Each field's `.meta({ description, descriptionAr })`
 * becomes the option's description; `.meta({ autocomplete: true })` asks the
 * platform to suggest values; `.meta({ channel: true })` marks a channel.
 *
 * @example
 * defineCommand({ name: 'ask', description: 'Ask a question', descriptionAr: 'اطرح سؤالًا', access: 'member',
 *   args: z.object({ question: z.string().meta({ description: 'Your question' }) }),
 *   run: ({ bot }, { question }) => … })
 */
export interface CommandSpec<Args = any> {
  /** ASCII, as both platforms require: ^[a-z0-9_]{1,32}$ */
  name: string;
  /** English, ≤ 100 characters */
  description: string;
  /** Arabic, ≤ 100 characters */
  descriptionAr: string;
  access: AccessLevel;
  /** reached through buttons only: not listed in menus or /help */
  hidden?: boolean;
  /** counted against the per-user and per-channel rate limits */
  rateLimited?: boolean;
  /** answers members in any channel, even one closed to questions (e.g. /help) */
  anyChannel?: boolean;
  /** takes long enough that platforms acknowledge at once (Discord defers, Telegram shows "typing…") */
  slow?: boolean;
  /** the platforms that offer it; all when absent */
  platforms?: readonly Platform[];
  args: z.ZodType<Args>;
  run(context: CommandContext, args: Args): Reply | Promise<Reply>;
}

export function defineCommand<Args>(spec: CommandSpec<Args>): CommandSpec<Args> {
  return spec;
}

/** The commands a platform offers. */
export function commandsFor(platform: Platform, commands: readonly CommandSpec[]): CommandSpec[] {
  return commands.filter((c) => !c.platforms || c.platforms.includes(platform));
}
