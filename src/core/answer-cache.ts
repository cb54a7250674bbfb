import { randomBytes } from 'node:crypto';
import type { Answer } from './answer.js';

/**
 * Recent answers by a short id, so a "more sources" or 👍/👎 button carries
 * 8 characters instead of the question (Telegram allows 64 bytes of callback
 * data, and Arabic takes two bytes a letter).
 */
export class AnswerCache {
  private readonly entries = new Map<string, { answer: Answer; at: number }>();

  constructor(
    private readonly capacity = 2000,
    private readonly ttlMs = 24 * 60 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  put(answer: Answer): string {
    const id = randomBytes(6).toString('base64url');
    this.entries.set(id, { answer, at: this.now() });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return id;
  }

  get(id: string): Answer | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (this.now() - entry.at > this.ttlMs) {
      this.entries.delete(id);
      return undefined;
    }
    return entry.answer;
  }
}
