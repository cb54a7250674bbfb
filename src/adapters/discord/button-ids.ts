/**
 * Button custom ids. They carry the answer's short id, never the question:
 * Discord allows 100 characters and the answer cache already keeps the rest.
 *
 * @example moreButtonId('aZ3-x_9Q', 1) // 'more:aZ3-x_9Q:1'
 */
export function moreButtonId(answerId: string, page: number): string {
  return `more:${answerId}:${page}`;
}

/** @example feedbackButtonId('aZ3-x_9Q', 'up') // 'fb:aZ3-x_9Q:up' */
export function feedbackButtonId(answerId: string, vote: 'up' | 'down'): string {
  return `fb:${answerId}:${vote}`;
}

/** The hidden command a button stands for, with its raw arguments for the command's schema. */
export type ButtonAction =
  | { command: 'more'; args: { id: string; page: string } }
  | { command: 'feedback'; args: { id: string; vote: string } };

/** Undefined for ids this bot never made (or an older version made): the caller says so politely. */
export function parseButtonId(customId: string): ButtonAction | undefined {
  const [kind, id, last, ...extra] = customId.split(':');
  if (!id || !last || extra.length > 0) return undefined;
  if (kind === 'more') return { command: 'more', args: { id, page: last } };
  if (kind === 'fb') return { command: 'feedback', args: { id, vote: last } };
  return undefined;
}
