import { PassThrough } from 'node:stream';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../../src/adapters/adapter.js';
import { createConsoleAdapter } from '../../../src/adapters/console/console-adapter.js';
import { silentLogger } from '../../../src/core/logger.js';
import { createTestBot, type TestBot } from '../../support/bot.js';

let testBot: TestBot;
beforeAll(async () => {
  testBot = await createTestBot();
});

const running: Adapter[] = [];
afterEach(async () => {
  for (const adapter of running.splice(0)) await adapter.stop();
});

/** Types the lines into a console chat one by one, each after the previous reply, and returns what it printed. */
async function chat(lines: readonly string[], locale?: string): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => {
    printed += chunk.toString('utf8');
  });
  const adapter = createConsoleAdapter({
    dispatcher: testBot.dispatcher,
    bot: testBot.bot,
    logger: silentLogger,
    hashUserIds: false,
    input,
    output,
    color: false,
    locale,
  });
  running.push(adapter);
  await adapter.start();
  for (const line of lines) {
    const prompts = printed.split('؟ ').length;
    input.write(`${line}\n`);
    await expect.poll(() => printed.split('؟ ').length, { timeout: 5000 }).toBeGreaterThan(prompts);
  }
  return printed;
}

describe('the console chat', () => {
  it.each([
    ['an Arabic terminal', 'ar_SA.UTF-8', 'الأوامر'],
    ['an English terminal', 'en_US.UTF-8', 'Commands'],
    ['a terminal with no locale', undefined, 'Commands'],
  ])('answers a command typed before any question in the language of %s', async (_what, locale, header) => {
    expect(await chat(['/help'], locale)).toContain(header);
  });

  it('answers a bare command in the language the member last wrote in', async () => {
    const printed = await chat(['متى عقد اجتماع التحالف في الكويت؟', '/help'], 'en_US.UTF-8');
    expect(printed).toContain('الأوامر');
    expect(printed).not.toContain('Commands');
  });

  it("answers a command in its arguments' language", async () => {
    const printed = await chat(['/ask When did the coalition meet in Kuwait?'], 'ar_SA.UTF-8');
    expect(printed).toContain('Here is what the articles say');
  });
});
