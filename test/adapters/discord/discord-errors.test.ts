import { DiscordAPIError, DiscordjsErrorCodes } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { explainDiscordFailure, GatewayTimeoutError } from '../../../src/adapters/discord/discord-errors.js';

function apiError(status: number, code: number, message: string): DiscordAPIError {
  return new DiscordAPIError({ code, message }, code, status, 'PUT', 'https://discord.com/api/v10/applications/1/commands', {
    body: undefined,
    files: undefined,
  });
}

describe('explaining a failure to talk to Discord in one line', () => {
  it('names DISCORD_TOKEN and where to get a new one when the token is rejected', () => {
    // what client.login() throws when GET /gateway/bot answers 401
    const tokenInvalid = Object.assign(new Error('An invalid token was provided.'), { code: DiscordjsErrorCodes.TokenInvalid });
    for (const error of [tokenInvalid, apiError(401, 0, '401: Unauthorized'), new Error('Authentication failed')]) {
      const line = explainDiscordFailure(error);
      expect(line).toContain('DISCORD_TOKEN');
      expect(line).toContain('Developer Portal');
      expect(line).not.toContain('\n');
    }
  });

  it('names the address it could not reach, and DISCORD_REST_API when that was set', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    expect(explainDiscordFailure(refused, { restApi: 'http://127.0.0.1:9/api' })).toBe(
      'cannot reach the Discord API at http://127.0.0.1:9/api (ECONNREFUSED) — check the network, firewall or proxy, and DISCORD_REST_API',
    );
    const dns = new TypeError('fetch failed', {
      cause: Object.assign(new Error('getaddrinfo ENOTFOUND discord.com'), { code: 'ENOTFOUND' }),
    });
    expect(explainDiscordFailure(dns)).toMatch(/^cannot reach the Discord API at https:\/\/discord.com\/api \(ENOTFOUND\)/);
  });

  it('points at the invite when deploying to a server the bot is not in', () => {
    expect(explainDiscordFailure(apiError(403, 50001, 'Missing Access'), { guildId: '1200000000000000001' })).toMatch(
      /server 1200000000000000001 \(403 Missing Access\) — invite the bot .*applications\.commands/,
    );
  });

  it('tells a mismatched application id apart', () => {
    expect(explainDiscordFailure(apiError(404, 10002, 'Unknown Application'))).toContain('DISCORD_APPLICATION_ID');
  });

  it('says when the gateway never became ready', () => {
    expect(explainDiscordFailure(new GatewayTimeoutError(60_000))).toMatch(/^no READY from the Discord gateway within 60 s .*WebSocket/);
  });
});
