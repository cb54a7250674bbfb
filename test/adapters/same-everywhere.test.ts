import { describe, expect, it } from 'vitest';
import { COMMANDS, helpEntries } from '../../commands/index.js';
import { renderConsoleReply } from '../../src/adapters/console/render.js';
import { renderReply as renderDiscord } from '../../src/adapters/discord/render.js';
import { renderReply as renderTelegram } from '../../src/adapters/telegram/render.js';
import { commandsFor } from '../../src/core/command.js';
import type { ReloadReport } from '../../src/core/reload-report.js';
import { errorReply, type Lang, type Reply } from '../../src/core/reply.js';
import type { StatsSnapshot } from '../../src/core/stats.js';
import { citationFacts, helpLines, MESSAGES, reloadLines, statsFields } from '../../src/present/index.js';
import { STUB_PASSAGE } from '../support/stub-bot.js';

/**
 * /stats, /help, /reload and errors read the same on every platform, in
 * both languages: each renderer shows every label and line that src/present
 * gives, whatever markup it wraps them in.
 */

const INVISIBLE = /[\u200E\u200F\u2066-\u2069]/g;

const visible = {
  telegram: (reply: Reply) =>
    renderTelegram(reply)
      .map((m) =>
        m.text
          .replace(/<[^>]+>/g, '')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&amp;/g, '&'),
      )
      .join('\n')
      .replace(INVISIBLE, ''),
  discord: (reply: Reply) => {
    const m = renderDiscord(reply);
    const parts = [
      m.content ?? '',
      ...m.embeds.flatMap((e) => [
        e.title ?? '',
        e.description ?? '',
        e.footer?.text ?? '',
        ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
      ]),
    ];
    return parts
      .join('\n')
      .replace(/\*\*|__|`/g, '')
      .replace(/\\(.)/g, '$1')
      .replace(INVISIBLE, '');
  },
  console: (reply: Reply) =>
    renderConsoleReply(reply, { color: true })
      .replace(/\u001B\[[0-9;]*m/g, '')
      .replace(INVISIBLE, ''),
};

const STATS: StatsSnapshot = {
  sinceStart: { answered: 12, not_found: 3, rejected: 1 },
  last24h: { answered: 4, not_found: 1, rejected: 0 },
  topMissing: [{ question: 'من هو رئيس التحالف؟', count: 2 }],
  feedback: { up: 5, down: 1 },
  index: { articles: 5, passages: 70, terms: 749, synonymGroups: 136, builtAt: '2026-11-30T10:00:00.000Z' },
  startedAt: '2026-11-30T09:00:00.000Z',
  uptimeSeconds: 3600,
};
const RELOAD: ReloadReport = {
  swapped: true,
  before: { articles: 5, passages: 70, synonymGroups: 136 },
  after: { articles: 6, passages: 80, synonymGroups: 136 },
  problems: [],
  ms: 120,
};

describe.each(['ar', 'en'] as const)('in %s, every platform says the same', (lang: Lang) => {
  it.each(Object.keys(visible) as (keyof typeof visible)[])('%s: /stats shows every label and value', (platform) => {
    const shown = visible[platform]({ kind: 'stats', lang, stats: STATS });
    expect(shown).toContain(MESSAGES.stats[lang]);
    for (const field of statsFields(STATS, lang)) {
      expect(shown).toContain(field.label);
      expect(shown).toContain(field.value);
    }
    expect(shown).toContain(MESSAGES.missing[lang]);
    expect(shown).toContain('2× من هو رئيس التحالف؟');
  });

  it.each(Object.keys(visible) as (keyof typeof visible)[])(
    "%s: /help lists each command with its description in the asker's language",
    (platform) => {
      const commands = helpEntries(commandsFor(platform, COMMANDS), true);
      const shown = visible[platform]({ kind: 'help', lang, commands });
      expect(shown).toContain(MESSAGES.commands[lang]);
      for (const line of helpLines(commands, lang)) {
        for (const usage of line.usage) expect(shown).toContain(usage);
        expect(shown).toContain(line.description);
      }
      expect(shown).toContain(MESSAGES.moderatorsOnly[lang]);
    },
  );

  it.each(Object.keys(visible) as (keyof typeof visible)[])('%s: /reload and errors', (platform) => {
    const reload = visible[platform]({ kind: 'reload', lang, report: RELOAD });
    expect(reload).toContain(MESSAGES.reload[lang]);
    expect(reload).toContain(reloadLines(RELOAD, lang)[0]);
    expect(visible[platform](errorReply('rate_limited', lang))).toContain(MESSAGES.errors.rate_limited[lang].replace(INVISIBLE, ''));
  });

  it.each(Object.keys(visible) as (keyof typeof visible)[])(
    '%s: a quote names the speaker its paragraph goes on with, and the other citation facts',
    (platform) => {
      // a speaker as the corpus writes it, with a mention and markup a renderer must not act on
      const passage = { ...STUB_PASSAGE, speaker: 'وزير الخارجية الأمريكي ريكس تريلسون @everyone <b>' };
      const answer = { question: 'شو قال تيلرسون؟', status: 'answered' as const, lang, passages: [passage], more: [] };
      const shown = visible[platform]({ kind: 'answer', answer, page: 0, hasMore: false });
      for (const fact of citationFacts(passage, lang)) expect(shown).toContain(fact.replace(INVISIBLE, ''));
      expect(shown).toContain(`${MESSAGES.speaker[lang]} وزير الخارجية الأمريكي ريكس تريلسون`);
    },
  );

  it("the console's /help also lists /more and /quit, which it reads itself", () => {
    const shown = visible.console({ kind: 'help', lang, commands: helpEntries(commandsFor('console', COMMANDS), false) });
    for (const own of MESSAGES.consoleCommands) {
      expect(shown).toContain(own.usage);
      expect(shown).toContain(own.description[lang]);
    }
  });
});

describe('the catalogue', () => {
  /** Every { ar, en } pair in the catalogue, with its path. */
  function pairs(node: unknown, path: string[] = []): [string, unknown, unknown][] {
    if (!node || typeof node !== 'object') return [];
    if ('ar' in node && 'en' in node) return [[path.join('.'), node.ar, node.en]];
    return Object.entries(node).flatMap(([key, child]) => pairs(child, [...path, key]));
  }

  it('has every sentence in Arabic and in English, each in its own script', () => {
    const all = pairs(MESSAGES);
    expect(all.length).toBeGreaterThan(50);
    for (const [path, ar, en] of all) {
      const sample = (text: unknown) => (typeof text === 'function' ? String(text(1, 2)) : String(text));
      expect(sample(ar), path).toMatch(/\p{Script=Arabic}/u);
      expect(typeof ar, path).toBe(typeof en);
      expect(sample(en), path).toMatch(/[A-Za-z]/);
    }
  });
});
