import type { Answer, AnswerStatus } from '../core/answer.js';
import type { Platform } from '../core/invocation.js';
import type { RateLimiter } from '../core/rate-limiter.js';
import type { StatusCounts } from '../core/stats.js';

export interface QuestionRecord {
  at: number;
  platform: Platform;
  status: AnswerStatus;
  reason?: string;
  /** kept only for questions that found nothing, to show what the corpus lacks */
  missingQuestion?: string;
  latencyMs: number;
}

export interface FeedbackRecord {
  answerId: string;
  userId: string;
  platform: Platform;
  vote: 1 | -1;
  at: number;
  question: string;
  passageIds: string[];
}

export interface StoredSynonymGroup {
  id: number;
  expressions: string[];
  addedBy: string;
  addedAt: number;
}

export interface ChannelRules {
  allowed: string[];
  denied: string[];
}

/** A moderator's change that every replica must apply: synonyms and reload rebuild the index, channels drop cached rules (of one scope, or all without scopeId). */
export type StoreChange = { kind: 'synonyms' } | { kind: 'channels'; scopeId?: string } | { kind: 'reload' };

/** A lock held until released: one replica at a time does the work (e.g. Telegram long polling). */
export interface HeldLock {
  release(): Promise<void>;
  /** resolves if the lock goes without release() (its database session ended): stop the work */
  readonly lost: Promise<void>;
}

/**
 * Everything the bot must remember across restarts and share between
 * replicas: moderator settings, synonyms added by moderators, feedback,
 * question statistics, the answers behind buttons and the rate-limit windows.
 * Every write is durable when its promise resolves.
 */
export interface Store {
  /** 'sqlite': one process owns the file; 'postgres': replicas share it */
  readonly kind: 'sqlite' | 'postgres';

  recordQuestion(record: QuestionRecord): Promise<void>;
  countQuestionsSince(since: number): Promise<StatusCounts>;
  topMissing(since: number, limit: number): Promise<{ question: string; count: number }[]>;

  /** One vote per user and answer; voting again replaces the vote. */
  recordFeedback(record: FeedbackRecord): Promise<void>;
  feedbackCounts(): Promise<{ up: number; down: number }>;

  listSynonyms(): Promise<StoredSynonymGroup[]>;
  addSynonym(expressions: string[], addedBy: string, at: number): Promise<StoredSynonymGroup>;
  /** Removes the group with this id, or the groups holding this expression. Returns how many went. */
  removeSynonym(idOrExpression: string): Promise<number>;

  channelRules(scopeId: string): Promise<ChannelRules>;
  /** null clears the channel's rule. */
  setChannelRule(scopeId: string, channelId: string, rule: 'allow' | 'deny' | null): Promise<void>;

  /** Keeps an answer behind its buttons' short id; answers older than `keepMs` go. */
  putAnswer(id: string, answer: Answer, at: number): Promise<void>;
  /** The answer saved under `id` at or after `notBefore`. */
  getAnswer(id: string, notBefore: number): Promise<Answer | undefined>;

  /** A fixed window of `points` per `durationMs` per key, shared by every process using this store. */
  rateLimiter(name: string, points: number, durationMs: number): RateLimiter;

  /** Tells every other replica (PostgreSQL NOTIFY); a no-op for SQLite, which one process owns. */
  publish(change: StoreChange): Promise<void>;
  /** Called with every change another replica published. Returns the unsubscribe function. */
  subscribe(listener: (change: StoreChange) => void): () => void;

  /** Takes the named lock if no other process holds it (always, for SQLite); undefined when another does. */
  tryLock(name: string): Promise<HeldLock | undefined>;

  close(): Promise<void>;
}

/** how long a button's answer is kept */
export const ANSWER_TTL_MS = 24 * 60 * 60 * 1000;

export type StoreErrorCode = 'unwritable' | 'corrupt' | 'busy' | 'newer_schema' | 'unreachable';

/** The store cannot be used; the message names the file (or database) and the fix. */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
