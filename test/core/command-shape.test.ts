import { describe, expect, it } from 'vitest';
import { ask, COMMANDS, channels, source, synonym } from '../../commands/index.js';
import { commandShape, parseTextArguments, usageLines } from '../../src/core/command-shape.js';

describe('commandShape', () => {
  it('derives options from a zod object, with descriptions in both languages', () => {
    expect(commandShape(ask)).toEqual({
      options: [
        expect.objectContaining({
          name: 'question',
          type: 'string',
          required: true,
          maxLength: 4096,
          description: expect.any(String),
          descriptionAr: expect.any(String),
        }),
      ],
    });
  });

  it('marks autocomplete and optional options', () => {
    expect(commandShape(source).options).toEqual([expect.objectContaining({ name: 'article', required: false, autocomplete: true })]);
  });

  it('derives subcommands from a discriminated union on action', () => {
    const shape = commandShape(synonym);
    expect(shape.subcommands?.map((s) => s.name)).toEqual(['add', 'remove', 'list']);
    expect(shape.subcommands?.[0]?.options).toEqual([expect.objectContaining({ name: 'expressions', required: true })]);
    expect(commandShape(channels).subcommands?.[0]?.options[0]).toMatchObject({ name: 'channel', channel: true, required: false });
  });

  it('gives every declared command a shape', () => {
    for (const command of COMMANDS) expect(() => commandShape(command)).not.toThrow();
  });
});

describe('parseTextArguments', () => {
  it('gives the whole rest of the line to a single string option, spaces and all', () => {
    expect(parseTextArguments(ask, '  متى عقد   الاجتماع؟ ')).toEqual({ question: 'متى عقد   الاجتماع؟' });
  });

  it('reads the first word as the subcommand', () => {
    expect(parseTextArguments(synonym, 'add داعش = تنظيم الدولة')).toEqual({ action: 'add', expressions: 'داعش = تنظيم الدولة' });
    expect(parseTextArguments(synonym, 'LIST')).toEqual({ action: 'list' });
  });

  it('leaves out an option that was not given', () => {
    expect(parseTextArguments(source, '')).toEqual({});
  });
});

describe('usageLines', () => {
  it('shows required and optional arguments', () => {
    expect(usageLines(ask)).toEqual(['/ask <question>']);
    expect(usageLines(source)).toEqual(['/source [article]']);
    expect(usageLines(synonym)).toContain('/synonym add <expressions>');
  });
});
