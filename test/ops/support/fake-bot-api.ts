import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A tiny Telegram Bot API on loopback: enough for a bot to start with long
 * polling, receive updates and send messages. Every call is recorded.
 *
 * @example const api = await startFakeBotApi({ token }); // TELEGRAM_API_ROOT=api.url
 *          api.deliver(privateMessage('/ask متى عقد الاجتماع؟'));
 *          const sent = await api.waitForCall('sendMessage');
 */
export interface FakeBotApi {
  url: string;
  calls: ApiCall[];
  /** queues an update for the next getUpdates; update_id is assigned */
  deliver(update: Record<string, unknown>): number;
  waitForCall(method: string, predicate?: (call: ApiCall) => boolean, timeoutMs?: number): Promise<ApiCall>;
  close(): Promise<void>;
}

export interface ApiCall {
  method: string;
  params: Record<string, any>;
}

export const FAKE_BOT = { id: 7012345678, is_bot: true, first_name: 'Coalition QA', username: 'coalition_qa_bot', can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false };

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

async function readParams(req: IncomingMessage): Promise<Record<string, any>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  const type = req.headers['content-type'] ?? '';
  if (!body) return {};
  if (type.includes('application/json')) return JSON.parse(body) as Record<string, any>;
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(body));
  return { raw: body };
}

export async function startFakeBotApi(options: { token: string; pollHoldMs?: number }): Promise<FakeBotApi> {
  const calls: ApiCall[] = [];
  const updates: { update_id: number }[] = [];
  const listeners = new Set<() => void>();
  const sockets = new Set<Socket>();
  let nextUpdateId = 1;
  let nextMessageId = 100;
  const pollHoldMs = options.pollHoldMs ?? 300;

  const reply = (res: ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };
  const ok = (res: ServerResponse, result: unknown) => reply(res, 200, { ok: true, result });

  function pending(offset: number): { update_id: number }[] {
    return updates.filter((u) => u.update_id >= offset);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(new URL(req.url ?? '/', 'http://fake').pathname);
    if (!match || match[1] !== options.token) {
      reply(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
      return;
    }
    const method = match[2]!;
    const params = { ...Object.fromEntries(new URL(req.url ?? '/', 'http://fake').searchParams), ...(await readParams(req)) };
    calls.push({ method, params });
    listeners.forEach((l) => l());

    switch (method) {
      case 'getMe':
        return ok(res, FAKE_BOT);
      case 'getUpdates': {
        const offset = Number(params.offset ?? 0);
        // long polling, held briefly so the bot does not spin
        const started = Date.now();
        while (pending(offset).length === 0 && Date.now() - started < Math.min(pollHoldMs, Number(params.timeout ?? 0) * 1000) && !res.destroyed) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        if (res.destroyed) return;
        return ok(res, pending(offset).slice(0, Number(params.limit ?? 100)));
      }
      case 'sendMessage':
      case 'editMessageText':
        return ok(res, {
          message_id: method === 'sendMessage' ? nextMessageId++ : Number(params.message_id),
          date: Math.floor(Date.now() / 1000),
          chat: { id: Number(params.chat_id), type: 'private' },
          from: FAKE_BOT,
          text: params.text,
        });
      case 'getMyCommands':
        return ok(res, []);
      case 'getWebhookInfo':
        return ok(res, { url: '', has_custom_certificate: false, pending_update_count: pending(0).length });
      default:
        // deleteWebhook, setMyCommands, setChatMenuButton, sendChatAction, answerCallbackQuery…
        return ok(res, true);
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => reply(res, 500, { ok: false, error_code: 500, description: String(error) }));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    deliver(update) {
      const update_id = nextUpdateId++;
      updates.push({ update_id, ...update });
      return update_id;
    },
    waitForCall(method, predicate = () => true, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const call = calls.find((c) => c.method === method && predicate(c));
          if (!call) return;
          clearTimeout(timer);
          listeners.delete(check);
          resolve(call);
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no ${method} call within ${timeoutMs} ms; calls: ${calls.map((c) => c.method).join(', ')}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
