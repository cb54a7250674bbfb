import { USER_ERRORS } from '../../src/core/errors.js';
import { FAKE_TOKEN, type FakeDiscord, IDS, startFakeDiscord, USERS } from '../../test/adapters/discord/fake-discord.js';
import { slashCommand, stringOption } from '../../test/adapters/discord/fake-events.js';
import { percentile } from '../lib/percentile.js';
import { finalContentOf, loadApp, sleep } from './support.js';

export interface BurstResult {
  questions: number;
  answered: number;
  rateLimited: number;
  lost: number;
  restCalls: number;
  deferrals: number;
  publicNotices: number;
  p50Ms: number;
  p99Ms: number;
  noticeP99Ms: number;
}

const QUESTIONS = [
  'متى عقد اجتماع التحالف في الكويت؟',
  'كم دولة شاركت في اجتماع التحالف؟',
  'شو قال تيلرسون عن العراق؟',
  'كم مليون دولار تعهدت الولايات المتحدة بتقديمها لإعادة الإعمار؟',
  'How much money did Tillerson pledge?',
];

/**
 * A running bot has answered questions before: ten, from members and in a
 * channel outside the measured ones, one at a time, so the first measured
 * answers do not pay for the JIT compiling the search.
 */
async function warmUp(fake: FakeDiscord): Promise<void> {
  for (let i = 0; i < 10; i++) {
    const ask = slashCommand(fake, 'ask', [stringOption('question', QUESTIONS[i % QUESTIONS.length]!)], 'member', 'ar');
    const channel = String(BigInt(IDS.channel) + 999n);
    const user = { ...USERS.member, id: String(BigInt(IDS.member) + 1000n + BigInt(i)) };
    fake.dispatch('INTERACTION_CREATE', {
      ...ask,
      channel_id: channel,
      channel: { ...ask.channel, id: channel },
      member: { ...ask.member, user },
    });
    await fake.waitForRequest((r) => r.path.includes(ask.token));
  }
}

/**
 * `count` questions at `perSecond` from `users` members in `channels`
 * channels, default rate limits, against the fake Discord: REST calls per
 * question and the time from the interaction to its final content.
 */
export async function discordBurst(options: {
  count: number;
  perSecond: number;
  users: number;
  channels: number;
  storeRoot?: string;
}): Promise<BurstResult> {
  const fake = await startFakeDiscord();
  const running = loadApp({ DISCORD_TOKEN: FAKE_TOKEN, DISCORD_REST_API: fake.restApi }, options.storeRoot);
  try {
    await running.app.start();
    await warmUp(fake);
    const before = fake.requests.length;
    const sentAt = new Map<string, number>();
    const tokens: string[] = [];
    const started = performance.now();
    for (let i = 0; i < options.count; i++) {
      const due = started + (i * 1000) / options.perSecond;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const ask = slashCommand(fake, 'ask', [stringOption('question', QUESTIONS[i % QUESTIONS.length]!)], 'member', i % 2 ? 'ar' : 'en-US');
      const user = i % options.users;
      const channel = String(BigInt(IDS.channel) + BigInt(i % options.channels));
      const interaction = {
        ...ask,
        channel_id: channel,
        channel: { ...ask.channel, id: channel },
        member: { ...ask.member, user: { ...USERS.member, id: String(BigInt(IDS.member) + BigInt(user)), username: `member${user}` } },
      };
      sentAt.set(ask.token, performance.now());
      tokens.push(ask.token);
      fake.dispatch('INTERACTION_CREATE', interaction);
    }
    // let the last replies arrive
    for (let waited = 0; waited < 10_000 && tokens.some((t) => !finalContentOf(fake.requests, t)); waited += 50) await sleep(50);
    const calls = fake.requests.slice(before).filter((r) => tokens.some((t) => r.path.includes(t)));
    const answered: number[] = [];
    const notices: number[] = [];
    let lost = 0;
    let publicNotices = 0;
    for (const token of tokens) {
      const final = finalContentOf(fake.requests, token);
      if (!final) {
        lost++;
        continue;
      }
      const at = final.at - sentAt.get(token)!;
      const data = final.body?.data ?? final.body;
      const isNotice = data?.content === USER_ERRORS.rate_limited.en || data?.content === USER_ERRORS.rate_limited.ar;
      if (isNotice) {
        notices.push(at);
        if (!((data.flags ?? 0) & 64)) publicNotices++;
      } else answered.push(at);
    }
    return {
      questions: tokens.length,
      answered: answered.length,
      rateLimited: notices.length,
      lost,
      restCalls: calls.length,
      deferrals: calls.filter((r) => r.body?.type === 5).length,
      publicNotices,
      p50Ms: percentile(answered, 50),
      p99Ms: percentile(answered, 99),
      noticeP99Ms: percentile(notices, 99),
    };
  } finally {
    await running.dispose();
    await fake.close();
  }
}
