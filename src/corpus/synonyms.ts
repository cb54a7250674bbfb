import type { CorpusProblem, SynonymGroup } from './types.js';

export const SYNONYMS_FILE = 'synonyms.txt';

/** Separates the expressions of one group: "داعش = تنظيم الدولة الإسلامية = ISIS". */
const SEPARATOR = /\s*=\s*/;
const MAX_EXPRESSION_LENGTH = 80;

/**
 * Parses the synonyms file: one group per line, expressions separated by "=",
 * "#" starts a comment. Every expression of a group is expanded to the others.
 */
export function parseSynonyms(text: string, file = SYNONYMS_FILE): { groups: SynonymGroup[]; problems: CorpusProblem[] } {
  const groups: SynonymGroup[] = [];
  const problems: CorpusProblem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    const where = `line ${index + 1}`;
    const expressions = [
      ...new Set(
        line
          .split(SEPARATOR)
          .map((e) => e.trim())
          .filter(Boolean),
      ),
    ];
    if (expressions.length < 2) {
      problems.push({
        severity: 'error',
        file,
        where,
        message: `"${line}" has only one expression`,
        fix: 'write two or more equivalent expressions separated by "=", e.g. "داعش = تنظيم الدولة الإسلامية"',
      });
      return;
    }
    const tooLong = expressions.find((e) => e.length > MAX_EXPRESSION_LENGTH);
    if (tooLong) {
      problems.push({
        severity: 'error',
        file,
        where,
        message: `an expression is longer than ${MAX_EXPRESSION_LENGTH} characters`,
        fix: 'keep each expression to a word or a short name; split long lines into several groups',
      });
      return;
    }
    groups.push(expressions);
  });
  return { groups, problems };
}
