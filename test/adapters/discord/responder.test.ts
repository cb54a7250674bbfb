import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderReply } from '../../../src/adapters/discord/render.js';
import { createResponder, type RespondableInteraction, withinDeadline } from '../../../src/adapters/discord/responder.js';
import { errorReply } from '../../../src/core/reply.js';
import { MESSAGES } from '../../../src/present/catalogue.js';

const EPHEMERAL = 64;

/** Records the calls a discord.js interaction would turn into HTTP requests. */
function fakeInteraction(): RespondableInteraction & { calls: { method: string; options?: any }[] } {
  const calls: { method: string; options?: any }[] = [];
  const record = (method: string) => async (options?: unknown) => {
    calls.push({ method, options });
  };
  return {
    calls,
    deferReply: record('deferReply'),
    reply: record('reply'),
    editReply: record('editReply'),
    deleteReply: record('deleteReply'),
    followUp: record('followUp'),
  };
}

const publicNotice = renderReply({ kind: 'notice', lang: 'ar', text: MESSAGES.noMore.ar });
const ephemeralError = renderReply(errorReply('rate_limited', 'ar'));

describe('sending a reply to an interaction', () => {
  it('replies directly when nothing was sent yet, ephemeral when the reply is', async () => {
    const interaction = fakeInteraction();
    await createResponder(interaction).send(ephemeralError);
    expect(interaction.calls).toEqual([
      {
        method: 'reply',
        options: expect.objectContaining({ flags: EPHEMERAL, content: ephemeralError.content, allowedMentions: { parse: [] } }),
      },
    ]);
  });

  it('edits a public deferral into a public reply', async () => {
    const interaction = fakeInteraction();
    const responder = createResponder(interaction);
    await responder.defer();
    await responder.send(publicNotice);
    expect(interaction.calls.map((c) => c.method)).toEqual(['deferReply', 'editReply']);
    expect(interaction.calls[0]!.options).toEqual({});
    expect(interaction.calls[1]!.options).toEqual({
      content: publicNotice.content,
      embeds: [],
      components: [],
      allowedMentions: { parse: [] },
    });
  });

  it('deletes a public deferral and follows up privately when the reply is ephemeral', async () => {
    const interaction = fakeInteraction();
    const responder = createResponder(interaction);
    await responder.defer();
    await responder.send(ephemeralError);
    expect(interaction.calls.map((c) => c.method)).toEqual(['deferReply', 'deleteReply', 'followUp']);
    expect(interaction.calls[2]!.options.flags).toBe(EPHEMERAL);
  });

  it("follows up once the interaction is answered (the error boundary's apology)", async () => {
    const interaction = fakeInteraction();
    const responder = createResponder(interaction);
    await responder.send(publicNotice);
    await responder.send(ephemeralError);
    expect(interaction.calls.map((c) => [c.method, c.options.flags])).toEqual([
      ['reply', undefined],
      ['followUp', EPHEMERAL],
    ]);
  });
});

describe('telling the asker to ask again at shutdown', () => {
  const restarting = renderReply(errorReply('unavailable', 'ar'));

  it('replies privately when nothing was sent yet, and sends no answer after that', async () => {
    const interaction = fakeInteraction();
    const turn = { interrupted: false, onInterrupt: () => {} };
    const responder = createResponder(interaction, turn);
    expect(await responder.interrupt(restarting)).toBe('told');
    turn.interrupted = true;
    await responder.send(publicNotice);
    expect(interaction.calls.map((c) => [c.method, c.options.flags])).toEqual([['reply', EPHEMERAL]]);
  });

  it('turns a public "thinking…" into the notice with one edit', async () => {
    const interaction = fakeInteraction();
    const responder = createResponder(interaction);
    await responder.defer();
    expect(await responder.interrupt(restarting)).toBe('told');
    expect(interaction.calls.map((c) => c.method)).toEqual(['deferReply', 'editReply']);
    expect(interaction.calls[1]!.options.content).toBe(restarting.content);
  });

  it('lets an answer already on its way arrive instead of contradicting it', async () => {
    const interaction = fakeInteraction();
    const responder = createResponder(interaction);
    const sending = responder.send(publicNotice);
    expect(await responder.interrupt(restarting)).toBe('answered');
    await sending;
    expect(interaction.calls.map((c) => c.method)).toEqual(['reply']);
  });
});

describe("keeping within Discord's three seconds", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const later = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

  it('does not defer work that finishes in time', async () => {
    const interaction = fakeInteraction();
    const result = withinDeadline(later(1999, 'done'), 2000, createResponder(interaction));
    await vi.advanceTimersByTimeAsync(1999);
    await expect(result).resolves.toBe('done');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(interaction.calls).toEqual([]);
  });

  it('defers work that runs late, at the deadline and before it finishes', async () => {
    const interaction = fakeInteraction();
    const responder = createResponder(interaction);
    let finished = false;
    const result = withinDeadline(later(5000, 'done'), 2000, responder).finally(() => {
      finished = true;
    });
    await vi.advanceTimersByTimeAsync(1999);
    expect(interaction.calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(interaction.calls.map((c) => c.method)).toEqual(['deferReply']);
    expect(finished).toBe(false);
    await vi.advanceTimersByTimeAsync(3000);
    await expect(result).resolves.toBe('done');
    await responder.send(publicNotice);
    expect(interaction.calls.map((c) => c.method)).toEqual(['deferReply', 'editReply']);
  });

  it('reports a failed deferral instead of swallowing it', async () => {
    const interaction = fakeInteraction();
    interaction.deferReply = async () => {
      throw new Error('Unknown interaction');
    };
    const result = withinDeadline(later(5000, 'done'), 2000, createResponder(interaction));
    const outcome = expect(result).rejects.toThrow('Unknown interaction');
    await vi.advanceTimersByTimeAsync(5000);
    await outcome;
  });
});
