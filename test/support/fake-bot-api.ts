import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The one fake Telegram Bot API of the tests, on loopback. Alone, it is a
 * whole small Bot API (getMe, long polling, sendMessage…) for a bot started
 * as a process (test/ops). In front of the telegram-test-api emulator
 * (`emulatorUrl`), it forwards the chat methods to it and answers those the
 * emulator lacks (setMyCommands, answerInlineQuery, sendChatAction,
 * getChatMember, setWebhook). Either way it holds getUpdates like real long
 * polling, delivers updates a test hands it, records every call, and can
 * answer one call with 429 Too Many Requests or reject unknown tokens.
 *
 * @example const api = await startFakeBotApi({ validTokens: [token] }); // TELEGRAM_API_ROOT=api.url
 *          api.deliver(privateMessage('/ask متى عقد الاجتماع؟'));
 *          const sent = await api.waitForCall('sendMessage');
 */
export interface RecordedCall {
  method: string;
  payload: Record<string, any>;
  status: number;
}

export interface FakeBotApi {
  /** the apiRoot to give telegraf (TELEGRAM_API_ROOT) */
  readonly url: string;
  readonly calls: readonly RecordedCall[];
  /** updates handed to the bot so far */
  readonly delivered: readonly Record<string, any>[];
  /** payloads of the successful calls of `method` */
  callsOf(method: string): Record<string, any>[];
  /** the next `method` call gets 429 with retry_after */
  failNext(method: string, retryAfterSeconds: number): void;
  /** holds the answers to matching calls (already recorded as arriving in `received`) until `release()` */
  hold(method: string, matches?: (payload: Record<string, any>) => boolean): { release(): void };
  /** calls received so far, whatever their outcome, held ones included (getUpdates left out) */
  readonly received: readonly { method: string; payload: Record<string, any> }[];
  /** while on, getUpdates answers 502 Bad Gateway (retry after 1 s): Telegram unreachable for polling */
  failPolls(on: boolean): void;
  /** queues an update for the next getUpdates (beside the emulator's); update_id is assigned when absent */
  deliver(update: Record<string, any>): number;
  /** getChatMember answers: `${chatId}:${userId}` → status ('member' when absent) */
  readonly memberStatus: Map<string, string>;
  /** resolves with the payload of the first successful call of `method` that matches */
  waitForCall(method: string, matches?: (payload: Record<string, any>) => boolean, timeoutMs?: number): Promise<Record<string, any>>;
  close(): Promise<void>;
}

export interface FakeBotApiOptions {
  /** the telegram-test-api emulator to forward chat methods to; none: answer everything here */
  emulatorUrl?: string;
  /** when set, other tokens get 401 Unauthorized, like the real API */
  validTokens?: readonly string[];
  /** longest a getUpdates call is held open with nothing to deliver */
  holdMs?: number;
}

/** The bot getMe describes when there is no emulator. */
export const FAKE_BOT = {
  id: 7012345678,
  is_bot: true,
  first_name: 'Coalition QA',
  username: 'coalition_qa_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
};

/** A private-chat text message from a user, with the bot_command entity Telegram adds to a leading /command. */
export function privateMessage(text: string, from = { id: 4242, first_name: 'عمر', language_code: 'ar' }): Record<string, unknown> {
  const command = /^\/[a-z_]+/.exec(text);
  return {
    message: {
      message_id: 1,
      date: Math.floor(Date.now() / 1000),
      chat: { id: from.id, type: 'private', first_name: from.first_name },
      from: { ...from, is_bot: false },
      text,
      ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
    },
  };
}

type Local = (payload: Record<string, any>, state: { memberStatus: Map<string, string>; nextMessageId: () => number }) => unknown;

/** Answered here even in front of the emulator, which lacks them. */
const ALWAYS_LOCAL: Record<string, Local> = {
  setMyCommands: () => true,
  deleteMyCommands: () => true,
  answerInlineQuery: () => true,
  sendChatAction: () => true,
  setWebhook: () => true,
  deleteWebhook: () => true,
  getChatMember: (payload, state) => ({
    user: { id: Number(payload.user_id), is_bot: false, first_name: 'Member' },
    status: state.memberStatus.get(`${payload.chat_id}:${payload.user_id}`) ?? 'member',
  }),
};

const sentMessage: Local = (payload, state) => ({
  message_id: payload.message_id !== undefined ? Number(payload.message_id) : state.nextMessageId(),
  date: Math.floor(Date.now() / 1000),
  chat: { id: Number(payload.chat_id), type: 'private' },
  from: FAKE_BOT,
  text: payload.text,
});

/** Answered here when there is no emulator; anything else unknown answers `true`. */
const STANDALONE: Record<string, Local> = {
  getMe: () => FAKE_BOT,
  sendMessage: sentMessage,
  editMessageText: sentMessage,
  getMyCommands: () => [],
  getWebhookInfo: () => ({ url: '', has_custom_certificate: false, pending_update_count: 0 }),
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function readPayload(req: IncomingMessage, url: URL): Promise<Record<string, any>> {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  const query = Object.fromEntries(url.searchParams);
  const type = req.headers['content-type'] ?? '';
  if (!body) return query;
  if (type.includes('application/x-www-form-urlencoded')) return { ...query, ...Object.fromEntries(new URLSearchParams(body)) };
  return { ...query, ...(JSON.parse(body) as Record<string, any>) };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export async function startFakeBotApi(options: FakeBotApiOptions = {}): Promise<FakeBotApi> {
  const holdMs = options.holdMs ?? 300;
  const calls: RecordedCall[] = [];
  const delivered: Record<string, any>[] = [];
  const queued: Record<string, any>[] = [];
  const failures = new Map<string, number>();
  const memberStatus = new Map<string, string>();
  const listeners = new Set<() => void>();
  const received: { method: string; payload: Record<string, any> }[] = [];
  const holds = new Set<{ method: string; matches: (payload: Record<string, any>) => boolean; released: Promise<void> }>();
  let pollsFail = false;
  let nextUpdateId = 1;
  let messageId = 100;
  const state = { memberStatus, nextMessageId: () => messageId++ };

  function record(method: string, payload: Record<string, any>, status: number): void {
    calls.push({ method, payload, status });
    for (const listener of listeners) listener();
  }

  async function forward(token: string, method: string, payload: Record<string, any>): Promise<{ status: number; body: any }> {
    const response = await fetch(`${options.emulatorUrl}/bot${token}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
    return { status: response.status, body: await response.json() };
  }

  /** Long polling: held until there is an update, the client leaves, or the hold (bounded by the call's timeout) is over. */
  async function getUpdates(token: string, payload: Record<string, any>, res: ServerResponse): Promise<Record<string, any>[]> {
    const timeoutMs = payload.timeout === undefined ? holdMs : Number(payload.timeout) * 1000;
    const until = Date.now() + (Number(payload.limit) === 1 ? 0 : Math.min(holdMs, timeoutMs));
    for (;;) {
      const fromEmulator = options.emulatorUrl ? ((await forward(token, 'getUpdates', payload)).body.result as Record<string, any>[]) : [];
      // a poller that gave up (stopped) closed the connection: nobody would confirm them,
      // and Telegram hands unconfirmed updates to the next getUpdates
      if (res.destroyed) return [];
      const updates = [...fromEmulator, ...queued.splice(0)];
      if (updates.length || Date.now() >= until) return updates;
      await sleep(20);
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!match) return send(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const [, token, method] = match as unknown as [string, string, string];
    const payload = await readPayload(req, url);
    if (method !== 'getUpdates') received.push({ method, payload });
    for (const held of holds) if (held.method === method && held.matches(payload)) await held.released;
    if (options.validTokens && !options.validTokens.includes(token)) {
      record(method, payload, 401);
      return send(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    }
    const retryAfter = failures.get(method);
    if (retryAfter !== undefined) {
      failures.delete(method);
      record(method, payload, 429);
      return send(res, 429, {
        ok: false,
        error_code: 429,
        description: `Too Many Requests: retry after ${retryAfter}`,
        parameters: { retry_after: retryAfter },
      });
    }
    if (method === 'getUpdates' && pollsFail) {
      record(method, payload, 502);
      return send(res, 502, { ok: false, error_code: 502, description: 'Bad Gateway', parameters: { retry_after: 1 } });
    }
    if (method === 'getUpdates') {
      const updates = await getUpdates(token, payload, res);
      if (res.destroyed) return;
      delivered.push(...updates);
      record(method, payload, 200);
      return send(res, 200, { ok: true, result: updates });
    }
    const local = ALWAYS_LOCAL[method] ?? (options.emulatorUrl ? undefined : (STANDALONE[method] ?? (() => true)));
    if (local) {
      record(method, payload, 200);
      return send(res, 200, { ok: true, result: local(payload, state) });
    }
    const { status, body } = await forward(token, method, payload);
    record(method, payload, status);
    return send(res, status, body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { ok: false, error_code: 500, description: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const callsOf = (method: string) => calls.filter((c) => c.method === method && c.status === 200).map((c) => c.payload);

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    delivered,
    callsOf,
    failNext(method, retryAfterSeconds) {
      failures.set(method, retryAfterSeconds);
    },
    hold(method, matches = () => true) {
      let release!: () => void;
      const held = { method, matches, released: new Promise<void>((resolve) => (release = resolve)) };
      holds.add(held);
      return {
        release() {
          holds.delete(held);
          release();
        },
      };
    },
    received,
    failPolls(on) {
      pollsFail = on;
    },
    deliver(update) {
      const update_id = typeof update.update_id === 'number' ? update.update_id : 900_000 + nextUpdateId++;
      queued.push({ ...update, update_id });
      return update_id;
    },
    memberStatus,
    waitForCall(method, matches = () => true, timeoutMs = 8000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = callsOf(method).find(matches);
          if (!found) return false;
          listeners.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(
            new Error(
              `no matching ${method} call within ${timeoutMs} ms; calls: ${calls.map((c) => `${c.method}:${c.status}`).join(', ')}`,
            ),
          );
        }, timeoutMs);
        if (!check()) listeners.add(check);
      });
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
