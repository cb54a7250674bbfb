import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/**
 * A local fake of Discord for end-to-end tests: the REST routes discord.js
 * calls (gateway discovery, interaction callbacks, webhook edits, channel
 * messages, command deployment) and a gateway that says HELLO, takes IDENTIFY,
 * and sends READY, GUILD_CREATE and whatever events a test dispatches.
 * Listens on 127.0.0.1, on a port the system picks.
 *
 * With `shardCount`, it serves a second server too and shards like Discord:
 * a server belongs to shard (id >> 22) % shardCount, each connection gets
 * the servers of the shard it identified with, and an event about a server
 * goes only to that server's shard.
 */

/** A syntactically valid bot token (three base64url parts), accepted by src/config.ts. */
export const FAKE_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GfAkEd.fake-discord-token-for-tests_0123456789';

export const IDS = {
  application: '1100000000000000001',
  bot: '1100000000000000001',
  /** shard 1 of 2 */
  guild: '1200000000000000001',
  channel: '1300000000000000001',
  /** shard 0 of 2; served only when the fake shards */
  otherGuild: '1200000000004194305',
  otherChannel: '1300000000000000002',
  dmChannel: '1300000000000000009',
  member: '1400000000000000001',
  moderator: '1400000000000000002',
  owner: '1400000000000000003',
} as const;

/** ViewChannel | SendMessages | ReadMessageHistory: what an ordinary member has. */
export const MEMBER_PERMISSIONS = String(1024 + 2048 + 65536);
/** The same plus ManageGuild (0x20). */
export const MODERATOR_PERMISSIONS = String(1024 + 2048 + 65536 + 32);

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization?: string;
  body: any;
  /** performance.now() when the request had been read */
  at: number;
}

export interface FakeDiscord {
  /** what DISCORD_REST_API would be set to */
  readonly restApi: string;
  readonly requests: RecordedRequest[];
  readonly identifies: any[];
  readonly resumes: any[];
  /** Closes every gateway connection with this close code, as Discord does when it restarts a node (4000) or revokes a token (4004). */
  disconnect(code: number): void;
  /** Resolves with the first request (already received or to come) that matches. */
  waitForRequest(match: (r: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  /** Holds the responses to matching requests (already recorded) until `release()`: a slow Discord, or a queue. */
  hold(match: (r: RecordedRequest) => boolean): { release(): void };
  /** While on, the gateway drops every new connection at once: an outage discord.js keeps retrying through. */
  refuseGateway(on: boolean): void;
  /** Sends a gateway DISPATCH event to every connected client. */
  dispatch(type: string, data: unknown): void;
  nextId(): string;
  close(): Promise<void>;
}

let sequence = 0n;
function snowflake(): string {
  sequence += 1n;
  return ((BigInt(Date.now() - 1420070400000) << 22n) + sequence).toString();
}

function user(id: string, username: string, bot = false) {
  return { id, username, discriminator: '0', global_name: null, avatar: null, bot, flags: 0 };
}

export const USERS = {
  bot: user(IDS.bot, 'coalition-qa', true),
  member: user(IDS.member, 'layla'),
  moderator: user(IDS.moderator, 'omar'),
};

/** Discord's rule: which shard receives a server's events. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

function guildCreate(id: string = IDS.guild, channelId: string = IDS.channel) {
  return {
    id,
    name: id === IDS.guild ? 'Fake newsroom' : 'Other newsroom',
    icon: null,
    owner_id: IDS.owner,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    system_channel_flags: 0,
    preferred_locale: 'en-US',
    premium_progress_bar_enabled: false,
    features: [],
    emojis: [],
    stickers: [],
    roles: [
      {
        id,
        name: '@everyone',
        permissions: MEMBER_PERMISSIONS,
        position: 0,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    channels: [
      { id: channelId, type: 0, name: 'questions', position: 0, permission_overwrites: [], parent_id: null, nsfw: false, topic: null },
    ],
    threads: [],
    members: [],
    voice_states: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    member_count: 3,
    large: false,
    unavailable: false,
    joined_at: new Date().toISOString(),
  };
}

/** A message as Discord returns it after a create or an edit. */
function messageFrom(body: any, channelId: string, author: object, extra: object = {}) {
  return {
    id: snowflake(),
    type: 0,
    channel_id: channelId,
    author,
    content: body?.content ?? '',
    embeds: body?.embeds ?? [],
    components: body?.components ?? [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    flags: body?.flags ?? 0,
    ...extra,
  };
}

async function readBody(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

export async function startFakeDiscord(options: { token?: string; shardCount?: number } = {}): Promise<FakeDiscord> {
  const token = options.token ?? FAKE_TOKEN;
  const shardCount = options.shardCount ?? 1;
  const guilds: [string, string][] = options.shardCount
    ? [
        [IDS.guild, IDS.channel],
        [IDS.otherGuild, IDS.otherChannel],
      ]
    : [[IDS.guild, IDS.channel]];
  /** [shard id, shard count] each connection identified with */
  const shardOfSocket = new Map<WebSocket, [number, number]>();
  const requests: RecordedRequest[] = [];
  const identifies: any[] = [];
  const resumes: any[] = [];
  const listeners = new Set<(r: RecordedRequest) => void>();
  const sockets = new Set<WebSocket>();
  let seq = 0;
  let wsUrl = '';
  let refusing = false;
  const holds = new Set<{ match: (r: RecordedRequest) => boolean; released: Promise<void> }>();

  const authorized = (r: RecordedRequest) => r.authorization === `Bot ${token}`;

  function route(r: RecordedRequest): { status: number; body?: unknown } {
    const p = r.path;
    const unauthorized = { status: 401, body: { message: '401: Unauthorized', code: 0 } };
    if (r.method === 'GET' && p === '/gateway/bot') {
      if (!authorized(r)) return unauthorized;
      return {
        status: 200,
        body: { url: wsUrl, shards: shardCount, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } },
      };
    }
    if (r.method === 'GET' && p === '/applications/@me') {
      if (!authorized(r)) return unauthorized;
      return {
        status: 200,
        body: { id: IDS.application, name: 'coalition-qa', bot_public: false, bot_require_code_grant: false, flags: 0 },
      };
    }
    let m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(p);
    if (r.method === 'PUT' && m) {
      if (!authorized(r)) return unauthorized;
      if (m[1] !== IDS.application) return { status: 404, body: { message: 'Unknown Application', code: 10002 } };
      if (m[2] && m[2] !== IDS.guild) return { status: 403, body: { message: 'Missing Access', code: 50001 } };
      const echoed = (r.body as any[]).map((c) => ({
        ...c,
        id: snowflake(),
        application_id: IDS.application,
        guild_id: m?.[2],
        version: snowflake(),
      }));
      return { status: 200, body: echoed };
    }
    if (r.method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(p)) return { status: 204 };
    m = /^\/webhooks\/(\d+)\/[^/]+(\/messages\/@original)?$/.exec(p);
    if (m) {
      const extra = { webhook_id: m[1], application_id: m[1] };
      if (r.method === 'DELETE' && m[2]) return { status: 204 };
      if (r.method === 'PATCH' && m[2]) return { status: 200, body: messageFrom(r.body, IDS.channel, USERS.bot, extra) };
      if (r.method === 'POST' && !m[2]) return { status: 200, body: messageFrom(r.body, IDS.channel, USERS.bot, extra) };
    }
    m = /^\/channels\/(\d+)\/messages$/.exec(p);
    if (r.method === 'POST' && m) {
      if (!authorized(r)) return unauthorized;
      return { status: 200, body: messageFrom(r.body, m[1]!, USERS.bot) };
    }
    return { status: 404, body: { message: '404: Not Found', code: 0 } };
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const record: RecordedRequest = {
        method: req.method ?? 'GET',
        path: decodeURIComponent(url.pathname).replace(/^\/api\/v10/, ''),
        query: url.searchParams,
        authorization: req.headers.authorization,
        body: await readBody(req),
        at: 0,
      };
      record.at = performance.now();
      requests.push(record);
      for (const listener of listeners) listener(record);
      for (const held of holds) if (held.match(record)) await held.released;
      const { status, body } = route(record);
      send(res, status, body);
    })().catch((error: unknown) => send(res, 500, { message: String(error), code: 0 }));
  });

  const gateway = new WebSocketServer({ server });
  const sendTo = (socket: WebSocket, payload: object) => socket.send(JSON.stringify(payload));
  gateway.on('connection', (socket) => {
    if (refusing) {
      socket.terminate();
      return;
    }
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      shardOfSocket.delete(socket);
    });
    sendTo(socket, { op: 10, d: { heartbeat_interval: 41_250 } });
    socket.on('message', (raw) => {
      const payload = JSON.parse(String(raw));
      if (payload.op === 1) sendTo(socket, { op: 11 });
      if (payload.op === 6) {
        resumes.push(payload.d);
        const resumedShard = /^fake-session-(\d+)$/.exec(payload.d.session_id ?? '');
        if (resumedShard) shardOfSocket.set(socket, [Number(resumedShard[1]), shardCount]);
        sendTo(socket, { op: 0, t: 'RESUMED', s: ++seq, d: {} });
      }
      if (payload.op !== 2) return;
      identifies.push(payload.d);
      if (payload.d.token !== token) {
        socket.close(4004, 'Authentication failed.');
        return;
      }
      const shard: [number, number] = payload.d.shard ?? [0, 1];
      if (shard[1] !== shardCount && options.shardCount) {
        socket.close(4011, 'Sharding required.');
        return;
      }
      shardOfSocket.set(socket, shard);
      const own = guilds.filter(([id]) => shardOf(id, shard[1]) === shard[0]);
      sendTo(socket, {
        op: 0,
        t: 'READY',
        s: ++seq,
        d: {
          v: 10,
          user: USERS.bot,
          guilds: own.map(([id]) => ({ id, unavailable: true })),
          session_id: options.shardCount ? `fake-session-${shard[0]}` : 'fake-session',
          resume_gateway_url: wsUrl,
          shard,
          application: { id: IDS.application, flags: 0 },
          private_channels: [],
          relationships: [],
          presences: [],
        },
      });
      for (const [id, channelId] of own) sendTo(socket, { op: 0, t: 'GUILD_CREATE', s: ++seq, d: guildCreate(id, channelId) });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  wsUrl = `ws://127.0.0.1:${port}`;

  return {
    restApi: `http://127.0.0.1:${port}/api`,
    requests,
    identifies,
    resumes,
    disconnect(code) {
      for (const socket of sockets) socket.close(code, 'fake Discord closed the connection');
    },
    waitForRequest(match, timeoutMs = 10_000) {
      const found = requests.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(listener);
          reject(
            new Error(
              `fake Discord: no matching request within ${timeoutMs} ms; got ${requests.map((r) => `${r.method} ${r.path}`).join(', ')}`,
            ),
          );
        }, timeoutMs);
        const listener = (r: RecordedRequest) => {
          if (!match(r)) return;
          clearTimeout(timer);
          listeners.delete(listener);
          resolve(r);
        };
        listeners.add(listener);
      });
    },
    hold(match) {
      let release!: () => void;
      const held = { match, released: new Promise<void>((resolve) => (release = resolve)) };
      holds.add(held);
      return {
        release() {
          holds.delete(held);
          release();
        },
      };
    },
    refuseGateway(on) {
      refusing = on;
    },
    dispatch(type, data) {
      // a server's events go to its shard; DMs go to shard 0, as on Discord
      const guildId = (data as { guild_id?: string } | undefined)?.guild_id;
      for (const socket of sockets) {
        const [shard, count] = shardOfSocket.get(socket) ?? [0, 1];
        if (options.shardCount && shard !== (guildId ? shardOf(guildId, count) : 0)) continue;
        sendTo(socket, { op: 0, t: type, s: ++seq, d: data });
      }
    },
    nextId: snowflake,
    async close() {
      for (const socket of sockets) socket.terminate();
      await new Promise<void>((resolve) => gateway.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
