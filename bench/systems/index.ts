import { flexsearchArabic } from './flexsearch-arabic.js';
import { flexsearchDefault } from './flexsearch-default.js';
import { lunrArabicSystem } from './lunr-arabic.js';
import { minisearchArabic } from './minisearch-arabic.js';
import { oramaArabic } from './orama-arabic.js';
import { ours } from './ours.js';
import type { SearchSystem } from './system.js';

export type { BenchPassage, Searcher, SearchSystem } from './system.js';

/** Every contender, in table order: ours first, then the peers. */
export const SYSTEMS: readonly SearchSystem[] = [
  ours,
  flexsearchDefault,
  flexsearchArabic,
  minisearchArabic,
  lunrArabicSystem,
  oramaArabic,
];

/** The peer whose speed the issue sets as the bar, measured beside ours in the scaling table. */
export const SPEED_REFERENCE = flexsearchArabic.name;

export function systemNamed(name: string): SearchSystem | undefined {
  return SYSTEMS.find((system) => system.name === name);
}
