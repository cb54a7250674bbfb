import { DiscordAPIError, DiscordjsErrorCodes, HTTPError } from 'discord.js';

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
]);

const TOKEN_FIX = 'copy the bot token again from the Developer Portal (Applications → your app → Bot → Reset Token) into DISCORD_TOKEN';

/** The gateway did not say READY in time; the REST API had answered. */
export class GatewayTimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`no READY from the Discord gateway within ${Math.round(ms / 1000)} s`);
    this.name = 'GatewayTimeoutError';
  }
}

export interface FailureContext {
  /** DISCORD_REST_API, when set */
  restApi?: string;
  /** DISCORD_GUILD_ID, when the failing call was about that server */
  guildId?: string;
}

function networkCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
  }
  return undefined;
}

function apiFailure(status: number, code: number | string | undefined, message: string, context: FailureContext): string {
  if (status === 401) return `the token was rejected (401 Unauthorized) — ${TOKEN_FIX}`;
  if (status === 403 && context.guildId) {
    return `Discord refused access to server ${context.guildId} (403 ${message}) — invite the bot to that server with the "bot" and "applications.commands" scopes (see docs/discord.md), or fix DISCORD_GUILD_ID`;
  }
  if (status === 403) return `Discord refused the request (403 ${message}) — check that DISCORD_APPLICATION_ID belongs to this bot's token`;
  if (status === 404 && code === 10002)
    return `unknown application (404) — DISCORD_APPLICATION_ID must be the id of the application whose bot token is in DISCORD_TOKEN`;
  if (status === 429) return 'Discord is rate-limiting this bot (429 Too Many Requests) — wait a few minutes and start again';
  if (status >= 500) return `Discord answered ${status} — it may be having trouble (https://discordstatus.com); try again in a few minutes`;
  return `Discord answered ${status}: ${message.split('\n')[0]}`;
}

/**
 * One line for an operator: what went wrong talking to Discord, and the fix.
 *
 * @example explainDiscordFailure(error, {}) // 'the token was rejected (401 Unauthorized) — copy the bot token again …'
 */
export function explainDiscordFailure(error: unknown, context: FailureContext = {}): string {
  const base = context.restApi ?? 'https://discord.com/api';
  if (error instanceof GatewayTimeoutError) {
    return `${error.message} (the REST API at ${base} answered) — check that outbound WebSocket connections to the gateway are allowed (wss://gateway.discord.gg, port 443)`;
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (code === DiscordjsErrorCodes.TokenInvalid) return `the token was rejected (401 Unauthorized) — ${TOKEN_FIX}`;
  if (error instanceof DiscordAPIError) return apiFailure(error.status, error.code, error.message, context);
  if (error instanceof HTTPError) return apiFailure(error.status, undefined, error.message, context);
  const message = error instanceof Error ? error.message : String(error);
  if (message === 'Authentication failed') return `the gateway rejected the token (close code 4004) — ${TOKEN_FIX}`;
  if (message === 'Used disallowed intents') {
    return 'the gateway refused the intents (close code 4014) — this bot needs no privileged intent; make sure this version is the one running';
  }
  const network = networkCode(error);
  if (network)
    return `cannot reach the Discord API at ${base} (${network}) — check the network, firewall or proxy${context.restApi ? ', and DISCORD_REST_API' : ''}`;
  return `could not talk to Discord: ${message} — check DISCORD_TOKEN and the network`;
}
