import { type FakeDiscord, IDS, MEMBER_PERMISSIONS, MODERATOR_PERMISSIONS, USERS } from './fake-discord.js';

/** Gateway payloads a test sends through the fake: what Discord sends when people use the bot. */

type Who = 'member' | 'moderator';

function member(who: Who) {
  return {
    user: USERS[who],
    roles: [],
    joined_at: '2024-01-01T00:00:00.000Z',
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    nick: null,
    avatar: null,
    premium_since: null,
    permissions: who === 'moderator' ? MODERATOR_PERMISSIONS : MEMBER_PERMISSIONS,
  };
}

function base(fake: FakeDiscord, who: Who, locale: string) {
  const id = fake.nextId();
  return {
    id,
    token: `interaction-token-${id}`,
    application_id: IDS.application,
    version: 1,
    guild_id: IDS.guild,
    channel_id: IDS.channel,
    channel: { id: IDS.channel, type: 0, guild_id: IDS.guild, name: 'questions' },
    member: member(who),
    locale,
    guild_locale: 'en-US',
    app_permissions: MEMBER_PERMISSIONS,
    entitlements: [],
    authorizing_integration_owners: { 0: IDS.guild },
    context: 0,
    attachment_size_limit: 8_388_608,
  };
}

export function slashCommand(fake: FakeDiscord, name: string, options: object[] = [], who: Who = 'member', locale = 'en-US') {
  return { ...base(fake, who, locale), type: 2, data: { id: fake.nextId(), name, type: 1, options } };
}

export function stringOption(name: string, value: string) {
  return { name, type: 3, value };
}

export function buttonClick(fake: FakeDiscord, customId: string, message: object, who: Who = 'member', locale = 'en-US') {
  return { ...base(fake, who, locale), type: 3, data: { custom_id: customId, component_type: 2 }, message };
}

export function autocomplete(fake: FakeDiscord, name: string, option: string, typed: string) {
  return {
    ...base(fake, 'member', 'en-US'),
    type: 4,
    data: { id: fake.nextId(), name, type: 1, options: [{ name: option, type: 3, value: typed, focused: true }] },
  };
}

/** The fields every MESSAGE_CREATE of these tests shares: plain text, nothing attached. */
function message(fake: FakeDiscord, content: string, mentions: unknown[]) {
  return {
    id: fake.nextId(),
    type: 0,
    author: USERS.member,
    content,
    mentions,
    mention_roles: [],
    mention_everyone: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    attachments: [],
    embeds: [],
    pinned: false,
    flags: 0,
    components: [],
  };
}

export function channelMessage(fake: FakeDiscord, content: string, mentionsBot: boolean) {
  return {
    ...message(fake, content, mentionsBot ? [USERS.bot] : []),
    channel_id: IDS.channel,
    channel_type: 0,
    guild_id: IDS.guild,
    member: { roles: [], joined_at: '2024-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 },
  };
}

export function directMessage(fake: FakeDiscord, content: string) {
  return { ...message(fake, content, []), channel_id: IDS.dmChannel, channel_type: 1 };
}
