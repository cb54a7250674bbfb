import type { BotCommand, BotCommandScope } from 'telegraf/types';
import { type CommandSpec, commandsFor } from '../../core/command.js';

/**
 * The command menus Telegram shows when "/" is typed, derived from the
 * command declarations: members' commands for everyone, moderators' too for
 * chat administrators and, in their private chat with the bot, for the
 * operator ids. English is the default; Arabic for users whose Telegram is
 * in Arabic.
 */
export interface CommandMenu {
  scope: BotCommandScope;
  /** absent: the default for every language without its own menu */
  language_code?: 'ar';
  commands: BotCommand[];
}

/** Telegram's rules for a command name and description. */
export const COMMAND_NAME = /^[a-z0-9_]{1,32}$/;
export const DESCRIPTION_MAX = 256;

function entries(commands: readonly CommandSpec[], lang: 'en' | 'ar'): BotCommand[] {
  return commands.map((c) => ({
    command: c.name,
    description: (lang === 'ar' ? c.descriptionAr : c.description).slice(0, DESCRIPTION_MAX),
  }));
}

/**
 * @example commandMenus(COMMANDS, ['123456789'])
 *   // default (en, ar): ask, source, help, start; all_chat_administrators and chat 123456789 (en, ar): + reload, stats, channels, synonym
 */
export function commandMenus(commands: readonly CommandSpec[], adminIds: readonly string[]): CommandMenu[] {
  const visible = commandsFor('telegram', commands).filter((c) => !c.hidden);
  const members = visible.filter((c) => c.access === 'member');
  // a private chat's id is the user's id; negative ids are groups, not people
  const operatorChats = adminIds.map((id) => Number(id)).filter((id) => Number.isSafeInteger(id) && id > 0);
  const scoped: { scope: BotCommandScope; commands: readonly CommandSpec[] }[] = [
    { scope: { type: 'default' }, commands: members },
    { scope: { type: 'all_chat_administrators' }, commands: visible },
    ...operatorChats.map((chat_id) => ({ scope: { type: 'chat', chat_id } as BotCommandScope, commands: visible })),
  ];
  return scoped.flatMap(({ scope, commands: list }) => [
    { scope, commands: entries(list, 'en') },
    { scope, language_code: 'ar' as const, commands: entries(list, 'ar') },
  ]);
}
