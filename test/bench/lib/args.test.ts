import { describe, expect, it } from 'vitest';
import { isFullRun, parseBenchArgs } from '../../../bench/lib/args.js';

describe('parseBenchArgs', () => {
  it('reads no flags as a full run', () => {
    const parsed = parseBenchArgs([]);
    expect(parsed.ok && isFullRun(parsed.args)).toBe(true);
  });

  it('takes systems and datasets as repeated flags or comma lists', () => {
    const parsed = parseBenchArgs(['--only', 'ours,lunr-ar', '--only', 'orama-ar', '--dataset', 'arcd']);
    expect(parsed).toEqual({ ok: true, args: { quick: false, help: false, only: ['ours', 'lunr-ar', 'orama-ar'], datasets: ['arcd'] } });
    expect(parsed.ok && isFullRun(parsed.args)).toBe(false);
  });

  it('names the unknown system and lists the known ones', () => {
    const parsed = parseBenchArgs(['--only', 'elasticsearch']);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/unknown system "elasticsearch"; known: ours, flexsearch-default/);
  });

  it('refuses an unknown dataset and an unknown flag', () => {
    expect(parseBenchArgs(['--dataset', 'squad']).ok).toBe(false);
    expect(parseBenchArgs(['--fast']).ok).toBe(false);
  });
});
