import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';

/** Rebuilds the index from corpus/ beside the serving one; swaps only on success. */
export const reload = defineCommand({
  name: 'reload',
  description: 'Reload the articles and synonyms from the corpus directory',
  descriptionAr: 'أعد تحميل المقالات والمرادفات من مجلد المدونة',
  access: 'moderator',
  slow: true,
  args: z.object({}),
  async run({ bot, lang, logger, invocation }) {
    const report = await bot.reloadEverywhere();
    logger.info({ by: invocation.user.id, swapped: report.swapped, ...report.after, problems: report.problems.length }, 'reload requested');
    return { kind: 'reload', lang, report };
  },
});
