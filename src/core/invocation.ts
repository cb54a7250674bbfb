/** Where a command came from; adapters fill this in, the core never asks a platform. */
export type Platform = 'discord' | 'telegram' | 'console';

/**
 * A platform event, translated: who asked what, where.
 *
 * @example { command: 'ask', args: { question: 'متى عقد الاجتماع؟' }, platform: 'telegram',
 *            user: { id: '42', isModerator: false }, chat: { id: '-100…', kind: 'group' } }
 */
export interface Invocation {
  command: string;
  /** raw arguments as the platform gave them; the command's zod schema parses them */
  args: Record<string, unknown>;
  platform: Platform;
  user: {
    id: string;
    name?: string;
    /** decided by the adapter from platform permissions (ManageGuild, chat admin, operator id) */
    isModerator: boolean;
  };
  chat: {
    id: string;
    /** Discord server, or Telegram group id: the scope of channel restrictions */
    scopeId?: string;
    kind: 'private' | 'group' | 'console';
  };
  /** platform's id for this request, for logs */
  requestId?: string;
  /**
   * A preview computed as the user types (Telegram inline mode): answered,
   * but neither counted as a question in /stats nor rate-limited.
   */
  preview?: boolean;
}
