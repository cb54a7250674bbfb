import { describe, expect, it } from 'vitest';
import { withConstantLabel } from '../../src/ops/replica-label.js';

describe('withConstantLabel', () => {
  it.each([
    ['a sample without labels', 'bot_up 1', 'bot_up{replica="bot-2"} 1'],
    ['a sample with labels', 'bot_questions_total{platform="discord",status="answered"} 3', 'bot_questions_total{replica="bot-2",platform="discord",status="answered"} 3'],
    ['a histogram bucket', 'bot_latency_seconds_bucket{le="+Inf"} 7', 'bot_latency_seconds_bucket{replica="bot-2",le="+Inf"} 7'],
    ['a label value holding braces', 'bot_info{version="{x} 1"} 1', 'bot_info{replica="bot-2",version="{x} 1"} 1'],
    ['a comment', '# HELP bot_up Whether the bot is ready', '# HELP bot_up Whether the bot is ready'],
    ['a blank line', '', ''],
  ])('labels %s', (_what, line, expected) => {
    expect(withConstantLabel(line, 'replica', 'bot-2')).toBe(expected);
  });

  it('escapes the value as the exposition format requires', () => {
    expect(withConstantLabel('bot_up 1', 'replica', 'a"b\\c')).toBe('bot_up{replica="a\\"b\\\\c"} 1');
  });
});
