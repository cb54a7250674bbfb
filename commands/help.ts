import { z } from 'zod';
import { type CommandSpec, commandsFor, defineCommand } from '../src/core/command.js';
import { usageLines } from '../src/core/command-shape.js';
import type { HelpEntry } from '../src/core/reply.js';

export function helpEntries(commands: readonly CommandSpec[], isModerator: boolean): HelpEntry[] {
  return commands
    .filter((c) => !c.hidden && (c.access === 'member' || isModerator))
    .map((c) => ({
      name: c.name,
      usage: usageLines(c).join('\n'),
      description: c.description,
      descriptionAr: c.descriptionAr,
      moderator: c.access === 'moderator',
    }));
}

/** Generated from the command list; moderators also see moderator commands. */
export const help = defineCommand({
  name: 'help',
  description: 'What I can do and how to ask',
  descriptionAr: 'ما الذي أستطيع فعله وكيف تسألني',
  access: 'member',
  anyChannel: true,
  args: z.object({}),
  run({ commands, invocation, lang }) {
    return { kind: 'help', lang, commands: helpEntries(commandsFor(invocation.platform, commands), invocation.user.isModerator) };
  },
});
