import type { PassageRef } from './knowledge-base.js';

/**
 * A value worked out once per key for each knowledge base: every index has
 * its own passages array (a reload makes a new one), so the memo lives and
 * dies with it. `undefined` results are remembered too.
 */
export function perPassagesMemo<K, V>(): (passages: readonly PassageRef[], key: K, compute: () => V | undefined) => V | undefined {
  const memos = new WeakMap<readonly PassageRef[], Map<K, V | null>>();
  return (passages, key, compute) => {
    let memo = memos.get(passages);
    if (!memo) {
      memo = new Map();
      memos.set(passages, memo);
    }
    let value = memo.get(key);
    if (value === undefined) {
      value = compute() ?? null;
      memo.set(key, value);
    }
    return value ?? undefined;
  };
}
