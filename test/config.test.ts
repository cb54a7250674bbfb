import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ConfigResult, createConfig, envSchema } from '../src/config.js';
import { projectRoot } from '../src/project-root.js';

const ROOT = projectRoot();
const DEFAULTS = { cwd: ROOT, bundledCorpusDir: join(ROOT, 'corpus') };
const TELEGRAM_TOKEN = '7012345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const DISCORD_TOKEN = 'MTA5ODc2NTQzMjEwOTg3NjU0Mw.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB';

function problemsOf(result: ConfigResult): string[] {
  if (result.ok) throw new Error('expected the configuration to be refused');
  return result.problems;
}

function configOf(result: ConfigResult) {
  if (!result.ok) throw new Error(`expected a configuration, got: ${result.problems.join(' | ')}`);
  return result.config;
}

/** `# NAME=value` or `NAME=value` lines of .env.example, with the comment line above each. */
function envExample(): { name: string; value: string; comment: string | undefined }[] {
  const lines = readFileSync(join(ROOT, '.env.example'), 'utf8').split('\n');
  const entries: { name: string; value: string; comment: string | undefined }[] = [];
  lines.forEach((line, i) => {
    const match = /^(?:#\s*)?([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (!match) return;
    const above = lines[i - 1];
    const comment = above?.startsWith('#') && !/^#\s*[A-Z][A-Z0-9_]*=/.test(above) ? above.replace(/^#\s*/, '') : undefined;
    entries.push({ name: match[1]!, value: match[2]!, comment });
  });
  return entries;
}

describe('the configuration from the environment', () => {
  it('starts from safe defaults when nothing is set', () => {
    const config = configOf(createConfig({}, DEFAULTS));
    expect(config).toMatchObject({
      corpusDir: join(ROOT, 'corpus'),
      dataDir: join(ROOT, 'data'),
      corpusWatch: false,
      answerPassages: 3,
      log: { level: 'info', pretty: false, hashUserIds: false },
      health: { port: 0, host: '0.0.0.0' },
      shutdownTimeoutMs: 10_000,
      console: 'auto',
      secrets: [],
    });
    expect(config.discord).toBeUndefined();
    expect(config.telegram).toBeUndefined();
  });

  it('turns on each platform whose token is set, and keeps its token as a secret to scrub', () => {
    const config = configOf(createConfig({ TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN, TELEGRAM_ADMIN_IDS: '42, 7', DISCORD_TOKEN }, DEFAULTS));
    expect(config.telegram).toMatchObject({ token: TELEGRAM_TOKEN, adminIds: ['42', '7'] });
    expect(config.discord).toMatchObject({ token: DISCORD_TOKEN });
    expect(config.secrets).toEqual(expect.arrayContaining([TELEGRAM_TOKEN, DISCORD_TOKEN]));
  });

  it('treats empty values as unset, as env files write them', () => {
    const config = configOf(createConfig({ TELEGRAM_BOT_TOKEN: '', HEALTH_PORT: '', LOG_LEVEL: '', CONSOLE: ' ' }, DEFAULTS));
    expect(config.telegram).toBeUndefined();
    expect(config.health.port).toBe(0);
    expect(config.log.level).toBe('info');
    expect(config.console).toBe('auto');
  });

  it.each([
    [{ LANG: 'ar_SA.UTF-8' }, 'ar_SA.UTF-8'],
    [{ LANG: 'en_US.UTF-8', LC_MESSAGES: 'ar_EG.UTF-8' }, 'ar_EG.UTF-8'],
    [{ LANG: 'en_US.UTF-8', LC_MESSAGES: 'ar_EG.UTF-8', LC_ALL: 'C.UTF-8' }, 'C.UTF-8'],
    [{ LANG: '' }, undefined],
  ])("takes the console chat's locale from the terminal's variables, LC_ALL first: %j", (env, locale) => {
    expect(configOf(createConfig(env, DEFAULTS)).consoleLocale).toBe(locale);
  });

  it('accepts choices and flags in any case', () => {
    const config = configOf(createConfig({ LOG_LEVEL: 'DEBUG', CONSOLE: 'On', CORPUS_WATCH: 'YES', LOG_PRETTY: '1' }, DEFAULTS));
    expect(config).toMatchObject({ log: { level: 'debug', pretty: true }, console: 'on', corpusWatch: true });
  });

  it('resolves relative directories from the working directory', () => {
    const config = configOf(
      createConfig({ CORPUS_DIR: 'my-corpus', DATA_DIR: '/var/lib/bot' }, { cwd: '/srv/bot', bundledCorpusDir: '/app/corpus' }),
    );
    expect(config.corpusDir).toBe('/srv/bot/my-corpus');
    expect(config.dataDir).toBe('/var/lib/bot');
  });

  const INVALID: [string, string, RegExp][] = [
    ['CORPUS_WATCH', 'sometimes', /expected true or false/],
    ['ANSWER_PASSAGES', '11', /whole number from 1 to 10/],
    ['MAX_QUESTION_LENGTH', 'long', /whole number from 20 to 4000/],
    ['RATE_LIMIT_USER', '-1', /whole number from 0 to 1000/],
    ['RATE_LIMIT_CHANNEL', '2.5', /whole number from 0 to 10000/],
    ['LOG_LEVEL', 'verbose', /one of fatal, error, warn, info, debug, trace, silent/],
    ['LOG_PRETTY', 'pretty', /expected true or false/],
    ['LOG_HASH_USER_IDS', 'sha', /expected true or false/],
    ['HEALTH_PORT', '80800', /whole number from 0 to 65535/],
    ['HEALTH_HOST', 'every interface', /address to listen on/],
    ['SHUTDOWN_TIMEOUT_MS', '10s', /whole number from 0 to 120000/],
    ['CONSOLE', 'yes', /one of auto, on, off/],
    ['DISCORD_TOKEN', 'discord-secret-value-1234567890', /Discord bot token/],
    ['DISCORD_APPLICATION_ID', 'my-app', /numeric application id/],
    ['DISCORD_GUILD_ID', 'my-server', /numeric server/],
    ['DISCORD_REST_API', 'localhost:3000', /http\(s\) URL/],
    ['TELEGRAM_BOT_TOKEN', 'telegram-secret-value-1234567890', /Telegram bot token/],
    ['TELEGRAM_ADMIN_IDS', '@omar', /numeric Telegram user ids/],
    ['TELEGRAM_API_ROOT', 'bot-api.internal:8081', /http\(s\) URL/],
    ['TELEGRAM_WEBHOOK_URL', 'http://bot.example.com/hook', /public https URL/],
    ['TELEGRAM_WEBHOOK_SECRET', 'with spaces', /1-256 characters/],
    ['TELEGRAM_WEBHOOK_PORT', '0', /whole number from 1 to 65535/],
    ['TELEGRAM_WEBHOOK_HOST', 'every interface', /address to listen on/],
    ['DATABASE_URL', 'mysql://bot@db/bot', /PostgreSQL URL/],
    ['REPLICA_ID', 'replica one', /1-64 characters/],
    ['DISCORD_SHARD_COUNT', '0', /auto .* or a whole number of shards/],
    ['DISCORD_SHARD_IDS', '3-1', /shard ids like 0,1 or 0-3/],
  ];

  it.each(INVALID)('refuses an invalid %s with one line naming it and what it expects, never its value', (name, value, expects) => {
    const problems = problemsOf(
      createConfig({ [name]: value, TELEGRAM_BOT_TOKEN: name === 'TELEGRAM_BOT_TOKEN' ? value : TELEGRAM_TOKEN }, DEFAULTS),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name}: `));
    expect(problems[0]).toMatch(expects);
    expect(problems[0]).not.toContain(value);
    expect(problems[0]).not.toContain('\n');
  });

  it('covers every variable of the schema in the table of invalid values, but the directories', () => {
    const tested = new Set(INVALID.map(([name]) => name));
    const untested = Object.keys(envSchema.shape).filter((name) => !tested.has(name));
    // any string is a valid directory name; a bad one is caught when it is used
    expect(untested.sort()).toEqual(['CORPUS_DIR', 'DATA_DIR']);
  });

  it('reports every problem at once, one line each', () => {
    const problems = problemsOf(createConfig({ HEALTH_PORT: 'x', LOG_LEVEL: 'loud', TELEGRAM_BOT_TOKEN: 'nope' }, DEFAULTS));
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['HEALTH_PORT', 'LOG_LEVEL', 'TELEGRAM_BOT_TOKEN']);
  });

  it('names the missing token when a webhook is set without it', () => {
    const problems = problemsOf(createConfig({ TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/hook' }, DEFAULTS));
    expect(problems).toEqual([expect.stringMatching(/^TELEGRAM_WEBHOOK_URL: .*TELEGRAM_BOT_TOKEN/)]);
  });

  it('reads the Discord shards this process owns: a list, a range, or auto', () => {
    const shards = (env: Record<string, string>) => configOf(createConfig({ DISCORD_TOKEN, ...env }, DEFAULTS)).discord!.shards;
    expect(shards({})).toBeUndefined();
    expect(shards({ DISCORD_SHARD_COUNT: '4', DISCORD_SHARD_IDS: '0-1,3' })).toEqual({ count: 4, ids: [0, 1, 3] });
    expect(shards({ DISCORD_SHARD_COUNT: 'AUTO' })).toEqual({ count: 'auto', ids: undefined });
    expect(problemsOf(createConfig({ DISCORD_TOKEN, DISCORD_SHARD_COUNT: '2', DISCORD_SHARD_IDS: '1-2' }, DEFAULTS))).toEqual([
      expect.stringMatching(/^DISCORD_SHARD_IDS: shard ids go from 0 to 1/),
    ]);
    expect(problemsOf(createConfig({ DISCORD_TOKEN, DISCORD_SHARD_IDS: '0' }, DEFAULTS))).toEqual([
      expect.stringMatching(/^DISCORD_SHARD_IDS: set DISCORD_SHARD_COUNT/),
    ]);
  });

  it('shares state through PostgreSQL when DATABASE_URL is set, and scrubs its password from logs', () => {
    const config = configOf(createConfig({ DATABASE_URL: 'postgres://bot:s3cr%40t-pass@db:5432/bot', REPLICA_ID: 'bot-2' }, DEFAULTS));
    expect(config.databaseUrl).toBe('postgres://bot:s3cr%40t-pass@db:5432/bot');
    expect(config.replicaId).toBe('bot-2');
    expect(config.secrets).toContain('s3cr@t-pass');
    expect(configOf(createConfig({}, DEFAULTS)).databaseUrl).toBeUndefined();
  });

  it('warns about a variable name with a typo, suggesting the one it resembles', () => {
    const result = createConfig(
      { TELEGRAM_TOKEN: TELEGRAM_TOKEN, HEALTH_PROT: '8080', PATH: '/usr/bin', NODE_ENV: 'production' },
      DEFAULTS,
    );
    expect(result.ok && result.warnings).toEqual([
      expect.stringMatching(/^TELEGRAM_TOKEN: not a variable the bot reads; did you mean TELEGRAM_BOT_TOKEN\?/),
      expect.stringMatching(/^HEALTH_PROT: .*did you mean HEALTH_PORT\?/),
    ]);
    expect(JSON.stringify(result)).not.toContain(TELEGRAM_TOKEN);
  });

  it('warns that platform settings without their token do nothing', () => {
    const result = createConfig({ DISCORD_GUILD_ID: '123456789012345678', TELEGRAM_ADMIN_IDS: '42' }, DEFAULTS);
    expect(result.ok && result.warnings).toEqual([
      'DISCORD_GUILD_ID: ignored because DISCORD_TOKEN is not set',
      'TELEGRAM_ADMIN_IDS: ignored because TELEGRAM_BOT_TOKEN is not set',
    ]);
  });
});

describe('.env.example', () => {
  const entries = envExample();

  it('lists exactly the variables of the schema, once each', () => {
    const names = entries.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(Object.keys(envSchema.shape).sort());
  });

  it('gives each variable a one-line comment that states its default', () => {
    for (const entry of entries) {
      expect(entry.comment, entry.name).toBeTruthy();
      expect(entry.comment, entry.name).toMatch(/Default: /);
    }
  });

  it('writes for each variable a value that is its real default (or empty for unset)', () => {
    const defaults = configOf(createConfig({}, DEFAULTS));
    for (const { name, value } of entries) {
      expect(configOf(createConfig({ [name]: value }, DEFAULTS)), `${name}=${value}`).toEqual(defaults);
    }
  });

  it('sets nothing that would override the image (only the tokens are uncommented, and empty)', () => {
    const active = readFileSync(join(ROOT, '.env.example'), 'utf8')
      .split('\n')
      .filter((l) => /^[A-Z]/.test(l));
    expect(active).toEqual(['DISCORD_TOKEN=', 'TELEGRAM_BOT_TOKEN=']);
  });
});
