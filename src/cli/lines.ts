import { StringDecoder } from 'node:string_decoder';

/**
 * The lines of a byte stream, split on "\n" only: a "\r" inside a line stays
 * in it (readline would split there too), one "\r" before the "\n" is the
 * Windows line end and goes, and a last line without "\n" still counts.
 * Bytes that are not UTF-8 become U+FFFD, so every line comes out.
 *
 * @example for await (const line of linesOf(process.stdin)) console.log(JSON.stringify(line));
 */
export async function* linesOf(input: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  for await (const chunk of input) {
    pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    for (let end = pending.indexOf('\n'); end !== -1; end = pending.indexOf('\n')) {
      yield withoutCr(pending.slice(0, end));
      pending = pending.slice(end + 1);
    }
  }
  pending += decoder.end();
  if (pending !== '') yield withoutCr(pending);
}

function withoutCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
