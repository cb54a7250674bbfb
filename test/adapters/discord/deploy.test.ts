import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.js';
import { deployCommands, explainDiscordFailure, slashCommands } from '../../../src/adapters/discord/index.js';
import { FAKE_TOKEN, type FakeDiscord, IDS, startFakeDiscord } from './fake-discord.js';

describe('deploying the slash commands', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFakeDiscord();
  });
  afterAll(() => fake.close());

  it('publishes the derived JSON to one server when a guild id is given', async () => {
    const result = await deployCommands(COMMANDS, {
      token: FAKE_TOKEN,
      applicationId: IDS.application,
      guildId: IDS.guild,
      restApi: fake.restApi,
    });
    expect(result.names).toEqual(['ask', 'source', 'help', 'reload', 'stats', 'channels', 'synonym']);
    const put = await fake.waitForRequest(
      (r) => r.method === 'PUT' && r.path === `/applications/${IDS.application}/guilds/${IDS.guild}/commands`,
    );
    expect(put.authorization).toBe(`Bot ${FAKE_TOKEN}`);
    expect(put.body).toEqual(JSON.parse(JSON.stringify(slashCommands(COMMANDS))));
  });

  it('publishes globally without a guild id, reading the application id from the token', async () => {
    const result = await deployCommands(COMMANDS, { token: FAKE_TOKEN, restApi: fake.restApi });
    expect(result).toMatchObject({ applicationId: IDS.application, guildId: undefined });
    await fake.waitForRequest((r) => r.method === 'PUT' && r.path === `/applications/${IDS.application}/commands`);
  });

  it('fails with the fix when the bot was not invited to that server', async () => {
    const otherGuild = '1299999999999999999';
    const error = await deployCommands(COMMANDS, {
      token: FAKE_TOKEN,
      applicationId: IDS.application,
      guildId: otherGuild,
      restApi: fake.restApi,
    }).catch((e: unknown) => e);
    expect(explainDiscordFailure(error, { guildId: otherGuild })).toMatch(
      /^Discord refused access to server 1299999999999999999 \(403 Missing Access\) — invite the bot/,
    );
  });
});
