import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { MESSAGES } from '../src/present/catalogue.js';

/** The 👍/👎 buttons under an answer. */
export const feedback = defineCommand({
  name: 'feedback',
  description: 'Rate an answer',
  descriptionAr: 'قيّم إجابة',
  access: 'member',
  hidden: true,
  anyChannel: true,
  args: z.object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,16}$/)
      .meta({ description: 'Answer id' }),
    vote: z.enum(['up', 'down']).meta({ description: 'up or down' }),
  }),
  async run({ bot, invocation, lang }, { id, vote }) {
    const recorded = await bot.feedback(id, invocation.user.id, invocation.platform, vote === 'up' ? 1 : -1);
    if (!recorded) throw new UserError('expired');
    return { kind: 'notice', lang, text: MESSAGES.feedbackThanks[lang], ephemeral: true };
  },
});
