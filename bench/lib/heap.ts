const MB = 1024 * 1024;

/**
 * heapUsed once garbage is gone. Needs node --expose-gc; two passes because
 * the first can leave objects that only become unreachable after finalizers run.
 */
export function settledHeapBytes(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('heap measurement needs node --expose-gc (bench/run.ts starts its workers with it)');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

export function toMB(bytes: number): number {
  return bytes / MB;
}
