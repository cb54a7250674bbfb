import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../../src/adapters/adapter.js';
import { createDiscordAdapter } from '../../../src/adapters/discord/index.js';
import type { Config } from '../../../src/config.js';
import type { Logger } from '../../../src/core/logger.js';
import { createTestBot, type TestBot } from '../../support/bot.js';
import { FAKE_TOKEN, type FakeDiscord, IDS, type RecordedRequest, shardOf, startFakeDiscord } from './fake-discord.js';
import { slashCommand, stringOption } from './fake-events.js';

/** Guilds whose events were handled, from the `guild` binding of each log line. */
function guildLogger(guilds: Set<string>): Logger {
  const make = (bindings: Record<string, unknown>): Logger => {
    const at = () => () => {
      if (typeof bindings.guild === 'string') guilds.add(bindings.guild);
    };
    return { debug: at(), info: at(), warn: at(), error: at(), child: (more) => make({ ...bindings, ...more }) };
  };
  return make({});
}

/** A slash command from a member of `guildId`. */
function askIn(fake: FakeDiscord, guildId: string, channelId: string) {
  const ask = slashCommand(fake, 'ask', [stringOption('question', 'متى عقد اجتماع التحالف في الكويت؟')]);
  return {
    ...ask,
    guild_id: guildId,
    channel_id: channelId,
    channel: { ...ask.channel, id: channelId, guild_id: guildId },
    authorizing_integration_owners: { 0: guildId },
  };
}

const answered = (interaction: { id: string }) => (r: RecordedRequest) =>
  r.method === 'POST' && r.path.startsWith(`/interactions/${interaction.id}/`);

describe('two processes owning shards 0 and 1 of 2', () => {
  let fake: FakeDiscord;
  let test: TestBot;
  const adapters: Adapter[] = [];
  const handled = [new Set<string>(), new Set<string>()];

  beforeAll(async () => {
    fake = await startFakeDiscord({ shardCount: 2 });
    test = await createTestBot();
    const configs: NonNullable<Config['discord']>[] = [
      { token: FAKE_TOKEN, restApi: fake.restApi, shards: { count: 2, ids: [0] } },
      // the total asked from Discord (GET /gateway/bot)
      { token: FAKE_TOKEN, restApi: fake.restApi, shards: { count: 'auto', ids: [1] } },
    ];
    for (const [i, config] of configs.entries()) {
      adapters.push(
        createDiscordAdapter({ dispatcher: test.dispatcher, bot: test.bot, logger: guildLogger(handled[i]!), hashUserIds: false, config }),
      );
    }
    await Promise.all(adapters.map((a) => a.start()));
  });

  afterAll(async () => {
    await Promise.all(adapters.map((a) => a.stop()));
    await fake?.close();
    await test?.store.close();
  });

  it('identifies each process with its own shard of the same total, and both are ready', () => {
    expect(fake.identifies.map((d) => d.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(adapters.every((a) => a.isReady())).toBe(true);
    expect([shardOf(IDS.otherGuild, 2), shardOf(IDS.guild, 2)]).toEqual([0, 1]);
  });

  it('answers each server from the process that owns its shard, and only from it', async () => {
    const onShard0 = askIn(fake, IDS.otherGuild, IDS.otherChannel);
    const onShard1 = askIn(fake, IDS.guild, IDS.channel);
    fake.dispatch('INTERACTION_CREATE', onShard0);
    fake.dispatch('INTERACTION_CREATE', onShard1);
    await Promise.all([fake.waitForRequest(answered(onShard0)), fake.waitForRequest(answered(onShard1))]);
    expect(handled[0]).toEqual(new Set([IDS.otherGuild]));
    expect(handled[1]).toEqual(new Set([IDS.guild]));
    expect(fake.requests.filter(answered(onShard0))).toHaveLength(1);
  });
});
