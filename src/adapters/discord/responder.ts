import { MessageFlags } from 'discord.js';
import type { Turn } from '../../core/in-flight.js';
import type { DiscordMessage } from './render.js';

type Body = Pick<DiscordMessage, 'content' | 'embeds' | 'components' | 'allowedMentions'>;

/** The response calls of a discord.js command or button interaction. */
export interface RespondableInteraction {
  deferReply(options: { flags?: MessageFlags.Ephemeral }): Promise<unknown>;
  reply(options: Body & { flags?: MessageFlags.Ephemeral }): Promise<unknown>;
  editReply(options: Body): Promise<unknown>;
  deleteReply(): Promise<unknown>;
  followUp(options: Body & { flags?: MessageFlags.Ephemeral }): Promise<unknown>;
}

export interface Responder {
  /** Acknowledges publicly ("thinking…"); the reply comes within 15 minutes. */
  defer(): Promise<void>;
  /** Sends the reply in whatever way the interaction's state allows; nothing once shutdown has told the asker to ask again. */
  send(message: DiscordMessage): Promise<void>;
  /**
   * Shutdown could not wait for the answer: says `message` instead ("restarting,
   * ask again") in one call, unless the answer is already on its way.
   */
  interrupt(message: DiscordMessage): Promise<'told' | 'answered'>;
}

function body(message: DiscordMessage): Body {
  return { content: message.content, embeds: message.embeds, components: message.components, allowedMentions: message.allowedMentions };
}

/**
 * Keeps track of what Discord has been told. An ephemeral reply after a
 * public deferral (a rejected question, a rate-limit notice) cannot become
 * ephemeral by editing: Discord keeps the deferral's visibility, and a
 * follow-up sent right after a deferral edits it too. So the public
 * "thinking…" is deleted first and the explanation follows as a new,
 * ephemeral message: the channel is left with no trace of it. Commands that
 * answer within the deadline never defer, so this costs three calls only for
 * slow work that ends in an ephemeral reply.
 */
export function createResponder(interaction: RespondableInteraction, turn?: Turn): Responder {
  let state: 'open' | 'deferred' | 'answered' = 'open';
  let deferring: Promise<unknown> | undefined;
  let sending: Promise<void> | undefined;

  async function deliver(message: DiscordMessage, previous: typeof state): Promise<void> {
    const flags = message.ephemeral ? MessageFlags.Ephemeral : undefined;
    if (previous === 'open') {
      await interaction.reply({ ...body(message), flags });
    } else if (previous === 'deferred' && !message.ephemeral) {
      await interaction.editReply(body(message));
    } else if (previous === 'deferred') {
      await interaction.deleteReply();
      await interaction.followUp({ ...body(message), flags });
    } else {
      await interaction.followUp({ ...body(message), flags });
    }
  }

  return {
    async defer() {
      if (state !== 'open' || turn?.interrupted) return;
      state = 'deferred';
      deferring = interaction.deferReply({});
      try {
        await deferring;
      } catch (error) {
        state = 'open';
        throw error;
      }
    },
    async send(message) {
      if (turn?.interrupted) return;
      const previous = state;
      state = 'answered';
      sending = deliver(message, previous);
      await sending;
    },
    async interrupt(message) {
      // the answer is already on its way: let it arrive rather than contradict it
      if (sending) return sending.then(() => 'answered' as const);
      const previous = state;
      state = 'answered';
      if (deferring) await deferring.catch(() => {});
      // a public "thinking…" becomes the notice; otherwise a private note
      await deliver(previous === 'deferred' ? { ...message, ephemeral: false } : message, previous);
      return 'told';
    },
  };
}

/**
 * Waits for `work`; if it takes longer than `ms`, defers meanwhile so the
 * interaction does not expire (Discord wants an answer within 3 seconds).
 */
export async function withinDeadline<T>(work: Promise<T>, ms: number, responder: Responder): Promise<T> {
  let deferring: Promise<void> | undefined;
  const timer = setTimeout(() => {
    deferring = responder.defer();
    deferring.catch(() => {}); // awaited below; this only keeps it from being reported as unhandled meanwhile
  }, ms);
  try {
    return await work;
  } finally {
    clearTimeout(timer);
    if (deferring) await deferring;
  }
}
