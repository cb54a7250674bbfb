import type { KnowledgeBase } from '../../src/core/knowledge-base.js';

/**
 * Questions made from a corpus's own words, for comparing two indexes of it:
 * the `typed` ones first, then each passage's opening words and three of its
 * rarer words (those past `rareFrom` among its words of six letters or more).
 */
export function questionsFromCorpus(
  kb: KnowledgeBase,
  typed: readonly string[],
  rareFrom: number,
  limit = Number.POSITIVE_INFINITY,
): string[] {
  const out = [...typed];
  for (const p of kb.passages) {
    const words = p.paragraph.text.split(/\s+/);
    const rare = words.filter((w) => w.length > 5).slice(rareFrom, rareFrom + 3);
    out.push(words.slice(0, 6).join(' '), rare.join(' '));
    if (out.length >= limit) break;
  }
  return out.filter(Boolean);
}
