import { describe, expect, it } from 'vitest';
import type { SynonymEntry } from '../../src/corpus/index.js';
import { SynonymTable } from '../../src/search/synonym-table.js';
import { createAnalyzer } from '../../src/text/index.js';

const analyzer = createAnalyzer();
const entries: SynonymEntry[] = [['داعش', 'تنظيم الدولة'], { from: 'وزير الخارجية الأمريكي', to: ['تيلرسون', 'بومبيو'] }];
const table = new SynonymTable(entries, analyzer);

/** The expressions a question's words starting at its first are expanded to. */
const expansions = (question: string) =>
  table.matchesAt(analyzer.terms(question), 0).flatMap(({ group }) => group.map((expression) => expression.text));

describe('SynonymTable', () => {
  it.each([
    ['a group from its first expression', 'داعش', ['داعش', 'تنظيم الدولة']],
    ['a group from another of its expressions', 'تنظيم الدولة', ['داعش', 'تنظيم الدولة']],
    [
      'a one-way entry from its first expression, spelled another way',
      'وزير الخارجيه الامريكى',
      ['وزير الخارجية الأمريكي', 'تيلرسون', 'بومبيو'],
    ],
    ['no one-way entry from one of the expressions it leads to', 'تيلرسون', []],
    ['no one-way entry from the other', 'بومبيو', []],
  ])('expands %s', (_what, question, expected) => {
    expect(expansions(question)).toEqual(expected);
  });
});
