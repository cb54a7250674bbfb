import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
} from 'discord.js';
import { type CommandSpec, commandsFor } from '../../core/command.js';
import { commandShape, type OptionShape } from '../../core/command-shape.js';

/** Discord's rules for application commands (API reference, "Application Command Object"). */
export const SLASH_LIMITS = {
  name: /^[a-z0-9_]{1,32}$/,
  description: 100,
  options: 25,
  choices: 25,
  stringLength: 6000,
} as const;

export interface SlashOptionJson {
  type: ApplicationCommandOptionType;
  name: string;
  description: string;
  required?: boolean;
  min_length?: number;
  max_length?: number;
  min_value?: number;
  max_value?: number;
  choices?: { name: string; value: string }[];
  autocomplete?: boolean;
  channel_types?: ChannelType[];
  options?: SlashOptionJson[];
}

/**
 * The body Discord takes for a chat-input command (PUT /applications/{id}/commands).
 *
 * @example { type: 1, name: 'ask', description: 'Ask a question…', options: [{ type: 3, name: 'question', … }],
 *            default_member_permissions: null, contexts: [0, 1], integration_types: [0] }
 */
export interface SlashCommandJson {
  type: ApplicationCommandType.ChatInput;
  name: string;
  description: string;
  options: SlashOptionJson[];
  /** null: everyone; a permission bit as a decimal string: who sees it in the menu */
  default_member_permissions: string | null;
  contexts: InteractionContextType[];
  integration_types: ApplicationIntegrationType[];
}

/** Channels where a member can type a question: the only ones `/channels` rules make sense for. */
const QUESTION_CHANNELS = [ChannelType.GuildText, ChannelType.GuildAnnouncement];

function fail(command: string, problem: string): never {
  throw new Error(`Command "${command}" cannot be offered on Discord: ${problem}. Fix its declaration in commands/.`);
}

function optionJson(command: string, option: OptionShape): SlashOptionJson {
  const base = { name: option.name, description: option.description, required: option.required };
  if (option.channel) return { ...base, type: ApplicationCommandOptionType.Channel, channel_types: QUESTION_CHANNELS };
  if (option.type === 'boolean') return { ...base, type: ApplicationCommandOptionType.Boolean };
  if (option.type === 'integer' || option.type === 'number') {
    return {
      ...base,
      type: option.type === 'integer' ? ApplicationCommandOptionType.Integer : ApplicationCommandOptionType.Number,
      min_value: option.minimum,
      max_value: option.maximum,
      autocomplete: option.autocomplete || undefined,
    };
  }
  if (option.choices && option.choices.length > SLASH_LIMITS.choices)
    fail(command, `option "${option.name}" has ${option.choices.length} choices (Discord takes ${SLASH_LIMITS.choices}); use autocomplete`);
  if (option.choices && option.autocomplete) fail(command, `option "${option.name}" has both choices and autocomplete`);
  return {
    ...base,
    type: ApplicationCommandOptionType.String,
    // Discord caps string options at 6000; the zod schema still checks its own limit
    min_length: option.minLength === undefined ? undefined : Math.min(option.minLength, SLASH_LIMITS.stringLength),
    max_length: option.maxLength === undefined ? undefined : Math.min(option.maxLength, SLASH_LIMITS.stringLength),
    choices: option.choices?.map((value) => ({ name: value, value })),
    autocomplete: option.autocomplete || undefined,
  };
}

/** Drops undefined fields so the JSON is what Discord echoes back (and what tests compare). */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** One command as Discord application-command JSON, derived from its zod schema. */
export function slashCommandJson(spec: CommandSpec): SlashCommandJson {
  const shape = commandShape(spec);
  const options: SlashOptionJson[] = shape.subcommands
    ? shape.subcommands.map((sub) => ({
        type: ApplicationCommandOptionType.Subcommand,
        name: sub.name,
        description: sub.description,
        options: sub.options.map((o) => compact(optionJson(spec.name, o))),
      }))
    : shape.options.map((o) => compact(optionJson(spec.name, o)));
  const moderator = spec.access === 'moderator';
  return {
    type: ApplicationCommandType.ChatInput,
    name: spec.name,
    // Discord has no Arabic locale, so descriptions cannot be localized to Arabic; /help shows the Arabic ones.
    description: spec.description,
    options,
    // Hidden from members' menus; the dispatcher checks the permission again.
    default_member_permissions: moderator ? PermissionFlagsBits.ManageGuild.toString() : null,
    // Nobody is a moderator in a DM, so moderator commands are offered in servers only.
    contexts: moderator ? [InteractionContextType.Guild] : [InteractionContextType.Guild, InteractionContextType.BotDM],
    integration_types: [ApplicationIntegrationType.GuildInstall],
  };
}

/** Every command a Discord member can type: the platform's commands minus those reached by buttons. */
export function slashCommands(commands: readonly CommandSpec[]): SlashCommandJson[] {
  return commandsFor('discord', commands)
    .filter((c) => !c.hidden)
    .map(slashCommandJson);
}
