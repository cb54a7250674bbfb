import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Answer } from '../core/answer.js';
import { memoryRateLimiter } from '../core/rate-limiter.js';
import { emptyCounts, type StatusCounts } from '../core/stats.js';
import {
  ANSWER_TTL_MS,
  type ChannelRules,
  type FeedbackRecord,
  type QuestionRecord,
  type Store,
  type StoredSynonymGroup,
  StoreError,
} from './store.js';

export const STORE_FILE = 'bot.sqlite';
/** 2: answers behind buttons */
const SCHEMA_VERSION = 2;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS questions (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  platform TEXT NOT NULL,
  status TEXT NOT NULL,
  reason TEXT,
  missing_question TEXT,
  latency_ms REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS questions_at ON questions(at);
CREATE TABLE IF NOT EXISTS feedback (
  answer_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  platform TEXT NOT NULL,
  vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
  at INTEGER NOT NULL,
  question TEXT NOT NULL,
  passage_ids TEXT NOT NULL,
  PRIMARY KEY (answer_id, user_id)
);
CREATE TABLE IF NOT EXISTS synonyms (
  id INTEGER PRIMARY KEY,
  expressions TEXT NOT NULL,
  added_by TEXT NOT NULL,
  added_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS channel_rules (
  scope_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  rule TEXT NOT NULL CHECK (rule IN ('allow', 'deny')),
  PRIMARY KEY (scope_id, channel_id)
);
CREATE TABLE IF NOT EXISTS answers (
  id TEXT PRIMARY KEY,
  at INTEGER NOT NULL,
  answer TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS answers_at ON answers(at);
`;

/** One line: SQLite's integrity reports span many ("*** in database main ***\nTree 3 page 3: …"). */
function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^\*\*\*.*\*\*\*$/.test(l));
  const shown = lines.slice(0, 2).join('; ');
  return lines.length > 2 ? `${shown}; …` : shown;
}

/**
 * Checked before SQLite opens the file: SQLite would quietly fall back to
 * read-only and, on the first write, leave -wal and -shm files behind.
 */
function checkWritable(dataDir: string, path: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.W_OK);
  } catch (error) {
    throw new StoreError(
      'unwritable',
      `the data directory ${dataDir} is not writable (${(error as NodeJS.ErrnoException).code ?? describe(error)}) — set DATA_DIR to a writable directory, or fix its owner (the container runs as "node")`,
    );
  }
  if (!existsSync(path)) return;
  try {
    accessSync(path, constants.R_OK | constants.W_OK);
  } catch (error) {
    throw new StoreError(
      'unwritable',
      `the store ${path} is not writable (${(error as NodeJS.ErrnoException).code ?? describe(error)}) — fix its owner and mode (the container runs as "node")`,
    );
  }
}

function openDatabase(path: string): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(path, { timeout: 5000 });
  } catch (error) {
    throw new StoreError(
      'unwritable',
      `cannot open the store ${path} (${describe(error)}) — check that DATA_DIR is writable by the bot's user`,
    );
  }
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(String(check));
  } catch (error) {
    db.close();
    const message = describe(error);
    if (/SQLITE_BUSY|locked/i.test(message)) {
      throw new StoreError('busy', `the store ${path} is locked by another process — stop the other bot instance using the same DATA_DIR`);
    }
    throw new StoreError(
      'corrupt',
      `the store ${path} is unreadable or corrupt (${message}) — restore it from a backup, or move it aside to start with an empty store; it was left untouched`,
    );
  }
  return db;
}

/**
 * SQLite in WAL mode with synchronous=FULL: a write is on disk when the call
 * returns, and a crash at any moment leaves the last committed state. One
 * process owns the file, so rate-limit windows stay in its memory and there is
 * no other replica to notify.
 */
export function openSqliteStore(dataDir: string): Store {
  const path = dataDir === ':memory:' ? ':memory:' : join(dataDir, STORE_FILE);
  if (path !== ':memory:') checkWritable(dataDir, path);
  const db = openDatabase(path);
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    db.close();
    throw new StoreError(
      'newer_schema',
      `the store ${path} was written by a newer version of the bot (schema ${version}) — run that version, or restore an older backup`,
    );
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.exec(SCHEMA);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  } catch (error) {
    db.close();
    throw new StoreError(
      'unwritable',
      `cannot write to the store ${path} (${describe(error)}) — check that DATA_DIR and the file are writable`,
    );
  }

  const insertQuestion = db.prepare(
    'INSERT INTO questions (at, platform, status, reason, missing_question, latency_ms) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const countSince = db.prepare('SELECT status, COUNT(*) AS n FROM questions WHERE at >= ? GROUP BY status');
  const missingSince = db.prepare(
    `SELECT missing_question AS question, COUNT(*) AS count FROM questions
     WHERE at >= ? AND missing_question IS NOT NULL GROUP BY missing_question ORDER BY count DESC, MAX(at) DESC LIMIT ?`,
  );
  const upsertFeedback = db.prepare(
    `INSERT INTO feedback (answer_id, user_id, platform, vote, at, question, passage_ids) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (answer_id, user_id) DO UPDATE SET vote = excluded.vote, at = excluded.at`,
  );
  const feedbackTotals = db.prepare('SELECT SUM(vote = 1) AS up, SUM(vote = -1) AS down FROM feedback');
  const selectSynonyms = db.prepare('SELECT id, expressions, added_by AS addedBy, added_at AS addedAt FROM synonyms ORDER BY id');
  const insertSynonym = db.prepare('INSERT INTO synonyms (expressions, added_by, added_at) VALUES (?, ?, ?)');
  const deleteSynonym = db.prepare('DELETE FROM synonyms WHERE id = ?');
  const selectRules = db.prepare('SELECT channel_id AS channelId, rule FROM channel_rules WHERE scope_id = ? ORDER BY channel_id');
  const upsertRule = db.prepare(
    'INSERT INTO channel_rules (scope_id, channel_id, rule) VALUES (?, ?, ?) ON CONFLICT (scope_id, channel_id) DO UPDATE SET rule = excluded.rule',
  );
  const deleteRule = db.prepare('DELETE FROM channel_rules WHERE scope_id = ? AND channel_id = ?');
  // The answers behind buttons are a day's cache: a second connection writes them without waiting for the disk
  // (synchronous=NORMAL; a power cut may expire the last few buttons), so a question costs one disk flush, not two.
  const cacheDb = path === ':memory:' ? db : new Database(path, { timeout: 5000 });
  if (cacheDb !== db) cacheDb.pragma('synchronous = NORMAL');
  const insertAnswer = cacheDb.prepare('INSERT OR REPLACE INTO answers (id, at, answer) VALUES (?, ?, ?)');
  const selectAnswer = cacheDb.prepare('SELECT answer FROM answers WHERE id = ? AND at >= ?');
  const deleteOldAnswers = cacheDb.prepare('DELETE FROM answers WHERE at < ?');
  let answersPut = 0;

  const synonyms = (): StoredSynonymGroup[] =>
    (selectSynonyms.all() as { id: number; expressions: string; addedBy: string; addedAt: number }[]).map((row) => ({
      ...row,
      expressions: JSON.parse(row.expressions) as string[],
    }));

  return {
    kind: 'sqlite',
    async recordQuestion(r: QuestionRecord) {
      insertQuestion.run(r.at, r.platform, r.status, r.reason ?? null, r.missingQuestion ?? null, r.latencyMs);
    },
    async countQuestionsSince(since): Promise<StatusCounts> {
      const counts = emptyCounts();
      for (const row of countSince.all(since) as { status: keyof StatusCounts; n: number }[]) {
        if (row.status in counts) counts[row.status] = row.n;
      }
      return counts;
    },
    async topMissing(since, limit) {
      return missingSince.all(since, limit) as { question: string; count: number }[];
    },
    async recordFeedback(f: FeedbackRecord) {
      upsertFeedback.run(f.answerId, f.userId, f.platform, f.vote, f.at, f.question, JSON.stringify(f.passageIds));
    },
    async feedbackCounts() {
      const row = feedbackTotals.get() as { up: number | null; down: number | null };
      return { up: row.up ?? 0, down: row.down ?? 0 };
    },
    listSynonyms: async () => synonyms(),
    async addSynonym(expressions, addedBy, at) {
      const info = insertSynonym.run(JSON.stringify(expressions), addedBy, at);
      return { id: Number(info.lastInsertRowid), expressions, addedBy, addedAt: at };
    },
    async removeSynonym(idOrExpression) {
      const key = idOrExpression.trim();
      const ids = /^\d+$/.test(key)
        ? [Number(key)]
        : synonyms()
            .filter((g) => g.expressions.some((e) => e === key))
            .map((g) => g.id);
      return db.transaction(() => ids.reduce((n, id) => n + deleteSynonym.run(id).changes, 0))();
    },
    async channelRules(scopeId): Promise<ChannelRules> {
      const rows = selectRules.all(scopeId) as { channelId: string; rule: 'allow' | 'deny' }[];
      return {
        allowed: rows.filter((r) => r.rule === 'allow').map((r) => r.channelId),
        denied: rows.filter((r) => r.rule === 'deny').map((r) => r.channelId),
      };
    },
    async setChannelRule(scopeId, channelId, rule) {
      if (rule) upsertRule.run(scopeId, channelId, rule);
      else deleteRule.run(scopeId, channelId);
    },
    async putAnswer(id, answer, at) {
      insertAnswer.run(id, at, JSON.stringify(answer));
      if (++answersPut % 500 === 0) deleteOldAnswers.run(at - ANSWER_TTL_MS);
    },
    async getAnswer(id, notBefore) {
      const row = selectAnswer.get(id, notBefore) as { answer: string } | undefined;
      return row ? (JSON.parse(row.answer) as Answer) : undefined;
    },
    rateLimiter: (_name, points, durationMs) => memoryRateLimiter(points, durationMs),
    async publish() {},
    subscribe: () => () => {},
    async tryLock() {
      return { async release() {}, lost: new Promise<void>(() => {}) };
    },
    async close() {
      if (cacheDb.open) cacheDb.close();
      if (db.open) db.close();
    },
  };
}
