import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { linesOf } from '../../src/cli/lines.js';

async function collect(chunks: (string | Buffer)[]): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of linesOf(Readable.from(chunks, { objectMode: true }))) lines.push(line);
  return lines;
}

describe('splitting input into lines for ask --json', () => {
  it.each([
    ['plain lines', ['a\nb\n'], ['a', 'b']],
    ['a carriage return inside a line stays in it', ['a\rb\nc\n'], ['a\rb', 'c']],
    ['a lone carriage return is not a line end', ['a\r\r\rb\n'], ['a\r\r\rb']],
    ['CRLF is one line end', ['a\r\nb\r\n'], ['a', 'b']],
    ['only one CR goes before LF', ['a\r\r\n'], ['a\r']],
    ['empty lines count', ['\n\n'], ['', '']],
    ['a last line without a newline counts', ['a\nb'], ['a', 'b']],
    ['nothing, nothing', [''], []],
    ['a line split across chunks', ['سؤ', 'ال\nثان', 'ي\n'], ['سؤال', 'ثاني']],
    ['CRLF split across chunks', ['a\r', '\nb\n'], ['a', 'b']],
    ['a character split across byte chunks', [Buffer.from([0xd8]), Buffer.from([0xb3, 0x0a])], ['س']],
    ['bytes that are not UTF-8 become U+FFFD', [Buffer.from([0xff, 0x41, 0x0a])], ['\uFFFDA']],
    ['U+2028 and U+0085 are not line ends', ['a\u2028b\u0085c\n'], ['a\u2028b\u0085c']],
  ])('%s', async (_name, chunks, expected) => {
    expect(await collect(chunks as (string | Buffer)[])).toEqual(expected);
  });
});
