import { describe, expect, it } from 'vitest';
import { isolateLtrRuns, LRI, PDI, stripBidiControls } from '../../src/present/bidi.js';

describe('isolateLtrRuns', () => {
  it('isolates Latin names, dates and URLs inside Arabic', () => {
    expect(isolateLtrRuns('قال Rex Tillerson في 2018-02-13 عبر https://x.com/a')).toBe(
      `قال ${LRI}Rex Tillerson${PDI} في ${LRI}2018-02-13${PDI} عبر ${LRI}https://x.com/a${PDI}`,
    );
  });

  it('leaves text without Arabic alone', () => {
    expect(isolateLtrRuns('Rex Tillerson, 2018-02-13')).toBe('Rex Tillerson, 2018-02-13');
  });

  it('strips bidi overrides a user typed', () => {
    expect(stripBidiControls('a\u202Eb\u2066c\u200Fd')).toBe('abcd');
  });
});
