import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AdapterStartError, type Adapter } from '../../../src/adapters/adapter.js';
import { createDiscordAdapter } from '../../../src/adapters/discord/index.js';
import type { Logger } from '../../../src/core/logger.js';
import { MESSAGES } from '../../../src/core/messages.js';
import { USER_ERRORS } from '../../../src/core/errors.js';
import { createTestBot, type TestBot } from '../../support/bot.js';
import { FAKE_TOKEN, IDS, USERS, startFakeDiscord, type FakeDiscord, type RecordedRequest } from './fake-discord.js';
import { autocomplete, buttonClick, channelMessage, directMessage, slashCommand, stringOption } from './fake-events.js';

const QUESTION = 'متى عقد اجتماع التحالف في الكويت؟';
/** corpus/000_ef08b0032887354d.txt, paragraph 14: the passage that answers QUESTION */
const KUWAIT_PASSAGE = 'وعقد الاجتماع بالتزامن مع مؤتمر اعادة إعمار العراق الذي بدأ الاثنين بالكويت ويستمر لمدة ثلاثة أيام.';
const EPHEMERAL = 64;

interface LogEntry {
  level: string;
  bindings: Record<string, unknown>;
  fields: Record<string, unknown>;
  message?: string;
}

function recordingLogger(entries: LogEntry[], bindings: Record<string, unknown> = {}): Logger {
  const at = (level: string) => (first: object | string, message?: string) =>
    entries.push(typeof first === 'string' ? { level, bindings, fields: {}, message: first } : { level, bindings, fields: { ...first }, message });
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: (more) => recordingLogger(entries, { ...bindings, ...more }) };
}

/** What a reader sees: markdown, escapes, bidi isolates and ellipses taken out. */
function readable(markdown: string): string {
  return markdown.replace(/\*\*|__/g, '').replace(/\\(.)/g, '$1').replace(/[\u2066-\u2069]/g, '').replace(/…/g, '');
}

const callbackOf = (interaction: { id: string }) => (r: RecordedRequest) => r.method === 'POST' && r.path.startsWith(`/interactions/${interaction.id}/`);
const originalEditOf = (interaction: { token: string }) => (r: RecordedRequest) => r.method === 'PATCH' && r.path.endsWith(`/${interaction.token}/messages/@original`);

describe('the Discord adapter against a fake Discord on loopback', () => {
  let fake: FakeDiscord;
  let test: TestBot;
  let adapter: Adapter;
  const logs: LogEntry[] = [];

  beforeAll(async () => {
    fake = await startFakeDiscord();
    test = await createTestBot();
    adapter = createDiscordAdapter({
      dispatcher: test.dispatcher,
      bot: test.bot,
      logger: recordingLogger(logs),
      hashUserIds: true,
      config: { token: FAKE_TOKEN, applicationId: IDS.application, restApi: fake.restApi },
    });
    await adapter.start();
  });

  afterAll(async () => {
    await adapter?.stop();
    await fake?.close();
    test?.store.close();
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
    let edit: RecordedRequest;

    /** the answer as Discord would show it, the message a button click comes from */
    const answerMessage = () => ({
      ...edit.body, id: fake.nextId(), type: 0, channel_id: IDS.channel, author: USERS.bot, timestamp: new Date().toISOString(),
      edited_timestamp: null, tts: false, mention_everyone: false, mentions: [], mention_roles: [], attachments: [], pinned: false,
    });

    beforeAll(async () => {
      ask = slashCommand(fake, 'ask', [stringOption('question', QUESTION)], 'member', 'ar');
      fake.dispatch('INTERACTION_CREATE', ask);
      edit = await fake.waitForRequest(originalEditOf(ask));
    });

    it('defers at once, publicly', async () => {
      const callback = await fake.waitForRequest(callbackOf(ask));
      expect(callback.body.type).toBe(5);
      expect((callback.body.data?.flags ?? 0) & EPHEMERAL).toBe(0);
      expect(fake.requests.indexOf(callback)).toBeLessThan(fake.requests.indexOf(edit));
    });

    it('edits the reply into embeds quoting the passage and citing the right article', () => {
      const [first] = edit.body.embeds;
      expect(readable(first.description)).toContain(KUWAIT_PASSAGE);
      expect(first.description).toContain('**'); // the best sentence and the matched words are bold
      expect(readable(first.title)).toContain('الكويت 13 فبراير 2018');
      expect(readable(first.footer.text)).toBe(`2018-02-13 · ${MESSAGES.paragraph.ar} 14`);
      expect(edit.body.content).toBe(MESSAGES.answeredIntro.ar);
      expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    });

    it('offers "more sources" and 👍/👎 buttons carrying a short answer id, not the question', () => {
      const ids: string[] = edit.body.components[0].components.map((b: { custom_id: string }) => b.custom_id);
      expect(ids).toHaveLength(3);
      for (const id of ids) {
        expect(id.length).toBeLessThanOrEqual(100);
        expect(id).not.toContain('الكويت');
      }
      expect(ids[0]).toMatch(/^more:[A-Za-z0-9_-]{8}:1$/);
      expect(ids[1]).toMatch(/^fb:[A-Za-z0-9_-]{8}:up$/);
    });

    it('logs the interaction with its id and latency, and the question only at debug level', async () => {
      // the log line follows the edit's HTTP response, which the fake has only just sent
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
      const moreId: string = edit.body.components[0].components[0].custom_id;
      const click = buttonClick(fake, moreId, answerMessage(), 'member', 'ar');
      fake.dispatch('INTERACTION_CREATE', click);
      const callback = await fake.waitForRequest(callbackOf(click));
      expect(callback.body.type).toBe(4);
      expect(callback.body.data.content).toBe(MESSAGES.moreIntro.ar);
      const firstPage = edit.body.embeds.map((e: { description: string }) => e.description);
      const nextPage: string[] = callback.body.data.embeds.map((e: { description: string }) => e.description);
      expect(nextPage.length).toBeGreaterThan(0);
      for (const description of nextPage) expect(firstPage).not.toContain(description);
    });

    it('records a 👍 and thanks the member privately', async () => {
      const upId: string = edit.body.components[0].components[1].custom_id;
      const before = await test.store.feedbackCounts();
      const click = buttonClick(fake, upId, answerMessage(), 'member', 'ar');
      fake.dispatch('INTERACTION_CREATE', click);
      const callback = await fake.waitForRequest(callbackOf(click));
      expect(callback.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(callback.body.data.content).toBe(MESSAGES.feedbackThanks.ar);
      expect(await test.store.feedbackCounts()).toEqual({ up: before.up + 1, down: before.down });
    });
  });

  it('explains a question of symbols only privately: the public "thinking…" is deleted, the note follows as ephemeral', async () => {
    const ask = slashCommand(fake, 'ask', [stringOption('question', '؟؟؟ !!!')], 'member', 'ar');
    fake.dispatch('INTERACTION_CREATE', ask);
    const followUp = await fake.waitForRequest((r) => r.method === 'POST' && r.path.endsWith(`/webhooks/${IDS.application}/${ask.token}`));
    const deleted = fake.requests.findIndex((r) => r.method === 'DELETE' && r.path.endsWith(`/${ask.token}/messages/@original`));
    expect(deleted).toBeGreaterThan(-1);
    expect(deleted).toBeLessThan(fake.requests.indexOf(followUp));
    expect(followUp.body.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(followUp.body.content).toBe(MESSAGES.rejected.no_words.ar);
    expect(fake.requests.some(originalEditOf(ask))).toBe(false);
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
    const { articles, passages } = test.bot.size();
    expect(readable(data.embeds[0].description)).toMatch(new RegExp(`^Reloaded: ${articles} → ${articles} articles, ${passages} passages`));
    expect((data.flags ?? 0) & EPHEMERAL).toBe(0);
  });

  it('suggests at most 25 articles while a member types /source article:…', async () => {
    for (const typed of ['', 'التحالف']) {
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
    expect(all[0]).toBe(5);
    expect(all[1]).toBeLessThan(5);
  });

  it('answers a mention in a channel as a reply that can ping nobody', async () => {
    const mention = channelMessage(fake, `<@${IDS.bot}> ${QUESTION}`, true);
    fake.dispatch('MESSAGE_CREATE', mention);
    const sent = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${IDS.channel}/messages`);
    expect(sent.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(sent.body.message_reference.message_id).toBe(mention.id);
    expect(readable(sent.body.embeds[0].description)).toContain(KUWAIT_PASSAGE);
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
      dispatcher: test.dispatcher, bot: test.bot, logger: recordingLogger([]), hashUserIds: false,
      config: { token: wrongToken, restApi: fake.restApi },
    });
    try {
      const error = await adapter.start().then(() => undefined, (e: unknown) => e);
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
      dispatcher: test.dispatcher, bot: test.bot, logger: recordingLogger([]), hashUserIds: false,
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
      dispatcher: test.dispatcher, bot: test.bot, logger: recordingLogger([]), hashUserIds: false,
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
