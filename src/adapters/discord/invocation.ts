import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord.js';
import type { Invocation } from '../../core/invocation.js';
import { parseButtonId } from './button-ids.js';

/**
 * The slices of discord.js interactions and messages this file reads, so
 * tests can hand in small fakes.
 */
export interface OptionData {
  name: string;
  type: ApplicationCommandOptionType;
  value?: string | number | boolean;
  options?: readonly OptionData[];
}

interface ChannelLike {
  isThread(): boolean;
  parentId?: string | null;
}

export interface InteractionLike {
  id: string;
  locale: string;
  guildId: string | null;
  channelId: string | null;
  channel: ChannelLike | null;
  user: { id: string; username: string };
  memberPermissions: { has(permission: bigint): boolean } | null;
}

export interface CommandInteractionLike extends InteractionLike {
  commandName: string;
  options: { data: readonly OptionData[] };
}

export interface ButtonInteractionLike extends InteractionLike {
  customId: string;
}

export interface AutocompleteInteractionLike extends InteractionLike {
  commandName: string;
  options: { getFocused(full: true): { name: string; value: string | number | boolean } };
  respond(choices: { name: string; value: string }[]): Promise<unknown>;
}

export interface MessageLike {
  id: string;
  content: string;
  guildId: string | null;
  channelId: string;
  channel: ChannelLike;
  author: { id: string; username: string; bot: boolean };
  member: { permissions: { has(permission: bigint): boolean } } | null;
}

/** Subcommands become the `action` the command's discriminated union expects. */
export function optionArgs(options: readonly OptionData[]): Record<string, unknown> {
  const [first] = options;
  if (first && first.type === ApplicationCommandOptionType.Subcommand) return { action: first.name, ...optionArgs(first.options ?? []) };
  return Object.fromEntries(options.filter((o) => o.value !== undefined).map((o) => [o.name, o.value]));
}

/** Channel rules are set on channels, so a thread follows its parent channel. */
function ruleChannel(channelId: string, channel: ChannelLike | null): string {
  return channel?.isThread() && channel.parentId ? channel.parentId : channelId;
}

function whoAndWhere(source: InteractionLike): Pick<Invocation, 'platform' | 'user' | 'chat' | 'requestId'> {
  return {
    platform: 'discord',
    // ManageGuild is the moderator permission; in a DM there are no member permissions, so no moderator.
    user: {
      id: source.user.id,
      name: source.user.username,
      isModerator: source.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    },
    chat: {
      id: ruleChannel(source.channelId ?? source.user.id, source.channel),
      scopeId: source.guildId ?? undefined,
      kind: source.guildId ? 'group' : 'private',
    },
    requestId: source.id,
  };
}

export function commandInvocation(interaction: CommandInteractionLike): Invocation {
  return { command: interaction.commandName, args: optionArgs(interaction.options.data), ...whoAndWhere(interaction) };
}

/** Who is typing an option of which command, for the dispatcher's checks; the arguments are not known yet. */
export function autocompleteInvocation(interaction: AutocompleteInteractionLike): Invocation {
  return { command: interaction.commandName, args: {}, ...whoAndWhere(interaction) };
}

/** Undefined for a button this bot did not make. */
export function buttonInvocation(interaction: ButtonInteractionLike): Invocation | undefined {
  const action = parseButtonId(interaction.customId);
  return action && { command: action.command, args: action.args, ...whoAndWhere(interaction) };
}

function mentionPattern(botUserId: string): RegExp {
  return new RegExp(`<@!?${botUserId}>`, 'g');
}

/** In a server, only messages that mention the bot are questions; in a DM, every message is. */
export function isAddressedTo(message: MessageLike, botUserId: string): boolean {
  if (message.author.bot || message.author.id === botUserId) return false;
  return message.guildId === null || mentionPattern(botUserId).test(message.content);
}

/** The message without the mention, as the free text of `target` (the command that takes free text). */
export function mentionInvocation(message: MessageLike, botUserId: string, target: { name: string; arg: string }): Invocation {
  const text = message.content.replace(mentionPattern(botUserId), ' ').trim();
  return {
    command: target.name,
    args: { [target.arg]: text },
    platform: 'discord',
    user: {
      id: message.author.id,
      name: message.author.username,
      isModerator: message.member?.permissions.has(PermissionFlagsBits.ManageGuild) ?? false,
    },
    chat: {
      id: ruleChannel(message.channelId, message.channel),
      scopeId: message.guildId ?? undefined,
      kind: message.guildId ? 'group' : 'private',
    },
    requestId: message.id,
  };
}
