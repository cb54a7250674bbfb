import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';

/**
 * Telegram's longest message: the platforms' input limit. A longer question is
 * clipped to it rather than refused by the schema, so that it reaches the core,
 * which answers "too long" in the asker's language (MAX_QUESTION_LENGTH is at
 * most 4,000) and counts it.
 */
const QUESTION_HARD_LIMIT = 4096;

export const ask = defineCommand({
  name: 'ask',
  description: 'Ask a question about the articles; the answer quotes and cites them',
  descriptionAr: 'اطرح سؤالًا عن المقالات، وستأتيك الإجابة مقتبسة منها مع مصدرها',
  access: 'member',
  rateLimited: true,
  freeText: 'question',
  args: z.object({
    question: z
      .string()
      .overwrite((q) => q.slice(0, QUESTION_HARD_LIMIT))
      .max(QUESTION_HARD_LIMIT)
      .meta({ description: 'Your question, in Arabic or English', descriptionAr: 'سؤالك بالعربية أو الإنجليزية' }),
  }),
  async run({ bot, invocation }, { question }) {
    const { answer, answerId } = await bot.ask(question, invocation.platform, { record: !invocation.preview });
    return { kind: 'answer', answer, answerId, page: 0, hasMore: bot.hasMore(answer) };
  },
});
