import { formatProblem, type CorpusProblem } from '../corpus/index.js';
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

const SHOWN_IDS = 5;

/** "1 added (a), 1 changed (b), none removed" */
function describeChanges(changes: CorpusChanges): string {
  const part = (ids: string[], what: string) =>
    ids.length === 0 ? '' : `${ids.length} ${what} (${ids.slice(0, SHOWN_IDS).join(', ')}${ids.length > SHOWN_IDS ? ', …' : ''})`;
  const parts = [part(changes.added, 'added'), part(changes.changed, 'changed'), part(changes.removed, 'removed')].filter(Boolean);
  return parts.length ? parts.join(', ') : 'no article changed';
}

/** "5 → 6 articles, 71 → 80 passages" or the errors by file. */
export function describeReload(report: ReloadReport): string {
  const { before, after } = report;
  if (!report.swapped) {
    const errors = report.problems.filter((p) => p.severity === 'error');
    return [`Reload refused: ${errors.length} error(s); still serving ${before.articles} articles, ${before.passages} passages.`, ...errors.map(formatProblem)].join('\n');
  }
  const warnings = report.problems.filter((p) => p.severity === 'warning').map(formatProblem);
  const changes = report.changes ? ` ${describeChanges(report.changes)}.` : '';
  return [`Reloaded: ${before.articles} → ${after.articles} articles, ${after.passages} passages (${report.ms.toFixed(0)} ms).${changes}`, ...warnings].join('\n');
}
