/**
 * The PostgreSQL schema, one numbered step at a time. A step is never edited
 * once released: a change is a new step. Applied in order at start, each in
 * its own transaction, under an advisory lock so replicas starting together
 * apply each step once.
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'questions, feedback, synonyms, channel rules',
    sql: `
CREATE TABLE questions (
  id BIGSERIAL PRIMARY KEY,
  at BIGINT NOT NULL,
  platform TEXT NOT NULL,
  status TEXT NOT NULL,
  reason TEXT,
  missing_question TEXT,
  latency_ms DOUBLE PRECISION NOT NULL
);
CREATE INDEX questions_at ON questions (at);
CREATE TABLE feedback (
  answer_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  platform TEXT NOT NULL,
  vote SMALLINT NOT NULL CHECK (vote IN (-1, 1)),
  at BIGINT NOT NULL,
  question TEXT NOT NULL,
  passage_ids JSONB NOT NULL,
  PRIMARY KEY (answer_id, user_id)
);
CREATE TABLE synonyms (
  id SERIAL PRIMARY KEY,
  expressions JSONB NOT NULL,
  added_by TEXT NOT NULL,
  added_at BIGINT NOT NULL
);
CREATE TABLE channel_rules (
  scope_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  rule TEXT NOT NULL CHECK (rule IN ('allow', 'deny')),
  PRIMARY KEY (scope_id, channel_id)
);`,
  },
  {
    version: 2,
    name: 'answers behind buttons, rate-limit windows',
    sql: `
CREATE TABLE answers (
  id TEXT PRIMARY KEY,
  at BIGINT NOT NULL,
  answer JSONB NOT NULL
);
CREATE INDEX answers_at ON answers (at);
-- the layout rate-limiter-flexible's RateLimiterPostgres reads and writes
CREATE TABLE rate_limits (
  key VARCHAR(255) PRIMARY KEY,
  points INTEGER NOT NULL DEFAULT 0,
  expire BIGINT
);`,
  },
];
