import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { MESSAGES } from '../src/present/catalogue.js';

const channel = z
  .string()
  .regex(/^[0-9A-Za-z_:-]{1,64}$/)
  .optional()
  .meta({ description: 'The channel (default: this one)', descriptionAr: 'القناة (افتراضيًا: هذه القناة)', channel: true });

const TEXT = MESSAGES.channels;

/** Where members may ask, per server (Discord) or group (Telegram); persisted. */
export const channels = defineCommand({
  name: 'channels',
  description: 'Restrict the channels where I answer members',
  descriptionAr: 'حدّد القنوات التي أجيب فيها الأعضاء',
  access: 'moderator',
  args: z.discriminatedUnion('action', [
    z.object({ action: z.literal('allow'), channel }).meta({
      description: 'Answer in this channel (then only in allowed ones)',
      descriptionAr: 'أجب في هذه القناة (وعندها في المسموح بها فقط)',
    }),
    z
      .object({ action: z.literal('deny'), channel })
      .meta({ description: 'Do not answer members in this channel', descriptionAr: 'لا تجب الأعضاء في هذه القناة' }),
    z
      .object({ action: z.literal('clear'), channel })
      .meta({ description: "Remove this channel's rule", descriptionAr: 'احذف قاعدة هذه القناة' }),
    z.object({ action: z.literal('list') }).meta({ description: 'Show the channel rules', descriptionAr: 'اعرض قواعد القنوات' }),
  ]),
  async run({ bot, invocation, lang }, args) {
    const scope = invocation.chat.scopeId;
    if (!scope) throw new UserError('bad_arguments', TEXT.needScope[lang]);
    if (args.action === 'list') {
      const rules = await bot.channelRules(scope);
      const items = [...rules.allowed.map((id) => `✅ ${id}`), ...rules.denied.map((id) => `⛔ ${id}`)];
      const note = items.length === 0 ? TEXT.open[lang] : rules.allowed.length ? TEXT.onlyAllowed[lang] : TEXT.list[lang];
      return { kind: 'notice', lang, text: `${TEXT.list[lang]}. ${note}`, items, ephemeral: true };
    }
    const target = args.channel ?? invocation.chat.id;
    await bot.setChannelRule(scope, target, args.action === 'clear' ? null : args.action);
    return { kind: 'notice', lang, text: `${TEXT[args.action][lang]}: ${target}`, ephemeral: true };
  },
});
