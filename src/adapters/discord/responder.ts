import { MessageFlags } from 'discord.js';
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
  /** Sends the reply in whatever way the interaction's state allows. */
  send(message: DiscordMessage): Promise<void>;
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
 * ephemeral message: the channel is left with no trace of it.
 */
export function createResponder(interaction: RespondableInteraction): Responder {
  let state: 'open' | 'deferred' | 'answered' = 'open';
  return {
    async defer() {
      if (state !== 'open') return;
      await interaction.deferReply({});
      state = 'deferred';
    },
    async send(message) {
      const flags = message.ephemeral ? MessageFlags.Ephemeral : undefined;
      const previous = state;
      state = 'answered';
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
