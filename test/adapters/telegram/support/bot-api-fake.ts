import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small Bot API server in front of the telegram-test-api emulator, on
 * loopback. The emulator keeps the chats (user messages in, bot messages
 * out); this fake answers the methods it lacks (setMyCommands,
 * answerInlineQuery, sendChatAction, getChatMember, setWebhook), delivers
 * updates it cannot produce (inline queries), holds getUpdates like real long
 * polling instead of letting the client spin, records every call, and can
 * answer one call with 429 Too Many Requests.
 */
export interface RecordedCall {
  method: string;
  payload: Record<string, any>;
  status: number;
}

export interface BotApiFake {
  /** the apiRoot to give telegraf */
  readonly url: string;
  readonly calls: readonly RecordedCall[];
  /** updates handed to the bot so far */
  readonly delivered: readonly Record<string, any>[];
  callsOf(method: string): Record<string, any>[];
  /** the next `method` call gets 429 with retry_after */
  failNext(method: string, retryAfterSeconds: number): void;
  /** an update for the next getUpdates, beside the emulator's */
  pushUpdate(update: Record<string, any>): void;
  /** getChatMember answers: `${chatId}:${userId}` → status ('member' when absent) */
  readonly memberStatus: Map<string, string>;
  /** resolves with the first recorded call of `method` that matches */
  waitForCall(method: string, matches?: (payload: Record<string, any>) => boolean, timeoutMs?: number): Promise<Record<string, any>>;
  close(): Promise<void>;
}

export interface BotApiFakeOptions {
  /** where the emulator listens */
  emulatorUrl: string;
  /** when set, other tokens get 401 Unauthorized, like the real API */
  validTokens?: readonly string[];
  /** longest a getUpdates call is held open with nothing to deliver */
  holdMs?: number;
}

const LOCAL_METHODS: Record<string, (payload: Record<string, any>, fake: { memberStatus: Map<string, string> }) => unknown> = {
  setMyCommands: () => true,
  deleteMyCommands: () => true,
  answerInlineQuery: () => true,
  sendChatAction: () => true,
  setWebhook: () => true,
  deleteWebhook: () => true,
  getChatMember: (payload, fake) => ({
    user: { id: Number(payload.user_id), is_bot: false, first_name: 'Member' },
    status: fake.memberStatus.get(`${payload.chat_id}:${payload.user_id}`) ?? 'member',
  }),
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function readJson(req: IncomingMessage): Promise<Record<string, any>> {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  if (!body) return {};
  return JSON.parse(body) as Record<string, any>;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export async function startBotApiFake(options: BotApiFakeOptions): Promise<BotApiFake> {
  const holdMs = options.holdMs ?? 300;
  const calls: RecordedCall[] = [];
  const delivered: Record<string, any>[] = [];
  const injected: Record<string, any>[] = [];
  const failures = new Map<string, number>();
  const memberStatus = new Map<string, string>();
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());

  function record(method: string, payload: Record<string, any>, status: number): void {
    calls.push({ method, payload, status });
    notify();
  }

  async function forward(token: string, method: string, payload: Record<string, any>): Promise<{ status: number; body: any }> {
    const response = await fetch(`${options.emulatorUrl}/bot${token}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
    return { status: response.status, body: await response.json() };
  }

  async function getUpdates(token: string, payload: Record<string, any>, res: ServerResponse): Promise<unknown[]> {
    // the connection, not the request body: a poller that gave up (stopped) closes it
    let closed = false;
    res.once('close', () => {
      closed = true;
    });
    const until = Date.now() + (payload.limit === 1 ? 0 : holdMs);
    for (;;) {
      const fromEmulator = (await forward(token, 'getUpdates', payload)).body.result as unknown[];
      if (closed) {
        // nobody will confirm them: Telegram hands unconfirmed updates to the next getUpdates
        return [];
      }
      const updates = [...fromEmulator, ...injected.splice(0)];
      if (updates.length || Date.now() >= until) return updates;
      await sleep(20);
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(req.url ?? '');
    if (!match) return send(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const [, token, method] = match as unknown as [string, string, string];
    const payload = await readJson(req);
    if (options.validTokens && !options.validTokens.includes(token)) {
      record(method, payload, 401);
      return send(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    }
    const retryAfter = failures.get(method);
    if (retryAfter !== undefined) {
      failures.delete(method);
      record(method, payload, 429);
      return send(res, 429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${retryAfter}`, parameters: { retry_after: retryAfter } });
    }
    if (method === 'getUpdates') {
      const updates = await getUpdates(token, payload, res);
      delivered.push(...(updates as Record<string, any>[]));
      if (updates.length) record(method, payload, 200);
      return send(res, 200, { ok: true, result: updates });
    }
    const local = LOCAL_METHODS[method];
    if (local) {
      record(method, payload, 200);
      return send(res, 200, { ok: true, result: local(payload, { memberStatus }) });
    }
    const { status, body } = await forward(token, method, payload);
    record(method, payload, status);
    return send(res, status, body);
  }

  const server: Server = createServer((req, res) => {
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
    pushUpdate(update) {
      injected.push(update);
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
          reject(new Error(`no matching ${method} call within ${timeoutMs} ms; calls: ${calls.map((c) => `${c.method}:${c.status}`).join(', ')}`));
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
