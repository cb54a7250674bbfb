export { type DeployOptions, type DeployResult, deployCommands } from './deploy.js';
export { createDiscordAdapter, type DiscordAdapterOptions } from './discord-adapter.js';
export { explainDiscordFailure } from './discord-errors.js';
export { type SlashCommandJson, slashCommandJson, slashCommands } from './slash-json.js';
