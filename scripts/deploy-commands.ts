/**
 * npm run commands:deploy              publishes the slash commands: to DISCORD_GUILD_ID when set
 *                                      (instant, for development), otherwise globally
 * npm run commands:deploy -- --print   prints the command JSON and calls nothing
 *
 * Reads DISCORD_TOKEN, DISCORD_APPLICATION_ID (optional), DISCORD_GUILD_ID (optional)
 * and DISCORD_REST_API (optional) from the environment. See docs/discord.md.
 */
import { join } from 'node:path';
import { COMMANDS } from '../commands/index.js';
import { deployCommands, explainDiscordFailure, slashCommands } from '../src/adapters/discord/index.js';
import { createConfig } from '../src/config.js';
import { projectRoot } from '../src/project-root.js';

if (process.argv.includes('--print')) {
  console.log(JSON.stringify(slashCommands(COMMANDS), null, 2));
  process.exit(0);
}

const result = createConfig(process.env, { cwd: process.cwd(), bundledCorpusDir: join(projectRoot(), 'corpus') });
if (!result.ok) {
  for (const problem of result.problems) console.error(`config: ${problem}`);
  process.exit(2);
}
for (const warning of result.warnings) console.warn(`config: ${warning}`);
const discord = result.config.discord;
if (!discord) {
  console.error('commands:deploy: set DISCORD_TOKEN to the bot token (Developer Portal → your application → Bot); see docs/discord.md');
  process.exit(2);
}

try {
  const deployed = await deployCommands(COMMANDS, discord);
  const where = deployed.guildId
    ? `to server ${deployed.guildId} (available now)`
    : 'globally (every server the bot is in; may take a few minutes to show)';
  console.log(
    `Deployed ${deployed.names.length} commands ${where} for application ${deployed.applicationId}: ${deployed.names.map((n) => `/${n}`).join(' ')}`,
  );
} catch (error) {
  console.error(`commands:deploy: ${explainDiscordFailure(error, { restApi: discord.restApi, guildId: discord.guildId })}`);
  process.exit(1);
}
