import { createHash } from 'node:crypto';
import pino, { type DestinationStream, type Logger as PinoLogger } from 'pino';
import pretty from 'pino-pretty';

export const REDACTED = '[redacted]';

/** Field paths whose values are secrets wherever they appear in a log object, known secret or not. */
const REDACT_PATHS = [
  'token',
  '*.token',
  '*.*.token',
  'secret',
  '*.secret',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  '*.headers["x-telegram-bot-api-secret-token"]',
];

/** Shorter values would scrub ordinary words out of the logs. */
const MIN_SECRET_LENGTH = 8;

/**
 * Replaces every occurrence of the given secrets in a string, as written,
 * URL-encoded and JSON-escaped. Telegram puts the bot token in request URLs,
 * so an error message or stack trace can carry it.
 *
 * @example createScrubber(['123:abc…'])('GET /bot123:abc…/getMe') === 'GET /bot[redacted]/getMe'
 */
export function createScrubber(secrets: readonly string[]): (text: string) => string {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
    forms.add(JSON.stringify(secret).slice(1, -1));
  }
  // longest first, so a form that contains another is replaced whole
  const needles = [...forms].sort((a, b) => b.length - a.length);
  if (needles.length === 0) return (text) => text;
  return (text) => needles.reduce((out, needle) => (out.includes(needle) ? out.split(needle).join(REDACTED) : out), text);
}

export interface LoggerOptions {
  level: string;
  pretty: boolean;
  secrets: readonly string[];
  /** a file descriptor (1 by default; the console chat logs to 2) or a stream (tests) */
  destination?: DestinationStream | number;
}

/**
 * The last step before a log line leaves the process: whatever put the
 * secret there (a message, an error's stack, its cause, a child's bindings),
 * the line is scrubbed as a whole.
 */
function scrubbingStream(target: DestinationStream, scrub: (text: string) => string): DestinationStream {
  return { write: (line: string) => target.write(scrub(line)) };
}

/** pino JSON logs with secrets scrubbed; pretty output only when asked for. */
export function createLogger(options: LoggerOptions): PinoLogger {
  const scrub = createScrubber(options.secrets);
  const destination = options.destination ?? 1;
  const target: DestinationStream = options.pretty
    ? pretty({ destination, sync: true, colorize: false, translateTime: 'SYS:HH:MM:ss' })
    : typeof destination === 'number'
      ? pino.destination({ fd: destination, sync: true })
      : destination;
  return pino(
    {
      level: options.level,
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      // errors logged under `error` would otherwise serialize as {}
      serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
    },
    scrubbingStream(target, scrub),
  );
}

/** A user id as it goes into logs: itself, or a short stable hash when LOG_HASH_USER_IDS is on. */
export function userIdForLogs(id: string, hash: boolean): string {
  return hash ? createHash('sha256').update(`coalition-qa-bot:${id}`).digest('hex').slice(0, 16) : id;
}
