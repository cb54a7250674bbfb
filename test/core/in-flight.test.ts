import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Turns } from '../../src/core/in-flight.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const never = () => new Promise<never>(() => {});

describe('questions in flight at shutdown', () => {
  it('waits for the questions in flight, up to the timeout, and counts them finished', async () => {
    const turns = new Turns();
    let finish!: () => void;
    void turns.track(() => new Promise<void>((resolve) => (finish = resolve)));
    turns.close();
    const drained = turns.drain(10_000, 3000);
    await vi.advanceTimersByTimeAsync(4000);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(await drained).toEqual({ finished: 1, told: 0, unreached: 0, refused: 0 });
  });

  it('tells the ones still open when the wait runs out, and marks them interrupted', async () => {
    const turns = new Turns();
    const seen: boolean[] = [];
    void turns.track((turn) => {
      turn.onInterrupt(async () => {
        seen.push(turn.interrupted);
        return 'told';
      });
      return never();
    });
    turns.close();
    const drained = turns.drain(1000, 3000);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await drained).toEqual({ finished: 0, told: 1, unreached: 0, refused: 0 });
    expect(seen).toEqual([true]);
    expect(turns.size).toBe(0);
  });

  it('counts as answered a question whose answer was already on its way when telling began', async () => {
    const turns = new Turns();
    void turns.track((turn) => {
      turn.onInterrupt(async () => 'answered');
      return never();
    });
    turns.close();
    const drained = turns.drain(0, 3000);
    await vi.advanceTimersByTimeAsync(0);
    expect(await drained).toMatchObject({ finished: 1, told: 0 });
  });

  it('counts as unreached a question with no way to be told, one whose notice failed, and one whose notice took too long', async () => {
    const turns = new Turns();
    void turns.track(never);
    void turns.track((turn) => {
      turn.onInterrupt(() => Promise.reject(new Error('Unknown interaction')));
      return never();
    });
    void turns.track((turn) => {
      turn.onInterrupt(never);
      return never();
    });
    turns.close();
    const drained = turns.drain(100, 3000);
    await vi.advanceTimersByTimeAsync(3100);
    expect(await drained).toEqual({ finished: 0, told: 0, unreached: 3, refused: 0 });
  });

  it('counts questions that arrive after close as refused (the dispatcher answers them "restarting")', async () => {
    const turns = new Turns();
    turns.close();
    expect(turns.accepting).toBe(false);
    await turns.track(async () => {});
    expect(await turns.drain(0, 0)).toEqual({ finished: 0, told: 0, unreached: 0, refused: 1 });
  });
});
