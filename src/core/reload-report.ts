import type { CorpusProblem } from '../corpus/index.js';
import { reloadLines } from '../present/lines.js';
import type { CorpusChanges } from './corpus-difference.js';

export interface CorpusSize {
  articles: number;
  passages: number;
  synonymGroups: number;
}

/**
 * Outcome of a reload. When `swapped` is false the previous index is still
 * serving and `problems` says why.
 */
export interface ReloadReport {
  swapped: boolean;
  before: CorpusSize;
  after: CorpusSize;
  problems: CorpusProblem[];
  ms: number;
  /** the articles added, changed and removed, when the reload read only the files that changed */
  changes?: CorpusChanges;
}

/** { added: 1, changed: 2, removed: 0 } */
export function countChanges(changes: CorpusChanges): { added: number; changed: number; removed: number } {
  return { added: changes.added.length, changed: changes.changed.length, removed: changes.removed.length };
}

/** The report in English, for the log ("Reloaded: 5 → 6 articles, 80 passages (120 ms)." or why not). */
export function describeReload(report: ReloadReport): string {
  return reloadLines(report, 'en').join('\n');
}
