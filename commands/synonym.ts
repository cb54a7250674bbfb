import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { MESSAGES } from '../src/present/catalogue.js';

const SEPARATOR = /\s*=\s*/;

const TEXT = MESSAGES.synonym;

/** Moderators teach the bot equivalent expressions without a redeploy; persisted. */
export const synonym = defineCommand({
  name: 'synonym',
  description: 'Teach me expressions that mean the same (used to find passages)',
  descriptionAr: 'علّمني تعابير بالمعنى نفسه (تُستخدم في البحث)',
  access: 'moderator',
  args: z.discriminatedUnion('action', [
    z
      .object({
        action: z.literal('add'),
        expressions: z.string().min(3).max(300).meta({
          description: 'Expressions separated by "=", e.g. داعش = تنظيم الدولة',
          descriptionAr: 'تعابير بينها "="، مثل: داعش = تنظيم الدولة',
        }),
      })
      .meta({ description: 'Add a group of equivalent expressions', descriptionAr: 'أضف مجموعة تعابير مترادفة' }),
    z
      .object({
        action: z.literal('remove'),
        group: z
          .string()
          .min(1)
          .max(100)
          .meta({ description: 'Group number (from list) or one of its expressions', descriptionAr: 'رقم المجموعة أو أحد تعابيرها' }),
      })
      .meta({ description: 'Remove a group', descriptionAr: 'احذف مجموعة' }),
    z
      .object({ action: z.literal('list') })
      .meta({ description: 'List the groups moderators added', descriptionAr: 'اعرض المجموعات التي أضافها المشرفون' }),
  ]),
  async run({ bot, invocation, lang }, args) {
    if (args.action === 'list') {
      const items = (await bot.listSynonyms()).map((g) => `${g.id}. ${g.expressions.join(' = ')}`);
      return { kind: 'notice', lang, text: TEXT.list[lang], items, ephemeral: true };
    }
    if (args.action === 'remove') {
      const removed = await bot.removeSynonym(args.group);
      return { kind: 'notice', lang, text: removed ? `${TEXT.removed[lang]}: ${removed}` : TEXT.none[lang], ephemeral: true };
    }
    const expressions = [
      ...new Set(
        args.expressions
          .split(SEPARATOR)
          .map((e) => e.trim())
          .filter(Boolean),
      ),
    ];
    if (expressions.length < 2 || expressions.some((e) => e.length > 80)) throw new UserError('bad_arguments', TEXT.needTwo[lang]);
    const group = await bot.addSynonym(expressions, `${invocation.platform}:${invocation.user.id}`);
    return { kind: 'notice', lang, text: `${TEXT.added[lang]} (${group.id})`, items: [group.expressions.join(' = ')], ephemeral: true };
  },
});
