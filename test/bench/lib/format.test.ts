import { describe, expect, it } from 'vitest';
import { amount, duration, ratio } from '../../../bench/lib/format.js';

describe('ratio (ours/peer)', () => {
  it('shows a 22× faster engine as 0.045× of the peer', () => {
    expect(ratio(22, 490)).toBe('0.045×');
  });

  it('shows a slower engine as a multiplier above 1', () => {
    expect(ratio(310, 100)).toBe('3.1×');
    expect(ratio(12_000, 100)).toBe('120×');
  });

  it('has no value when either side is missing or the peer took no time', () => {
    expect(ratio(undefined, 100)).toBe('-');
    expect(ratio(100, undefined)).toBe('-');
    expect(ratio(100, 0)).toBe('-');
  });
});

describe('amount', () => {
  it('keeps one decimal below 10 and none above', () => {
    expect(amount(7.25)).toBe('7.3');
    expect(amount(1234.5)).toBe('1235');
  });
});

describe('duration', () => {
  it('writes minutes and seconds past one minute', () => {
    expect(duration(59_400)).toBe('59 s');
    expect(duration(272_000)).toBe('4 min 32 s');
  });
});
