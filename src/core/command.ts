import type { z } from 'zod';
import type { BotService } from './bot-service.js';
import type { Invocation, Platform } from './invocation.js';
import type { Logger } from './logger.js';
import type { Lang, Reply } from './reply.js';

export type AccessLevel = 'member' | 'moderator';

/**
 * An autocomplete choice: what the person sees, and the value the option gets.
 *
 * @example { label: 'الكويت 13 فبراير 2018 · 2018-02-13', value: '000_ef08b0032887354d' }
 */
export interface Suggestion {
  label: string;
  value: string;
}

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
 * becomes the option's description; `.meta({ channel: true })` marks a channel.
 *
 * What adapters need to know besides is declared here too, so no adapter
 * names a command: `slow` (acknowledge at once), `freeText` (where a private
 * message, a mention or a console line goes) and `suggest` (autocomplete).
 *
 * @example
 * defineCommand({ name: 'ask', description: 'Ask a question', descriptionAr: 'اطرح سؤالًا', access: 'member',
 *   args: z.object({ question: z.string().meta({ description: 'Your question' }) }),
 *   run: ({ bot }, { question }) => … })
 */
// biome-ignore lint/suspicious/noExplicitAny: a list of commands holds specs of different argument types
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
  /** the platforms that offer it; all when absent */
  platforms?: readonly Platform[];
  /**
   * slow enough that adapters acknowledge before running it (Discord defers
   * the interaction, Telegram shows "typing…"); fast commands are acknowledged
   * only if they overrun the platform's deadline
   */
  slow?: boolean;
  /**
   * text typed to the bot without a command (a private message, a mention, a
   * console line, an inline query) runs this command with the text as this
   * argument; at most one command declares it
   */
  freeText?: Extract<keyof Args, string>;
  /**
   * values to suggest as the person types an option, by option name; the
   * option is then offered with autocomplete where the platform has it
   */
  suggest?: Readonly<Partial<Record<Extract<keyof Args, string>, (bot: BotService, typed: string) => Suggestion[]>>>;
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

/** The command free text goes to, and the argument it fills; undefined when no command takes free text. */
export function freeTextCommand(commands: readonly CommandSpec[]): { name: string; arg: string } | undefined {
  const spec = commands.find((c) => c.freeText);
  return spec?.freeText ? { name: spec.name, arg: spec.freeText } : undefined;
}
