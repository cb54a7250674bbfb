import { describe, expect, it } from 'vitest';
import { CALLBACK_DATA_MAX_BYTES, decodeCallbackData, encodeFeedback, encodeMore } from '../../../src/adapters/telegram/callback-data.js';

describe('callback data', () => {
  it('round-trips the more and feedback buttons', () => {
    expect(decodeCallbackData(encodeMore('k3Yv_9aQ', 2))).toEqual({ command: 'more', args: { id: 'k3Yv_9aQ', page: 2 } });
    expect(decodeCallbackData(encodeFeedback('k3Yv_9aQ', 'up'))).toEqual({ command: 'feedback', args: { id: 'k3Yv_9aQ', vote: 'up' } });
  });

  it('stays within 64 bytes for the longest answer id and page', () => {
    const longestId = 'A'.repeat(16);
    expect(Buffer.byteLength(encodeMore(longestId, 20))).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
    expect(Buffer.byteLength(encodeFeedback(longestId, 'down'))).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
  });

  it('refuses data it did not write', () => {
    for (const data of [
      undefined,
      '',
      'more:',
      'more:abc',
      'more:abc:x',
      'fb:abc:maybe',
      'more:متى:1',
      `more:${'A'.repeat(17)}:1`,
      'more:abc:1:extra',
    ]) {
      expect(decodeCallbackData(data)).toBeUndefined();
    }
  });
});
