import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.js';
import { COMMAND_NAME, commandMenus, DESCRIPTION_MAX } from '../../../src/adapters/telegram/menus.js';

const MEMBER_COMMANDS = ['ask', 'source', 'help', 'start'];
const MODERATOR_COMMANDS = ['reload', 'stats', 'channels', 'synonym'];

describe('command menus', () => {
  const menus = commandMenus(COMMANDS, ['123456789', '-1001234', 'not-a-number']);
  const find = (scope: string, language?: 'ar') => menus.find((m) => m.scope.type === scope && m.language_code === language);
  const names = (scope: string, language?: 'ar') => find(scope, language)?.commands.map((c) => c.command);

  it('show members their commands by default, in English and, for Arabic users, in Arabic', () => {
    expect(names('default')).toEqual(MEMBER_COMMANDS);
    expect(find('default')?.commands[0]).toEqual({
      command: 'ask',
      description: 'Ask a question about the articles; the answer quotes and cites them',
    });
    expect(find('default', 'ar')?.commands[0]).toEqual({
      command: 'ask',
      description: 'اطرح سؤالًا عن المقالات، وستأتيك الإجابة مقتبسة منها مع مصدرها',
    });
  });

  it("add the moderator commands only for chat administrators and in the operators' private chats", () => {
    expect(names('all_chat_administrators')).toEqual([...MEMBER_COMMANDS, ...MODERATOR_COMMANDS]);
    expect(names('all_chat_administrators', 'ar')).toEqual([...MEMBER_COMMANDS, ...MODERATOR_COMMANDS]);
    const operatorMenus = menus.filter((m) => m.scope.type === 'chat');
    expect(operatorMenus.map((m) => [m.scope, m.language_code])).toEqual([
      [{ type: 'chat', chat_id: 123456789 }, undefined],
      [{ type: 'chat', chat_id: 123456789 }, 'ar'],
    ]);
  });

  it('never list the hidden button commands, nor commands of other platforms', () => {
    const listed = new Set(menus.flatMap((m) => m.commands.map((c) => c.command)));
    expect(listed.has('more')).toBe(false);
    expect(listed.has('feedback')).toBe(false);
    const discordOnly = { ...COMMANDS[0]!, name: 'invite', platforms: ['discord' as const] };
    expect(commandMenus([...COMMANDS, discordOnly], []).flatMap((m) => m.commands.map((c) => c.command))).not.toContain('invite');
  });

  it("keep within Telegram's rules for names and descriptions", () => {
    for (const menu of menus) {
      for (const { command, description } of menu.commands) {
        expect(command).toMatch(COMMAND_NAME);
        expect(description.length).toBeGreaterThan(0);
        expect(description.length).toBeLessThanOrEqual(DESCRIPTION_MAX);
      }
    }
  });
});
