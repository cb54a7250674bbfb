/** Number formats shared by the printed tables. */

/** 1234.5 → "1235", 7.25 → "7.3": one decimal only where it carries information. */
export function amount(value: number): string {
  if (!Number.isFinite(value)) return '-';
  return Math.abs(value) < 10 ? value.toFixed(1) : value.toFixed(0);
}

export function share(value: number): string {
  return Number.isFinite(value) ? value.toFixed(3) : '-';
}

/**
 * ours/peer as a multiplier with two significant digits: "0.045×" means ours
 * takes 4.5% of the peer's time (22× faster), "3.1×" means 3.1 times longer.
 */
export function ratio(ours: number | undefined, peer: number | undefined): string {
  if (ours === undefined || peer === undefined || !(peer > 0) || !Number.isFinite(ours)) return '-';
  const value = ours / peer;
  return `${value >= 100 ? value.toFixed(0) : value.toPrecision(2)}×`;
}

export function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
