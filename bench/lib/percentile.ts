/**
 * Nearest-rank percentile of a sample: the smallest value with at least p% of
 * the sample at or below it. It is always a measured value, never an
 * interpolation, so p99 of 446 timings is the 442nd fastest.
 *
 * @example percentile([5, 1, 4, 2, 3], 50) === 3
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile wants 0 < p ≤ 100, got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.max(0, rank - 1)]!;
}
