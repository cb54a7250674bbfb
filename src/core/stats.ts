import type { AnswerStatus } from './answer.js';

export type StatusCounts = Record<AnswerStatus, number>;

export function emptyCounts(): StatusCounts {
  return { answered: 0, not_found: 0, rejected: 0 };
}

/** What /stats shows moderators. */
export interface StatsSnapshot {
  sinceStart: StatusCounts;
  last24h: StatusCounts;
  /** questions that found nothing, most asked first: what the corpus is missing */
  topMissing: { question: string; count: number }[];
  feedback: { up: number; down: number };
  index: { articles: number; passages: number; terms: number; synonymGroups: number; builtAt: string };
  startedAt: string;
  uptimeSeconds: number;
}
