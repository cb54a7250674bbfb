/**
 * Says a notice once per key and window: a member over the rate limit is told
 * once, not once per refused message, where every notice is a public message
 * queued ahead of answers (Telegram chats, Discord mentions).
 *
 * @example const notices = new NoticeWindow(30_000); if (notices.first(`${chat}:${user}`)) send(notice);
 */
export class NoticeWindow {
  private readonly sent = new Map<string, number>();

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** True the first time a key is seen in the window (and starts the window). */
  first(key: string): boolean {
    const now = this.now();
    const last = this.sent.get(key);
    if (last !== undefined && now - last < this.windowMs) return false;
    if (this.sent.size > 10_000) for (const [k, t] of this.sent) if (now - t >= this.windowMs) this.sent.delete(k);
    this.sent.set(key, now);
    return true;
  }
}

/** How long a member over the rate limit goes untold after being told once. */
export const RATE_NOTICE_WINDOW_MS = 30_000;
