import { describe, expect, it } from 'vitest';
import { createModeratorCheck } from '../../../src/adapters/telegram/moderators.js';
import { silentLogger } from '../../../src/core/logger.js';

const GROUP = -100123;

function setup(statuses: Record<number, string> = {}) {
  let now = 0;
  const asked: number[] = [];
  let failing = false;
  const check = createModeratorCheck({
    adminIds: ['7001'],
    logger: silentLogger,
    ttlMs: 60_000,
    now: () => now,
    memberStatus: async (_chatId, userId) => {
      asked.push(userId);
      if (failing) throw new Error('network down');
      return statuses[userId] ?? 'member';
    },
  });
  return {
    asked,
    isModerator: (userId: number, chatType = 'supergroup', anonymousAdmin = false) =>
      check.isModerator({ userId, chatId: chatType === 'private' ? userId : GROUP, chatType, anonymousAdmin }),
    advance: (ms: number) => (now += ms),
    fail: (value: boolean) => (failing = value),
  };
}

describe('moderators on Telegram', () => {
  it('are the operator ids everywhere, without asking Telegram', async () => {
    const m = setup();
    expect(await m.isModerator(7001, 'private')).toBe(true);
    expect(await m.isModerator(7001)).toBe(true);
    expect(m.asked).toEqual([]);
  });

  it('are only the operator ids in a private chat', async () => {
    const m = setup({ 42: 'administrator' });
    expect(await m.isModerator(42, 'private')).toBe(false);
    expect(m.asked).toEqual([]);
  });

  it("are a group's creator and administrators, not its members", async () => {
    const m = setup({ 1: 'creator', 2: 'administrator', 3: 'member', 4: 'restricted', 5: 'left' });
    expect(await Promise.all([1, 2, 3, 4, 5].map((id) => m.isModerator(id)))).toEqual([true, true, false, false, false]);
  });

  it('include an anonymous administrator writing as the group', async () => {
    const m = setup();
    expect(await m.isModerator(1087968824, 'supergroup', true)).toBe(true);
  });

  it('are remembered for a minute, then asked again', async () => {
    const m = setup({ 2: 'administrator' });
    await m.isModerator(2);
    await m.isModerator(2);
    expect(m.asked).toEqual([2]);
    m.advance(60_001);
    await m.isModerator(2);
    expect(m.asked).toEqual([2, 2]);
  });

  it('default to member when Telegram cannot be asked, and ask again next time', async () => {
    const m = setup({ 2: 'administrator' });
    m.fail(true);
    expect(await m.isModerator(2)).toBe(false);
    m.fail(false);
    expect(await m.isModerator(2)).toBe(true);
    expect(m.asked).toEqual([2, 2]);
  });
});
