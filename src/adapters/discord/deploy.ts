import { REST, Routes } from 'discord.js';
import type { CommandSpec } from '../../core/command.js';
import { slashCommands } from './slash-json.js';

export interface DeployOptions {
  token: string;
  /** read from the token's application when absent */
  applicationId?: string;
  /** one server, for development: commands appear there at once */
  guildId?: string;
  restApi?: string;
}

export interface DeployResult {
  applicationId: string;
  guildId?: string;
  names: string[];
}

/**
 * Replaces the application's slash commands with the ones declared in
 * commands/ (a bulk PUT: commands removed from commands/ disappear too).
 *
 * @example await deployCommands(COMMANDS, { token, guildId: '123…' })
 */
export async function deployCommands(commands: readonly CommandSpec[], options: DeployOptions): Promise<DeployResult> {
  const rest = new REST(options.restApi ? { api: options.restApi } : {}).setToken(options.token);
  try {
    const applicationId = options.applicationId ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
    const route = options.guildId
      ? Routes.applicationGuildCommands(applicationId, options.guildId)
      : Routes.applicationCommands(applicationId);
    const deployed = (await rest.put(route, { body: slashCommands(commands) })) as { name: string }[];
    return { applicationId, guildId: options.guildId, names: deployed.map((c) => c.name) };
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}
