import type { AnswerStatus } from '../core/answer.js';
import type { Platform } from '../core/invocation.js';
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

/**
 * Everything the bot must remember across restarts: moderator settings,
 * synonyms added by moderators, feedback and question statistics. Every write
 * is durable when the call returns.
 */
export interface Store {
  recordQuestion(record: QuestionRecord): void;
  countQuestionsSince(since: number): StatusCounts;
  topMissing(since: number, limit: number): { question: string; count: number }[];

  /** One vote per user and answer; voting again replaces the vote. */
  recordFeedback(record: FeedbackRecord): void;
  feedbackCounts(): { up: number; down: number };

  listSynonyms(): StoredSynonymGroup[];
  addSynonym(expressions: string[], addedBy: string, at: number): StoredSynonymGroup;
  /** Removes the group with this id, or the groups holding this expression. Returns how many went. */
  removeSynonym(idOrExpression: string): number;

  channelRules(scopeId: string): ChannelRules;
  /** null clears the channel's rule. */
  setChannelRule(scopeId: string, channelId: string, rule: 'allow' | 'deny' | null): void;

  close(): void;
}

export type StoreErrorCode = 'unwritable' | 'corrupt' | 'busy' | 'newer_schema';

/** The store cannot be used; the message names the file and the fix. */
export class StoreError extends Error {
  constructor(readonly code: StoreErrorCode, message: string) {
    super(message);
    this.name = 'StoreError';
  }
}
