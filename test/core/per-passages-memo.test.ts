import { describe, expect, it, vi } from 'vitest';
import type { PassageRef } from '../../src/core/knowledge-base.js';
import { perPassagesMemo } from '../../src/core/per-passages-memo.js';

describe('perPassagesMemo', () => {
  it('works a value out once per key and passages array, undefined included', () => {
    const memo = perPassagesMemo<number, string>();
    const passages: PassageRef[] = [];
    const reloaded: PassageRef[] = [];
    const compute = vi.fn((value: string | undefined) => value);
    expect(memo(passages, 1, () => compute('a'))).toBe('a');
    expect(memo(passages, 1, () => compute('b'))).toBe('a');
    expect(memo(passages, 2, () => compute(undefined))).toBeUndefined();
    expect(memo(passages, 2, () => compute('c'))).toBeUndefined();
    // another knowledge base's passages: worked out again
    expect(memo(reloaded, 1, () => compute('d'))).toBe('d');
    expect(compute).toHaveBeenCalledTimes(3);
  });
});
