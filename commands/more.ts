import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';

/** The "more sources" button: the next passages of an earlier answer. */
export const more = defineCommand({
  name: 'more',
  description: 'More sources for an earlier answer',
  descriptionAr: 'مصادر أخرى لإجابة سابقة',
  access: 'member',
  hidden: true,
  rateLimited: true,
  args: z.object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,16}$/)
      .meta({ description: 'Answer id' }),
    page: z.coerce.number().int().min(1).max(20).default(1).meta({ description: 'Page' }),
  }),
  async run({ bot }, { id, page }) {
    const result = await bot.more(id, page);
    if (!result) throw new UserError('expired');
    return { kind: 'answer', answer: result.answer, answerId: id, page, hasMore: result.hasMore };
  },
});
