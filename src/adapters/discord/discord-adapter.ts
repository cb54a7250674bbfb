import { Client, type ClientOptions, Events, GatewayIntentBits, type Interaction, type Message, Partials, Status } from 'discord.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../core/logger.js';
import { NoticeWindow, RATE_NOTICE_WINDOW_MS } from '../../core/notice-window.js';
import { errorReply } from '../../core/reply.js';
import { userIdForLogs } from '../../logger.js';
import { localeLang, textLang } from '../../present/index.js';
import { type Adapter, type AdapterDeps, AdapterStartError } from '../adapter.js';
import { explainDiscordFailure, GatewayTimeoutError } from './discord-errors.js';
import { withErrorBoundary } from './error-boundary.js';
import { type HandlerContext, handleAutocomplete, handleButton, handleCommand } from './handle-interaction.js';
import { handleMention, replyToMessage } from './handle-message.js';
import { isAddressedTo } from './invocation.js';
import { renderInternalError, renderReply } from './render.js';
import { createResponder } from './responder.js';
import { shardOptions } from './shards.js';

export interface DiscordAdapterOptions extends AdapterDeps {
  config: NonNullable<Config['discord']>;
  /** how long start() waits for the gateway's READY (default 60 s) */
  startTimeoutMs?: number;
  /** a command reply not ready by then is deferred; Discord allows 3 s for the first response (default 1 s) */
  deferAfterMs?: number;
}

/**
 * Long enough for any answer from a warm index, short enough that a deferral
 * sent then still reaches Discord within its 3 s even behind a busy REST queue.
 */
const DEFER_AFTER_MS = 1000;

/**
 * Discord through discord.js: slash commands, buttons, autocomplete, and
 * questions asked by mentioning the bot or in a DM. Needs no privileged
 * intent: Discord sends a message's content when it mentions the bot, and DMs.
 */
export function createDiscordAdapter(options: DiscordAdapterOptions): Adapter {
  const { config, dispatcher, hashUserIds } = options;
  const logger = options.logger.child({ platform: 'discord' });
  const context: HandlerContext = {
    dispatcher,
    deferAfterMs: options.deferAfterMs ?? DEFER_AFTER_MS,
    rateNotices: new NoticeWindow(RATE_NOTICE_WINDOW_MS),
  };
  let client: Client | undefined;
  /** the gateway closed with a code discord.js does not recover from (e.g. 4004 after a token reset) */
  let closedForGood = false;
  /** destroying the client closes the gateway too, which discord.js reports as "reconnecting" */
  let stopping = false;

  function interactionLog(interaction: Interaction, command: string): Logger {
    return logger.child({
      guild: interaction.guildId ?? 'dm',
      channel: interaction.channelId,
      user: userIdForLogs(interaction.user.id, hashUserIds),
      command,
      interaction: interaction.id,
    });
  }

  /** Commands and buttons: in flight from receipt until the last reply call has returned. */
  function onInteraction(interaction: Interaction): Promise<void> {
    const lang = localeLang(interaction.locale);
    if (interaction.isAutocomplete()) {
      const log = interactionLog(interaction, `${interaction.commandName}:autocomplete`);
      return withErrorBoundary(
        log,
        () => handleAutocomplete(interaction, dispatcher),
        async () => {
          if (!interaction.responded) await interaction.respond([]);
        },
      );
    }
    if (!interaction.isChatInputCommand() && !interaction.isButton()) return Promise.resolve();
    return dispatcher.receive((turn) => {
      const responder = createResponder(interaction, turn);
      turn.onInterrupt(() => responder.interrupt(renderReply(errorReply('unavailable', lang))));
      if (interaction.isChatInputCommand()) {
        const log = interactionLog(interaction, interaction.commandName);
        return withErrorBoundary(
          log,
          () => handleCommand(interaction, responder, context, log, turn),
          () => responder.send(renderInternalError(lang)),
        );
      }
      const log = interactionLog(interaction, `button:${interaction.customId.split(':')[0]}`);
      return withErrorBoundary(
        log,
        () => handleButton(interaction, responder, context, log, turn),
        () => responder.send(renderInternalError(lang)),
      );
    });
  }

  function onMessage(message: Message, botUserId: string): Promise<void> {
    if (!isAddressedTo(message, botUserId)) return Promise.resolve();
    const log = logger.child({
      guild: message.guildId ?? 'dm',
      channel: message.channelId,
      user: userIdForLogs(message.author.id, hashUserIds),
      command: 'mention',
      message: message.id,
    });
    const lang = textLang(message.content, 'en');
    return dispatcher.receive((turn) => {
      let replying: Promise<unknown> | undefined;
      const reply: typeof message.reply = (options) => {
        const sent = message.reply(options);
        replying = sent;
        return sent;
      };
      // the same message, whose reply() notes that the answer is on its way
      const guarded = new Proxy(message, { get: (target, key) => (key === 'reply' ? reply : Reflect.get(target, key, target)) });
      turn.onInterrupt(async () => {
        if (replying) return replying.then(() => 'answered' as const);
        await replyToMessage(guarded, renderReply(errorReply('unavailable', lang)));
        return 'told';
      });
      return withErrorBoundary(
        log,
        () => handleMention(guarded, botUserId, context, log, turn),
        () => replyToMessage(guarded, renderInternalError(lang)),
      );
    });
  }

  /** Every shard connected: discord.js's own isReady() stays true while a shard reconnects. */
  function gatewayReady(current: Client | undefined): boolean {
    if (!current?.isReady() || closedForGood) return false;
    const shards = [...current.ws.shards.values()];
    return shards.length > 0 && shards.every((shard) => shard.status === Status.Ready);
  }

  function createClient(shards: Pick<ClientOptions, 'shards' | 'shardCount'>): Client {
    const created = new Client({
      ...shards,
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
      // DM channels are not cached before their first message; without this partial, DMs would be dropped.
      partials: [Partials.Channel],
      allowedMentions: { parse: [], repliedUser: false },
      rest: config.restApi ? { api: config.restApi } : {},
    });
    created.on(Events.InteractionCreate, (interaction) => void onInteraction(interaction));
    created.on(Events.MessageCreate, (message) => {
      if (created.user) void onMessage(message, created.user.id);
    });
    created.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
    created.on(Events.Warn, (warning) => logger.warn({ warning }, 'discord client warning'));
    created.on(Events.ShardError, (error, shard) => logger.warn({ err: error, shard }, 'gateway connection error; discord.js reconnects'));
    created.on(Events.ShardReconnecting, (shard) => {
      if (!stopping) logger.info({ shard }, 'gateway reconnecting');
    });
    created.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'gateway resumed'));
    created.on(Events.ShardDisconnect, (event, shard) => {
      closedForGood = true;
      logger.error(
        { shard, code: event.code },
        'gateway closed and will not reconnect; restart the bot (a 4004 code means the token was reset)',
      );
    });
    return created;
  }

  return {
    name: 'discord',

    async start() {
      let created: Client;
      try {
        created = createClient(await shardOptions(config));
      } catch (error) {
        logger.error({ err: error }, 'discord shard discovery failed');
        throw new AdapterStartError('discord', explainDiscordFailure(error, { restApi: config.restApi }));
      }
      client = created;
      closedForGood = false;
      stopping = false;
      const timeoutMs = options.startTimeoutMs ?? 60_000;
      const ready = new Promise<void>((resolve) => created.once(Events.ClientReady, () => resolve()));
      const connected = created.login(config.token).then(() => ready);
      connected.catch(() => {}); // raced below; a late rejection after a timeout is already handled
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new GatewayTimeoutError(timeoutMs)), timeoutMs);
      });
      try {
        await Promise.race([connected, timeout]);
      } catch (error) {
        logger.error({ err: error }, 'discord login failed');
        client = undefined;
        await created.destroy().catch(() => {});
        throw new AdapterStartError('discord', explainDiscordFailure(error, { restApi: config.restApi }));
      } finally {
        clearTimeout(timer);
      }
      logger.info(
        { bot: created.user?.tag, guilds: created.guilds.cache.size, shards: created.ws.shards.map((s) => s.id) },
        'discord connected',
      );
    },

    async stop() {
      stopping = true;
      const current = client;
      client = undefined;
      await current?.destroy();
    },

    isReady: () => gatewayReady(client),
  };
}
