import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Adapter, AdapterStartError } from '../../../src/adapters/adapter.js';
import { createDiscordAdapter } from '../../../src/adapters/discord/index.js';
import { USER_ERRORS } from '../../../src/core/errors.js';
import type { Logger } from '../../../src/core/logger.js';
import { MESSAGES } from '../../../src/present/catalogue.js';
import { createTestBot, type TestBot } from '../../support/bot.js';
import { STUB_PASSAGE, STUB_RELOAD, stubBot, stubDispatcher } from '../../support/stub-bot.js';
import { FAKE_TOKEN, type FakeDiscord, IDS, type RecordedRequest, startFakeDiscord, USERS } from './fake-discord.js';
import { autocomplete, buttonClick, channelMessage, directMessage, slashCommand, stringOption } from './fake-events.js';

const QUESTION = 'متى عقد اجتماع التحالف في الكويت؟';
/** what the stub bot quotes for every question (test/support/stub-bot.ts) */
const QUOTED = STUB_PASSAGE.text;
const EPHEMERAL = 64;

interface LogEntry {
  level: string;
  bindings: Record<string, unknown>;
  fields: Record<string, unknown>;
  message?: string;
}

function recordingLogger(entries: LogEntry[], bindings: Record<string, unknown> = {}): Logger {
  const at = (level: string) => (first: object | string, message?: string) =>
    entries.push(
      typeof first === 'string' ? { level, bindings, fields: {}, message: first } : { level, bindings, fields: { ...first }, message },
    );
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (more) => recordingLogger(entries, { ...bindings, ...more }),
  };
}

/** What a reader sees: markdown, escapes, bidi isolates and ellipses taken out. */
function readable(markdown: string): string {
  return markdown
    .replace(/\*\*|__/g, '')
    .replace(/\\(.)/g, '$1')
    .replace(/[\u2066-\u2069]/g, '')
    .replace(/…/g, '');
}

const callbackOf = (interaction: { id: string }) => (r: RecordedRequest) =>
  r.method === 'POST' && r.path.startsWith(`/interactions/${interaction.id}/`);
const originalEditOf = (interaction: { token: string }) => (r: RecordedRequest) =>
  r.method === 'PATCH' && r.path.endsWith(`/${interaction.token}/messages/@original`);

describe('the Discord adapter against a fake Discord on loopback', () => {
  let fake: FakeDiscord;
  let adapter: Adapter;
  const logs: LogEntry[] = [];
  /** votes that reached the core */
  const votes: string[] = [];

  beforeAll(async () => {
    fake = await startFakeDiscord();
    // the transport is under test, not the ranking: a bot that always cites one passage
    const bot = stubBot({
      feedback: (answerId: string, _userId: string, _platform: string, vote: number) => {
        votes.push(`${answerId}:${vote}`);
        return true;
      },
    });
    adapter = createDiscordAdapter({
      dispatcher: stubDispatcher(bot),
      bot,
      logger: recordingLogger(logs),
      hashUserIds: true,
      config: { token: FAKE_TOKEN, applicationId: IDS.application, restApi: fake.restApi },
      // a loaded test machine must not turn a fast reply into a deferred one; deferring is tested with fake timers
      deferAfterMs: 60_000,
    });
    await adapter.start();
  });

  afterAll(async () => {
    await adapter?.stop();
    await fake?.close();
  });

  it('logs in through the configured REST base, identifies without privileged intents and is ready', async () => {
    expect(adapter.isReady()).toBe(true);
    expect(fake.requests.find((r) => r.path === '/gateway/bot')?.authorization).toBe(`Bot ${FAKE_TOKEN}`);
    const intents = fake.identifies[0].intents as number;
    const MESSAGE_CONTENT = 1 << 15;
    expect(intents & MESSAGE_CONTENT).toBe(0);
    expect(intents & (1 << 9)).not.toBe(0); // GuildMessages
    expect(intents & (1 << 12)).not.toBe(0); // DirectMessages
  });

  describe('a member asks with /ask', () => {
    let ask: ReturnType<typeof slashCommand>;
    let callback: RecordedRequest;
    /** the reply's message body */
    let answer: Record<string, any>;

    /** the answer as Discord would show it, the message a button click comes from */
    const answerMessage = () => ({
      ...answer,
      id: fake.nextId(),
      type: 0,
      channel_id: IDS.channel,
      author: USERS.bot,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      pinned: false,
    });

    beforeAll(async () => {
      ask = slashCommand(fake, 'ask', [stringOption('question', QUESTION)], 'member', 'ar');
      fake.dispatch('INTERACTION_CREATE', ask);
      callback = await fake.waitForRequest(callbackOf(ask));
      answer = callback.body.data;
    });

    it('replies at once, publicly, when the answer is ready within the deadline: no "thinking…" first', () => {
      expect(callback.body.type).toBe(4);
      expect((answer.flags ?? 0) & EPHEMERAL).toBe(0);
      expect(fake.requests.some(originalEditOf(ask))).toBe(false);
      expect(fake.requests.filter((r) => r.path.includes(ask.token))).toHaveLength(1);
    });

    it('replies with embeds quoting the passage and citing the right article', () => {
      const [first] = answer.embeds;
      expect(readable(first.description)).toBe(QUOTED);
      expect(first.description).toContain('**'); // the best sentence and the matched words are bold
      expect(readable(first.title)).toContain('الكويت 13 فبراير 2018');
      expect(readable(first.footer.text)).toBe(`Reuters · 2018-02-13 · ${MESSAGES.paragraph.ar} 14`);
      expect(answer.content).toBe(MESSAGES.answeredIntro.ar);
      expect(answer.allowed_mentions).toEqual({ parse: [] });
    });

    it('offers "more sources" and 👍/👎 buttons carrying a short answer id, not the question', () => {
      const ids: string[] = answer.components[0].components.map((b: { custom_id: string }) => b.custom_id);
      expect(ids).toHaveLength(3);
      for (const id of ids) {
        expect(id.length).toBeLessThanOrEqual(100);
        expect(id).not.toContain('الكويت');
      }
      expect(ids[0]).toMatch(/^more:[A-Za-z0-9_-]{8}:1$/);
      expect(ids[1]).toMatch(/^fb:[A-Za-z0-9_-]{8}:up$/);
    });

    it('logs the interaction with its id and latency, and the question only at debug level', async () => {
      // the log line follows the reply's HTTP response, which the fake has only just sent
      const answered = await vi.waitFor(() => {
        const entry = logs.find((e) => e.message === 'interaction answered' && e.bindings.interaction === ask.id);
        if (!entry) throw new Error('not logged yet');
        return entry;
      });
      expect(answered?.bindings).toMatchObject({ platform: 'discord', guild: IDS.guild, channel: IDS.channel, command: 'ask' });
      expect(answered?.bindings.user).toMatch(/^[0-9a-f]{16}$/); // hashed: LOG_HASH_USER_IDS is on
      expect(answered?.fields.latencyMs).toEqual(expect.any(Number));
      const withQuestion = logs.filter((e) => JSON.stringify(e.fields).includes(QUESTION));
      expect(withQuestion.map((e) => e.level)).toEqual(['debug']);
    });

    it('answers the "more sources" button with the next passages', async () => {
      const moreId: string = answer.components[0].components[0].custom_id;
      const click = buttonClick(fake, moreId, answerMessage(), 'member', 'ar');
      fake.dispatch('INTERACTION_CREATE', click);
      const callback = await fake.waitForRequest(callbackOf(click));
      expect(callback.body.type).toBe(4);
      expect(callback.body.data.content).toBe(MESSAGES.moreIntro.ar);
      const firstPage = answer.embeds.map((e: { description: string }) => e.description);
      const nextPage: string[] = callback.body.data.embeds.map((e: { description: string }) => e.description);
      expect(nextPage.length).toBeGreaterThan(0);
      for (const description of nextPage) expect(firstPage).not.toContain(description);
    });

    it('records a 👍 and thanks the member privately', async () => {
      const upId: string = answer.components[0].components[1].custom_id;
      const click = buttonClick(fake, upId, answerMessage(), 'member', 'ar');
      fake.dispatch('INTERACTION_CREATE', click);
      const callback = await fake.waitForRequest(callbackOf(click));
      expect(callback.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(callback.body.data.content).toBe(MESSAGES.feedbackThanks.ar);
      expect(votes).toEqual([`${upId.split(':')[1]}:1`]);
    });
  });

  it('explains a question of symbols only privately, in one call', async () => {
    const ask = slashCommand(fake, 'ask', [stringOption('question', '؟؟؟ !!!')], 'member', 'ar');
    fake.dispatch('INTERACTION_CREATE', ask);
    const callback = await fake.waitForRequest(callbackOf(ask));
    expect(callback.body.type).toBe(4);
    expect(callback.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(callback.body.data.content).toBe(MESSAGES.rejected.no_words.ar);
    expect(fake.requests.filter((r) => r.path.includes(ask.token))).toHaveLength(1);
  });

  it('answers a question over 4,096 characters with its "too long" reply, in the asker\'s language', async () => {
    const ask = slashCommand(fake, 'ask', [stringOption('question', 'اجتماع التحالف '.repeat(400))], 'member', 'ar');
    fake.dispatch('INTERACTION_CREATE', ask);
    const callback = await fake.waitForRequest(callbackOf(ask));
    expect(callback.body.data.content).toBe(MESSAGES.rejected.too_long.ar);
  });

  it('refuses /reload to a member with an ephemeral error', async () => {
    const reload = slashCommand(fake, 'reload', [], 'member', 'en-US');
    fake.dispatch('INTERACTION_CREATE', reload);
    const callback = await fake.waitForRequest(callbackOf(reload));
    expect(callback.body.type).toBe(4);
    expect(callback.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(callback.body.data.content).toBe(USER_ERRORS.not_allowed.en);
  });

  it('reloads the corpus for a moderator and reports "N → M articles"', async () => {
    const reload = slashCommand(fake, 'reload', [], 'moderator', 'en-US');
    fake.dispatch('INTERACTION_CREATE', reload);
    const callback = await fake.waitForRequest(callbackOf(reload));
    // quick reloads answer directly; slow ones are deferred and then edited
    const data = callback.body.type === 4 ? callback.body.data : (await fake.waitForRequest(originalEditOf(reload))).body;
    const { before, after } = STUB_RELOAD;
    expect(readable(data.embeds[0].description)).toMatch(
      new RegExp(`^Reloaded: ${before.articles} → ${after.articles} articles, ${after.passages} passages`),
    );
    expect((data.flags ?? 0) & EPHEMERAL).toBe(0);
  });

  it('suggests at most 25 articles while a member types /source article:…', async () => {
    for (const typed of ['', 'روما']) {
      const typing = autocomplete(fake, 'source', 'article', typed);
      fake.dispatch('INTERACTION_CREATE', typing);
      const callback = await fake.waitForRequest(callbackOf(typing));
      expect(callback.body.type).toBe(8);
      const choices: { name: string; value: string }[] = callback.body.data.choices;
      expect(choices.length).toBeGreaterThan(0);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const choice of choices) expect(choice.name.length).toBeLessThanOrEqual(100);
    }
    const all = fake.requests.filter((r) => r.body?.type === 8).map((r) => r.body.data.choices.length);
    expect(all).toEqual([2, 1]);
  });

  it('answers a mention in a channel as a reply that can ping nobody', async () => {
    const mention = channelMessage(fake, `<@${IDS.bot}> ${QUESTION}`, true);
    fake.dispatch('MESSAGE_CREATE', mention);
    const sent = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${IDS.channel}/messages`);
    expect(sent.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(sent.body.message_reference.message_id).toBe(mention.id);
    expect(readable(sent.body.embeds[0].description)).toBe(QUOTED);
  });

  it('ignores channel messages that do not mention it, and answers DMs without a mention', async () => {
    const chatter = channelMessage(fake, QUESTION, false);
    fake.dispatch('MESSAGE_CREATE', chatter);
    const dm = directMessage(fake, QUESTION);
    fake.dispatch('MESSAGE_CREATE', dm);
    const sent = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${IDS.dmChannel}/messages`);
    expect(sent.body.message_reference.message_id).toBe(dm.id);
    const replies = fake.requests.filter((r) => r.body?.message_reference?.message_id === chatter.id);
    expect(replies).toEqual([]);
  });
});

describe('starting the Discord adapter', () => {
  it('fails with one line naming the cause and the fix when the token is rejected', async () => {
    const fake = await startFakeDiscord({ token: FAKE_TOKEN });
    const test = await createTestBot();
    const wrongToken = FAKE_TOKEN.replace('GfAkEd', 'WrOnGg');
    const adapter = createDiscordAdapter({
      dispatcher: test.dispatcher,
      bot: test.bot,
      logger: recordingLogger([]),
      hashUserIds: false,
      config: { token: wrongToken, restApi: fake.restApi },
    });
    try {
      const error = await adapter.start().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AdapterStartError);
      expect((error as Error).message).toMatch(/^discord: the token was rejected \(401 Unauthorized\) — .*DISCORD_TOKEN$/);
      expect((error as Error).message).not.toContain('\n');
      expect(adapter.isReady()).toBe(false);
    } finally {
      await adapter.stop();
      await fake.close();
      test.store.close();
    }
  });

  it('says which address it could not reach when nothing listens there', async () => {
    const fake = await startFakeDiscord();
    const restApi = fake.restApi;
    await fake.close();
    const test = await createTestBot();
    const adapter = createDiscordAdapter({
      dispatcher: test.dispatcher,
      bot: test.bot,
      logger: recordingLogger([]),
      hashUserIds: false,
      config: { token: FAKE_TOKEN, restApi },
    });
    try {
      await expect(adapter.start()).rejects.toThrow(`discord: cannot reach the Discord API at ${restApi} (ECONNREFUSED)`);
    } finally {
      await adapter.stop();
      test.store.close();
    }
  });
});

describe('staying connected', () => {
  let fake: FakeDiscord;
  let test: TestBot;
  let adapter: Adapter;

  beforeAll(async () => {
    fake = await startFakeDiscord();
    test = await createTestBot();
    adapter = createDiscordAdapter({
      dispatcher: test.dispatcher,
      bot: test.bot,
      logger: recordingLogger([]),
      hashUserIds: false,
      config: { token: FAKE_TOKEN, restApi: fake.restApi },
    });
    await adapter.start();
  });

  afterAll(async () => {
    await adapter?.stop();
    await fake?.close();
    test?.store.close();
  });

  it('lets discord.js resume after the gateway drops the connection, and keeps answering', async () => {
    fake.disconnect(4000);
    await vi.waitFor(() => expect(fake.resumes).toHaveLength(1), { timeout: 10_000 });
    expect(fake.resumes[0]).toMatchObject({ token: FAKE_TOKEN, session_id: 'fake-session' });
    const help = slashCommand(fake, 'help');
    fake.dispatch('INTERACTION_CREATE', help);
    expect((await fake.waitForRequest(callbackOf(help))).body.type).toBe(4);
    expect(adapter.isReady()).toBe(true);
  });

  it('stops reporting ready when the gateway closes for good (the token was reset)', async () => {
    fake.disconnect(4004);
    await vi.waitFor(() => expect(adapter.isReady()).toBe(false), { timeout: 10_000 });
  });
});
