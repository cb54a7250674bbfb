import { type ClientOptions, REST, Routes } from 'discord.js';
import type { Config } from '../../config.js';

type DiscordConfig = NonNullable<Config['discord']>;

/** Discord's recommended number of shards for this bot (GET /gateway/bot). */
export async function recommendedShardCount(config: DiscordConfig): Promise<number> {
  const rest = new REST(config.restApi ? { api: config.restApi } : {}).setToken(config.token);
  const { shards } = (await rest.get(Routes.gatewayBot())) as { shards: number };
  return shards;
}

/**
 * discord.js's own sharding options for this process: all shards of `auto`,
 * or the ids it owns of a total (asked from Discord when the total is auto).
 * Nothing set: discord.js's default, one shard.
 */
export async function shardOptions(config: DiscordConfig): Promise<Pick<ClientOptions, 'shards' | 'shardCount'>> {
  const shards = config.shards;
  if (!shards) return {};
  if (shards.count === 'auto' && !shards.ids) return { shards: 'auto' };
  const count = shards.count === 'auto' ? await recommendedShardCount(config) : shards.count;
  const ids = shards.ids ?? Array.from({ length: count }, (_, i) => i);
  const outside = ids.filter((id) => id >= count);
  if (outside.length)
    throw new Error(
      `DISCORD_SHARD_IDS ${outside.join(',')} are beyond the ${count} shards Discord recommends; lower them or set DISCORD_SHARD_COUNT`,
    );
  return { shards: ids, shardCount: count };
}
