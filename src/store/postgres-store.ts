import pg from 'pg';
import { RateLimiterMemory, RateLimiterPostgres } from 'rate-limiter-flexible';
import type { Answer } from '../core/answer.js';
import { type Logger, silentLogger } from '../core/logger.js';
import { RateLimiter } from '../core/rate-limiter.js';
import { emptyCounts, type StatusCounts } from '../core/stats.js';
import { MIGRATIONS } from './postgres-migrations.js';
import {
  ANSWER_TTL_MS,
  type ChannelRules,
  type HeldLock,
  type Store,
  type StoreChange,
  type StoredSynonymGroup,
  StoreError,
} from './store.js';

/** The channel every replica LISTENs on. */
export const CHANGES_CHANNEL = 'bot_changes';
/** advisory lock keys are namespaced by this prefix, hashed by PostgreSQL */
const LOCK_PREFIX = 'coalition-qa-bot:';
const RECONNECT_MS = 1000;
const HOUSEKEEPING_MS = 10 * 60 * 1000;

export interface PostgresStoreOptions {
  /** names this process in change notices, so it skips its own */
  replicaId: string;
  logger?: Logger;
  /** connections in the pool (besides the LISTEN connection and held locks) */
  poolSize?: number;
}

/** "postgres://bot@db:5432/qa" without the password, for messages. */
export function describeDatabase(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.username ? `${u.username}@` : ''}${u.host}${u.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

function reason(error: unknown): string {
  const e = error as { code?: string; message?: string };
  return e.code ?? e.message ?? String(error);
}

/** Applies the steps the database lacks, holding an advisory lock so two replicas starting at once take turns. */
async function migrate(client: pg.Client, where: string): Promise<void> {
  await client.query('SELECT pg_advisory_lock(hashtext($1))', [`${LOCK_PREFIX}migrations`]);
  try {
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((r) => r.version));
    const newest = Math.max(0, ...applied);
    const known = MIGRATIONS.at(-1)!.version;
    if (newest > known) {
      throw new StoreError(
        'newer_schema',
        `the database ${where} was migrated by a newer version of the bot (schema ${newest}, this one knows ${known}) — run that version, or restore an older backup`,
      );
    }
    for (const step of MIGRATIONS) {
      if (applied.has(step.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(step.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [step.version, step.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`${LOCK_PREFIX}migrations`]);
  }
}

/**
 * The store every replica shares: PostgreSQL. Writes are committed when their
 * promise resolves; moderators' changes reach the other replicas by
 * LISTEN/NOTIFY; rate-limit windows live in a table rate-limiter-flexible
 * updates atomically.
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions): Promise<Store> {
  const logger = options.logger ?? silentLogger;
  const where = describeDatabase(url);
  const setup = new pg.Client({ connectionString: url });
  try {
    await setup.connect();
  } catch (error) {
    throw new StoreError(
      'unreachable',
      `cannot reach the database ${where} (${reason(error)}) — check DATABASE_URL and that PostgreSQL is up`,
    );
  }
  try {
    await migrate(setup, where);
  } catch (error) {
    if (error instanceof StoreError) throw error;
    throw new StoreError(
      'unwritable',
      `cannot migrate the database ${where} (${reason(error)}) — the user in DATABASE_URL needs to create tables`,
    );
  } finally {
    await setup.end().catch(() => undefined);
  }

  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
  // an idle connection that drops is replaced on next use; without a handler the error would end the process
  pool.on('error', (error) => logger.warn({ err: error }, 'database connection lost; reconnecting on next use'));
  const query = <R extends pg.QueryResultRow>(text: string, values?: unknown[]) => pool.query<R>(text, values);

  const listeners = new Set<(change: StoreChange) => void>();
  let closed = false;
  let listener: pg.Client | undefined;
  let reconnect: NodeJS.Timeout | undefined;
  const deliver = (change: StoreChange) => {
    for (const fn of listeners) fn(change);
  };

  async function listen(): Promise<void> {
    const client = new pg.Client({ connectionString: url });
    client.on('notification', (message) => {
      if (message.channel !== CHANGES_CHANNEL || !message.payload) return;
      try {
        const { origin, change } = JSON.parse(message.payload) as { origin: string; change: StoreChange };
        if (origin !== options.replicaId) deliver(change);
      } catch (error) {
        logger.warn({ err: error }, 'ignored a malformed change notice');
      }
    });
    const lost = (error?: Error) => {
      if (closed || listener !== client) return;
      listener = undefined;
      logger.warn({ err: error }, 'change notices interrupted; reconnecting');
      client.end().catch(() => undefined);
      reconnect = setTimeout(() => {
        listen()
          // notices sent while disconnected are lost: reread what they could have said
          .then(() => {
            deliver({ kind: 'synonyms' });
            deliver({ kind: 'channels' });
          })
          .catch(() => lost());
      }, RECONNECT_MS);
      reconnect.unref();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    listener = client;
    await client.connect();
    await client.query(`LISTEN ${CHANGES_CHANNEL}`);
  }
  try {
    await listen();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new StoreError('unreachable', `cannot listen for changes on ${where} (${reason(error)})`);
  }

  const housekeeping = setInterval(() => {
    const now = Date.now();
    Promise.all([
      query('DELETE FROM answers WHERE at < $1', [now - ANSWER_TTL_MS]),
      query('DELETE FROM rate_limits WHERE expire < $1', [now]),
    ]).catch((error) => logger.warn({ err: error }, 'housekeeping failed; will retry'));
  }, HOUSEKEEPING_MS);
  housekeeping.unref();

  const heldLocks = new Set<pg.Client>();

  async function synonyms(): Promise<StoredSynonymGroup[]> {
    const { rows } = await query<{ id: number; expressions: string[]; addedBy: string; addedAt: string }>(
      'SELECT id, expressions, added_by AS "addedBy", added_at AS "addedAt" FROM synonyms ORDER BY id',
    );
    return rows.map((r) => ({ ...r, addedAt: Number(r.addedAt) }));
  }

  return {
    kind: 'postgres',
    async recordQuestion(r) {
      await query('INSERT INTO questions (at, platform, status, reason, missing_question, latency_ms) VALUES ($1, $2, $3, $4, $5, $6)', [
        r.at,
        r.platform,
        r.status,
        r.reason ?? null,
        r.missingQuestion ?? null,
        r.latencyMs,
      ]);
    },
    async countQuestionsSince(since): Promise<StatusCounts> {
      const counts = emptyCounts();
      const { rows } = await query<{ status: keyof StatusCounts; n: number }>(
        'SELECT status, COUNT(*)::int AS n FROM questions WHERE at >= $1 GROUP BY status',
        [since],
      );
      for (const row of rows) if (row.status in counts) counts[row.status] = row.n;
      return counts;
    },
    async topMissing(since, limit) {
      const { rows } = await query<{ question: string; count: number }>(
        `SELECT missing_question AS question, COUNT(*)::int AS count FROM questions
         WHERE at >= $1 AND missing_question IS NOT NULL GROUP BY missing_question ORDER BY count DESC, MAX(at) DESC LIMIT $2`,
        [since, limit],
      );
      return rows;
    },
    async recordFeedback(f) {
      await query(
        `INSERT INTO feedback (answer_id, user_id, platform, vote, at, question, passage_ids) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (answer_id, user_id) DO UPDATE SET vote = excluded.vote, at = excluded.at`,
        [f.answerId, f.userId, f.platform, f.vote, f.at, f.question, JSON.stringify(f.passageIds)],
      );
    },
    async feedbackCounts() {
      const { rows } = await query<{ up: number; down: number }>(
        'SELECT COUNT(*) FILTER (WHERE vote = 1)::int AS up, COUNT(*) FILTER (WHERE vote = -1)::int AS down FROM feedback',
      );
      return rows[0]!;
    },
    listSynonyms: synonyms,
    async addSynonym(expressions, addedBy, at) {
      const { rows } = await query<{ id: number }>(
        'INSERT INTO synonyms (expressions, added_by, added_at) VALUES ($1, $2, $3) RETURNING id',
        [JSON.stringify(expressions), addedBy, at],
      );
      return { id: rows[0]!.id, expressions, addedBy, addedAt: at };
    },
    async removeSynonym(idOrExpression) {
      const key = idOrExpression.trim();
      const result = /^\d+$/.test(key)
        ? await query('DELETE FROM synonyms WHERE id = $1', [Number(key)])
        : await query('DELETE FROM synonyms WHERE expressions ? $1', [key]);
      return result.rowCount ?? 0;
    },
    async channelRules(scopeId): Promise<ChannelRules> {
      const { rows } = await query<{ channelId: string; rule: 'allow' | 'deny' }>(
        'SELECT channel_id AS "channelId", rule FROM channel_rules WHERE scope_id = $1 ORDER BY channel_id',
        [scopeId],
      );
      return {
        allowed: rows.filter((r) => r.rule === 'allow').map((r) => r.channelId),
        denied: rows.filter((r) => r.rule === 'deny').map((r) => r.channelId),
      };
    },
    async setChannelRule(scopeId, channelId, rule) {
      if (rule) {
        await query(
          'INSERT INTO channel_rules (scope_id, channel_id, rule) VALUES ($1, $2, $3) ON CONFLICT (scope_id, channel_id) DO UPDATE SET rule = excluded.rule',
          [scopeId, channelId, rule],
        );
      } else {
        await query('DELETE FROM channel_rules WHERE scope_id = $1 AND channel_id = $2', [scopeId, channelId]);
      }
    },
    async putAnswer(id, answer, at) {
      await query(
        'INSERT INTO answers (id, at, answer) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET at = excluded.at, answer = excluded.answer',
        [id, at, JSON.stringify(answer)],
      );
    },
    async getAnswer(id, notBefore) {
      const { rows } = await query<{ answer: Answer }>('SELECT answer FROM answers WHERE id = $1 AND at >= $2', [id, notBefore]);
      return rows[0]?.answer;
    },
    rateLimiter(name, points, durationMs) {
      if (points <= 0) return new RateLimiter(undefined);
      return new RateLimiter(
        new RateLimiterPostgres({
          storeClient: pool,
          tableName: 'rate_limits',
          tableCreated: true,
          clearExpiredByTimeout: false,
          keyPrefix: name,
          points,
          duration: durationMs / 1000,
          // while the database is unreachable, each replica counts on its own rather than failing every question
          insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points, duration: durationMs / 1000 }),
        }),
      );
    },
    async publish(change) {
      await query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, JSON.stringify({ origin: options.replicaId, change })]);
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    async tryLock(name): Promise<HeldLock | undefined> {
      // a session lock lives as long as its connection: one connection per held lock
      const client = new pg.Client({ connectionString: url });
      let markLost!: () => void;
      const lost = new Promise<void>((resolve) => (markLost = resolve));
      const gone = (error?: Error) => {
        if (!heldLocks.delete(client)) return;
        logger.warn({ err: error, lock: name }, 'lost a lock: its database connection ended');
        markLost();
      };
      client.on('error', gone);
      client.on('end', () => gone());
      try {
        await client.connect();
        const { rows } = await client.query<{ held: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS held', [LOCK_PREFIX + name]);
        if (!rows[0]!.held) {
          await client.end();
          return undefined;
        }
      } catch (error) {
        await client.end().catch(() => undefined);
        throw error;
      }
      heldLocks.add(client);
      return {
        lost,
        async release() {
          if (!heldLocks.delete(client)) return;
          // ending the session releases its advisory locks
          await client.end().catch(() => undefined);
        },
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(housekeeping);
      clearTimeout(reconnect);
      await Promise.allSettled([listener?.end(), pool.end(), ...[...heldLocks].map((c) => c.end())]);
      heldLocks.clear();
    },
  };
}
