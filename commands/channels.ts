import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';

const channel = z
  .string()
  .regex(/^[0-9A-Za-z_:-]{1,64}$/)
  .optional()
  .meta({ description: 'The channel (default: this one)', descriptionAr: 'القناة (افتراضيًا: هذه القناة)', channel: true });

const TEXT = {
  allow: { en: 'I will answer in this channel', ar: 'سأجيب في هذه القناة' },
  deny: { en: 'I will not answer members in this channel', ar: 'لن أجيب الأعضاء في هذه القناة' },
  clear: { en: 'This channel follows the server default again', ar: 'عادت هذه القناة إلى الإعداد الافتراضي' },
  list: { en: 'Channel rules in this server', ar: 'قواعد القنوات في هذا الخادم' },
  open: { en: 'No rules: I answer in every channel.', ar: 'لا قواعد: أجيب في كل القنوات.' },
  onlyAllowed: { en: 'When any channel is allowed, I answer only in allowed channels.', ar: 'عند السماح بأي قناة، أجيب في القنوات المسموح بها فقط.' },
} as const;

/** Where members may ask, per server (Discord) or group (Telegram); persisted. */
export const channels = defineCommand({
  name: 'channels',
  description: 'Restrict the channels where I answer members',
  descriptionAr: 'حدّد القنوات التي أجيب فيها الأعضاء',
  access: 'moderator',
  args: z.discriminatedUnion('action', [
    z.object({ action: z.literal('allow'), channel }).meta({ description: 'Answer in this channel (then only in allowed ones)', descriptionAr: 'أجب في هذه القناة (وعندها في المسموح بها فقط)' }),
    z.object({ action: z.literal('deny'), channel }).meta({ description: 'Do not answer members in this channel', descriptionAr: 'لا تجب الأعضاء في هذه القناة' }),
    z.object({ action: z.literal('clear'), channel }).meta({ description: 'Remove this channel\'s rule', descriptionAr: 'احذف قاعدة هذه القناة' }),
    z.object({ action: z.literal('list') }).meta({ description: 'Show the channel rules', descriptionAr: 'اعرض قواعد القنوات' }),
  ]),
  async run({ bot, invocation, lang }, args) {
    const scope = invocation.chat.scopeId;
    if (!scope) throw new UserError('bad_arguments', lang === 'ar' ? 'هذا الأمر يعمل داخل خادم أو مجموعة' : 'this works inside a server or group');
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
