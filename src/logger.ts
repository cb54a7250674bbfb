import { createHash } from 'node:crypto';
import pino, { type DestinationStream, type Logger as PinoLogger } from 'pino';

export const REDACTED = '[redacted]';

/** Field paths whose values are secrets wherever they appear in a log object. */
const REDACT_PATHS = [
  'token', '*.token', '*.*.token', 'secret', '*.secret',
  'authorization', '*.authorization', 'headers.authorization', '*.headers.authorization', '*.headers["x-telegram-bot-api-secret-token"]',
];

/**
 * Replaces every occurrence of the given secrets in strings, deep. Telegram
 * puts the bot token in request URLs, so a network error message can carry it.
 */
export function createScrubber(secrets: readonly string[]): <T>(value: T) => T {
  const needles = secrets.filter((s) => s.length >= 8);
  const scrubString = (s: string) => needles.reduce((out, secret) => out.split(secret).join(REDACTED), s);
  const scrub = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string') return scrubString(value);
    if (depth > 6 || value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = scrub(v, depth + 1);
    return out;
  };
  return <T>(value: T) => (needles.length ? (scrub(value, 0) as T) : value);
}

export interface LoggerOptions {
  level: string;
  pretty: boolean;
  secrets: readonly string[];
  /** defaults to stdout; the console chat logs to stderr */
  destination?: DestinationStream | number;
}

/** pino JSON logs with secrets scrubbed; pretty output only when asked for. */
export function createLogger(options: LoggerOptions): PinoLogger {
  const scrub = createScrubber(options.secrets);
  const fd = typeof options.destination === 'number' ? options.destination : 1;
  const destination =
    options.pretty
      ? pino.transport({ target: 'pino-pretty', options: { destination: fd, colorize: false, translateTime: 'SYS:HH:MM:ss' } })
      : typeof options.destination === 'object'
        ? options.destination
        : pino.destination({ fd, sync: true });
  return pino(
    {
      level: options.level,
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      serializers: { err: (err: Error) => scrub(pino.stdSerializers.err(err)) },
      formatters: { log: (object) => scrub(object) },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? scrub(a) : a)) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

/** A user id as it goes into logs: itself, or a short stable hash when LOG_HASH_USER_IDS is on. */
export function userIdForLogs(id: string, hash: boolean): string {
  return hash ? createHash('sha256').update(`coalition-qa-bot:${id}`).digest('hex').slice(0, 16) : id;
}
