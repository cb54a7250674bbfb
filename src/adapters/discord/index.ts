export { createDiscordAdapter, type DiscordAdapterOptions } from './discord-adapter.js';
export { deployCommands, type DeployOptions, type DeployResult } from './deploy.js';
export { explainDiscordFailure } from './discord-errors.js';
export { slashCommands, slashCommandJson, type SlashCommandJson } from './slash-json.js';
