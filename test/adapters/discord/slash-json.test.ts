import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { COMMANDS } from '../../../commands/index.js';
import { SLASH_LIMITS, type SlashOptionJson, slashCommandJson, slashCommands } from '../../../src/adapters/discord/slash-json.js';
import { commandsFor, defineCommand } from '../../../src/core/command.js';

const OPTION_NAME = /^[-_\p{Ll}\p{N}]{1,32}$/u;

function expectValidOptions(options: readonly SlashOptionJson[], where: string): void {
  expect(options.length, where).toBeLessThanOrEqual(SLASH_LIMITS.options);
  const required = options.map((o) => o.required ?? false);
  expect(required, `${where}: required options come first`).toEqual([...required].sort((a, b) => Number(b) - Number(a)));
  for (const option of options) {
    const at = `${where} ${option.name}`;
    expect(option.name, at).toMatch(OPTION_NAME);
    expect(option.description.length, at).toBeGreaterThanOrEqual(1);
    expect(option.description.length, at).toBeLessThanOrEqual(SLASH_LIMITS.description);
    expect(option.choices?.length ?? 0, at).toBeLessThanOrEqual(SLASH_LIMITS.choices);
    expect(option.choices && option.autocomplete, `${at}: choices and autocomplete exclude each other`).toBeFalsy();
    if (option.max_length !== undefined) expect(option.max_length, at).toBeLessThanOrEqual(SLASH_LIMITS.stringLength);
    if (option.type === ApplicationCommandOptionType.Subcommand) expectValidOptions(option.options ?? [], at);
  }
}

describe('the contract between commands/ and Discord', () => {
  const offered = slashCommands(COMMANDS);

  it('offers every command a Discord member can type, and none reached only by buttons', () => {
    const expected = commandsFor('discord', COMMANDS)
      .filter((c) => !c.hidden)
      .map((c) => c.name);
    expect(offered.map((c) => c.name)).toEqual(expected);
    expect(expected).toEqual(expect.arrayContaining(['ask', 'source', 'help', 'reload', 'stats', 'channels', 'synonym']));
    expect(offered.map((c) => c.name)).not.toContain('more');
    expect(offered.map((c) => c.name)).not.toContain('feedback');
    expect(offered.map((c) => c.name)).not.toContain('start'); // Telegram and console only
  });

  it.each(offered.map((c) => [c.name, c] as const))('maps /%s to valid application-command JSON', (name, json) => {
    expect(json.name).toMatch(SLASH_LIMITS.name);
    expect(json.description.length).toBeGreaterThanOrEqual(1);
    expect(json.description.length).toBeLessThanOrEqual(SLASH_LIMITS.description);
    expectValidOptions(json.options, name);
    const subcommands = json.options.filter((o) => o.type === ApplicationCommandOptionType.Subcommand);
    expect(subcommands.length === 0 || subcommands.length === json.options.length, 'subcommands are not mixed with options').toBe(true);
  });

  it('hides moderator commands behind ManageGuild and offers them in servers only', () => {
    const byName = new Map(offered.map((c) => [c.name, c]));
    for (const name of ['reload', 'stats', 'channels', 'synonym']) {
      expect(byName.get(name)?.default_member_permissions).toBe(PermissionFlagsBits.ManageGuild.toString());
      expect(byName.get(name)?.contexts).toEqual([0]);
    }
    expect(byName.get('ask')?.default_member_permissions).toBeNull();
    expect(byName.get('ask')?.contexts).toEqual([0, 1]); // servers and DMs with the bot
  });

  it('turns /ask question into a required string option and /source article into an autocompleted one', () => {
    const byName = new Map(offered.map((c) => [c.name, c]));
    expect(byName.get('ask')?.options).toEqual([
      {
        type: ApplicationCommandOptionType.String,
        name: 'question',
        description: 'Your question, in Arabic or English',
        required: true,
        max_length: 4096,
      },
    ]);
    expect(byName.get('source')?.options[0]).toMatchObject({ name: 'article', required: false, autocomplete: true });
  });

  it('turns a discriminated union into subcommands, and a channel field into a channel option', () => {
    const channels = offered.find((c) => c.name === 'channels')!;
    expect(channels.options.map((o) => o.name)).toEqual(['allow', 'deny', 'clear', 'list']);
    expect(channels.options[0]!.options?.[0]).toMatchObject({
      name: 'channel',
      type: ApplicationCommandOptionType.Channel,
      required: false,
    });
  });

  it('refuses a command Discord could not take, naming the command and the fix', () => {
    const tooMany = defineCommand({
      name: 'pick',
      description: 'Pick one',
      descriptionAr: 'اختر',
      access: 'member',
      args: z.object({
        choice: z.enum(Array.from({ length: 26 }, (_, i) => `c${i}`) as [string, ...string[]]).meta({ description: 'One of them' }),
      }),
      run: ({ lang }) => ({ kind: 'notice', lang, text: 'ok' }),
    });
    expect(() => slashCommandJson(tooMany)).toThrow(/Command "pick" .*26 choices .*commands\//);
  });
});
