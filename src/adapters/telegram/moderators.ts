import type { Logger } from '../../core/logger.js';

/**
 * Who may run moderator commands: the operator ids of TELEGRAM_ADMIN_IDS
 * everywhere, and in a group its creator and administrators (asked with
 * getChatMember, remembered briefly so a busy group costs one call a minute
 * per person). In a private chat only the operator ids are moderators.
 */
export interface ModeratorCheck {
  isModerator(who: { userId: number; chatId: number; chatType: string; anonymousAdmin?: boolean }): Promise<boolean>;
}

export interface ModeratorCheckOptions {
  adminIds: readonly string[];
  /** the member's status in the chat, e.g. 'creator', 'administrator', 'member' */
  memberStatus(chatId: number, userId: number): Promise<string>;
  logger: Logger;
  ttlMs?: number;
  now?: () => number;
  /** entries kept at most; the oldest go first */
  capacity?: number;
}

const ADMIN_STATUSES = new Set(['creator', 'administrator']);

export function createModeratorCheck(options: ModeratorCheckOptions): ModeratorCheck {
  const operators = new Set(options.adminIds.map((id) => id.trim()));
  const ttlMs = options.ttlMs ?? 60_000;
  const now = options.now ?? Date.now;
  const capacity = options.capacity ?? 5000;
  const cache = new Map<string, { at: number; answer: Promise<boolean> }>();

  async function ask(chatId: number, userId: number): Promise<boolean> {
    return ADMIN_STATUSES.has(await options.memberStatus(chatId, userId));
  }

  return {
    async isModerator({ userId, chatId, chatType, anonymousAdmin }) {
      if (operators.has(String(userId))) return true;
      if (chatType === 'private') return false;
      // Telegram only lets a group's administrators write as the group itself
      if (anonymousAdmin) return true;
      const key = `${chatId}:${userId}`;
      const cached = cache.get(key);
      if (cached && now() - cached.at < ttlMs) return cached.answer;
      const answer = ask(chatId, userId);
      cache.set(key, { at: now(), answer });
      while (cache.size > capacity) cache.delete(cache.keys().next().value!);
      try {
        return await answer;
      } catch (error) {
        // not cached: the next command asks again
        cache.delete(key);
        options.logger.warn({ err: error, chatId }, 'getChatMember failed; treating the user as a member');
        return false;
      }
    },
  };
}
