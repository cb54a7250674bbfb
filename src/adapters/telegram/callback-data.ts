/**
 * What the inline buttons under an answer carry. Telegram allows 64 bytes of
 * callback_data and Arabic letters take two bytes each, so a button carries
 * the core's short answer id, never the question.
 *
 * @example encodeMore('aZ3_k9Qx', 1) // 'more:aZ3_k9Qx:1'
 * @example decodeCallbackData('fb:aZ3_k9Qx:up') // { command: 'feedback', args: { id: 'aZ3_k9Qx', vote: 'up' } }
 */
export const CALLBACK_DATA_MAX_BYTES = 64;

export type ButtonCommand =
  | { command: 'more'; args: { id: string; page: number } }
  | { command: 'feedback'; args: { id: string; vote: 'up' | 'down' } };

const ANSWER_ID = '[A-Za-z0-9_-]{1,16}';
const MORE = new RegExp(`^more:(${ANSWER_ID}):(\\d{1,2})$`);
const FEEDBACK = new RegExp(`^fb:(${ANSWER_ID}):(up|down)$`);

export function encodeMore(answerId: string, page: number): string {
  return `more:${answerId}:${page}`;
}

export function encodeFeedback(answerId: string, vote: 'up' | 'down'): string {
  return `fb:${answerId}:${vote}`;
}

/** The hidden command a button stands for; undefined for data we did not write (old or foreign buttons). */
export function decodeCallbackData(data: string | undefined): ButtonCommand | undefined {
  if (!data) return undefined;
  const more = MORE.exec(data);
  if (more) return { command: 'more', args: { id: more[1]!, page: Number(more[2]) } };
  const feedback = FEEDBACK.exec(data);
  if (feedback) return { command: 'feedback', args: { id: feedback[1]!, vote: feedback[2] as 'up' | 'down' } };
  return undefined;
}
