import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';

/** Unset and empty are the same thing in an env file. */
const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

const flag = (fallback: boolean) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((v, ctx) => {
      if (!v) return fallback;
      if (['1', 'true', 'yes', 'on'].includes(v)) return true;
      if (['0', 'false', 'no', 'off'].includes(v)) return false;
      ctx.addIssue({ code: 'custom', message: 'expected true or false' });
      return z.NEVER;
    });

const integer = (fallback: number, min: number, max: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `expected a whole number from ${min} to ${max}` });
        return z.NEVER;
      }
      return n;
    });

/** Case-insensitive, so LOG_LEVEL=INFO works; the message lists what is accepted. */
const choice = <const T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((v, ctx): T | undefined => {
      if (!v) return undefined;
      if ((values as readonly string[]).includes(v)) return v as T;
      ctx.addIssue({ code: 'custom', message: `expected one of ${values.join(', ')}` });
      return z.NEVER;
    });

const listenAddress = optionalString.refine(
  (v) => v === undefined || /^[A-Za-z0-9.:-]{1,253}$/.test(v),
  'expected an address to listen on, e.g. 0.0.0.0 (all interfaces) or 127.0.0.1',
);

/** "0,1" or "0-3" or "0-1,4": the shards this process owns. */
export function parseShardIds(text: string): number[] | undefined {
  const ids = new Set<number>();
  for (const part of text.split(',').map((p) => p.trim())) {
    const range = /^(\d{1,5})(?:\s*-\s*(\d{1,5}))?$/.exec(part);
    if (!range) return undefined;
    const from = Number(range[1]);
    const to = Number(range[2] ?? range[1]);
    if (to < from) return undefined;
    for (let id = from; id <= to; id++) ids.add(id);
  }
  return [...ids].sort((a, b) => a - b);
}

const httpUrl = (what: string) =>
  optionalString.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/i.test(v), `expected an http(s) URL of ${what}`);

/** Discord bot tokens are three dot-separated base64url parts. */
const DISCORD_TOKEN = /^[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}$/;
/** Telegram bot tokens are "<bot id>:<secret>". */
const TELEGRAM_TOKEN = /^\d{3,}:[A-Za-z0-9_-]{30,}$/;

/**
 * Every environment variable the bot reads. `.env.example` documents each one;
 * a test keeps the two in step.
 */
export const envSchema = z.object({
  CORPUS_DIR: optionalString,
  CORPUS_WATCH: flag(false),
  DATA_DIR: optionalString,
  DATABASE_URL: optionalString.refine(
    (v) => v === undefined || /^postgres(ql)?:\/\/[^\s]+$/i.test(v),
    'expected a PostgreSQL URL, e.g. postgres://bot:password@db:5432/bot',
  ),
  REPLICA_ID: optionalString.refine(
    (v) => v === undefined || /^[A-Za-z0-9_.-]{1,64}$/.test(v),
    'expected 1-64 characters of A-Z, a-z, 0-9, _, . and -',
  ),

  ANSWER_PASSAGES: integer(3, 1, 10),
  MAX_QUESTION_LENGTH: integer(1000, 20, 4000),
  RATE_LIMIT_USER: integer(5, 0, 1000),
  RATE_LIMIT_CHANNEL: integer(20, 0, 10000),

  LOG_LEVEL: choice(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  LOG_PRETTY: flag(false),
  LOG_HASH_USER_IDS: flag(false),

  HEALTH_PORT: integer(0, 0, 65535),
  HEALTH_HOST: listenAddress,
  SHUTDOWN_TIMEOUT_MS: integer(10_000, 0, 120_000),

  CONSOLE: choice(['auto', 'on', 'off']),

  DISCORD_TOKEN: optionalString.refine(
    (v) => v === undefined || DISCORD_TOKEN.test(v),
    'does not look like a Discord bot token (three parts separated by dots); copy it again from the Developer Portal, Bot page',
  ),
  DISCORD_APPLICATION_ID: optionalString.refine(
    (v) => v === undefined || /^\d{15,22}$/.test(v),
    'expected the numeric application id from the Developer Portal',
  ),
  DISCORD_GUILD_ID: optionalString.refine((v) => v === undefined || /^\d{15,22}$/.test(v), 'expected a numeric server (guild) id'),
  DISCORD_REST_API: httpUrl('a Discord REST API, e.g. https://discord.com/api'),
  DISCORD_SHARD_COUNT: optionalString.refine(
    (v) => v === undefined || /^auto$/i.test(v) || (/^\d{1,5}$/.test(v) && Number(v) >= 1),
    'expected auto (what Discord recommends) or a whole number of shards from 1',
  ),
  DISCORD_SHARD_IDS: optionalString.refine((v) => v === undefined || parseShardIds(v) !== undefined, 'expected shard ids like 0,1 or 0-3'),

  TELEGRAM_BOT_TOKEN: optionalString.refine(
    (v) => v === undefined || TELEGRAM_TOKEN.test(v),
    'does not look like a Telegram bot token ("123456:ABC…"); copy it again from @BotFather',
  ),
  TELEGRAM_ADMIN_IDS: optionalString.refine(
    (v) => v === undefined || /^\s*-?\d+(\s*,\s*-?\d+)*\s*$/.test(v),
    'expected numeric Telegram user ids separated by commas',
  ),
  TELEGRAM_API_ROOT: httpUrl('a Bot API server, e.g. https://api.telegram.org'),
  TELEGRAM_WEBHOOK_URL: optionalString.refine(
    (v) => v === undefined || /^https:\/\/[^\s]+$/i.test(v),
    'expected the public https URL Telegram should post updates to',
  ),
  TELEGRAM_WEBHOOK_SECRET: optionalString.refine(
    (v) => v === undefined || /^[A-Za-z0-9_-]{1,256}$/.test(v),
    'expected 1-256 characters of A-Z, a-z, 0-9, _ and -',
  ),
  TELEGRAM_WEBHOOK_PORT: integer(8443, 1, 65535),
  TELEGRAM_WEBHOOK_HOST: listenAddress,
});

export interface Config {
  corpusDir: string;
  corpusWatch: boolean;
  dataDir: string;
  /** PostgreSQL shared by replicas; SQLite in dataDir when unset */
  databaseUrl?: string;
  /** names this process in metrics and change notices */
  replicaId: string;
  answerPassages: number;
  maxQuestionLength: number;
  rateLimitUser: number;
  rateLimitChannel: number;
  log: { level: string; pretty: boolean; hashUserIds: boolean };
  health: { port: number; host: string };
  shutdownTimeoutMs: number;
  console: 'auto' | 'on' | 'off';
  /** the terminal's locale (LC_ALL, LC_MESSAGES or LANG), for the console chat */
  consoleLocale?: string;
  discord?: {
    token: string;
    applicationId?: string;
    guildId?: string;
    restApi?: string;
    /** the shards this process owns; absent: discord.js's default, one shard */
    shards?: { count: number | 'auto'; ids?: number[] };
  };
  telegram?: {
    token: string;
    adminIds: string[];
    apiRoot?: string;
    webhook?: { url: string; secret?: string; port: number; host?: string };
  };
  /** values to scrub from every log line */
  secrets: string[];
}

/** `warnings` are worth a log line but not a refusal to start (e.g. a variable name with a typo). */
export type ConfigResult = { ok: true; config: Config; warnings: string[] } | { ok: false; problems: string[] };

export interface ConfigDefaults {
  /** where relative directories resolve from */
  cwd: string;
  /** the bundled corpus, used when CORPUS_DIR is unset */
  bundledCorpusDir: string;
}

/**
 * Pure: environment in, config or one line per problem out.
 *
 * @example createConfig({ TELEGRAM_BOT_TOKEN: '123:abc…' }, defaults)
 */
export function createConfig(env: Record<string, string | undefined>, defaults: ConfigDefaults): ConfigResult {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    // never echo a value: it may be a secret
    return { ok: false, problems: parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`) };
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.TELEGRAM_WEBHOOK_URL && !e.TELEGRAM_BOT_TOKEN)
    problems.push('TELEGRAM_WEBHOOK_URL: set TELEGRAM_BOT_TOKEN too, or unset the webhook');
  const shardCount =
    e.DISCORD_SHARD_COUNT === undefined ? undefined : /^auto$/i.test(e.DISCORD_SHARD_COUNT) ? 'auto' : Number(e.DISCORD_SHARD_COUNT);
  const shardIds = e.DISCORD_SHARD_IDS === undefined ? undefined : parseShardIds(e.DISCORD_SHARD_IDS);
  if (shardIds && shardCount === undefined) problems.push('DISCORD_SHARD_IDS: set DISCORD_SHARD_COUNT too (the total number of shards)');
  if (shardIds && typeof shardCount === 'number' && shardIds.some((id) => id >= shardCount)) {
    problems.push(`DISCORD_SHARD_IDS: shard ids go from 0 to ${shardCount - 1} with DISCORD_SHARD_COUNT=${shardCount}`);
  }
  if (problems.length) return { ok: false, problems };
  const warnings = [...unknownVariables(env), ...ignoredVariables(e)];

  const secrets = [e.DISCORD_TOKEN, e.TELEGRAM_BOT_TOKEN, e.TELEGRAM_WEBHOOK_SECRET, databasePassword(e.DATABASE_URL)].filter(
    (s): s is string => !!s,
  );
  return {
    ok: true,
    config: {
      corpusDir: e.CORPUS_DIR ? resolve(defaults.cwd, e.CORPUS_DIR) : defaults.bundledCorpusDir,
      corpusWatch: e.CORPUS_WATCH,
      dataDir: resolve(defaults.cwd, e.DATA_DIR ?? 'data'),
      databaseUrl: e.DATABASE_URL,
      replicaId: e.REPLICA_ID ?? hostname(),
      answerPassages: e.ANSWER_PASSAGES,
      maxQuestionLength: e.MAX_QUESTION_LENGTH,
      rateLimitUser: e.RATE_LIMIT_USER,
      rateLimitChannel: e.RATE_LIMIT_CHANNEL,
      log: { level: e.LOG_LEVEL ?? 'info', pretty: e.LOG_PRETTY, hashUserIds: e.LOG_HASH_USER_IDS },
      health: { port: e.HEALTH_PORT, host: e.HEALTH_HOST ?? '0.0.0.0' },
      shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
      console: e.CONSOLE ?? 'auto',
      // the terminal's own locale variables, not the bot's settings
      consoleLocale: env.LC_ALL || env.LC_MESSAGES || env.LANG || undefined,
      discord: e.DISCORD_TOKEN
        ? {
            token: e.DISCORD_TOKEN,
            applicationId: e.DISCORD_APPLICATION_ID,
            guildId: e.DISCORD_GUILD_ID,
            restApi: e.DISCORD_REST_API,
            shards: shardCount === undefined ? undefined : { count: shardCount, ids: shardIds },
          }
        : undefined,
      telegram: e.TELEGRAM_BOT_TOKEN
        ? {
            token: e.TELEGRAM_BOT_TOKEN,
            adminIds: (e.TELEGRAM_ADMIN_IDS ?? '')
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
            apiRoot: e.TELEGRAM_API_ROOT,
            webhook: e.TELEGRAM_WEBHOOK_URL
              ? {
                  url: e.TELEGRAM_WEBHOOK_URL,
                  secret: e.TELEGRAM_WEBHOOK_SECRET,
                  port: e.TELEGRAM_WEBHOOK_PORT,
                  host: e.TELEGRAM_WEBHOOK_HOST,
                }
              : undefined,
          }
        : undefined,
      secrets,
    },
    warnings,
  };
}

/** The password in DATABASE_URL, scrubbed from logs like the tokens. */
function databasePassword(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return decodeURIComponent(new URL(url).password) || undefined;
  } catch {
    return undefined;
  }
}

/** Prefixes the bot owns: a variable with one of them that the schema lacks is most likely a typo. */
const OWN_PREFIXES = [
  'CORPUS_',
  'DATA_',
  'DATABASE_',
  'REPLICA_',
  'ANSWER_',
  'MAX_QUESTION',
  'RATE_LIMIT_',
  'LOG_',
  'HEALTH_',
  'SHUTDOWN_',
  'DISCORD_',
  'TELEGRAM_',
];

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length]!;
}

/** "TELEGRAM_TOKEN is not a variable the bot reads; did you mean TELEGRAM_BOT_TOKEN?" */
function unknownVariables(env: Record<string, string | undefined>): string[] {
  const known = Object.keys(envSchema.shape);
  return Object.keys(env)
    .filter((name) => env[name] && !known.includes(name) && OWN_PREFIXES.some((p) => name.startsWith(p)))
    .map((name) => {
      const [closest] = [...known].sort((a, b) => editDistance(name, a) - editDistance(name, b));
      return `${name}: not a variable the bot reads${closest ? `; did you mean ${closest}?` : ''} (see .env.example)`;
    });
}

/** Settings of a platform whose token is not set do nothing; say so rather than leave the operator guessing. */
function ignoredVariables(e: z.infer<typeof envSchema>): string[] {
  const ignored = (names: string[], token: string) => names.map((name) => `${name}: ignored because ${token} is not set`);
  return [
    ...(e.DISCORD_TOKEN
      ? []
      : ignored(
          (['DISCORD_APPLICATION_ID', 'DISCORD_GUILD_ID', 'DISCORD_REST_API', 'DISCORD_SHARD_COUNT', 'DISCORD_SHARD_IDS'] as const).filter(
            (n) => e[n],
          ),
          'DISCORD_TOKEN',
        )),
    ...(e.TELEGRAM_BOT_TOKEN
      ? []
      : ignored(
          (['TELEGRAM_ADMIN_IDS', 'TELEGRAM_API_ROOT'] as const).filter((n) => e[n]),
          'TELEGRAM_BOT_TOKEN',
        )),
  ];
}
