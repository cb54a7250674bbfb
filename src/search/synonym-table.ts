import type { SynonymEntry } from '../corpus/index.js';
import type { Analyzer } from '../text/index.js';

/** One way of saying a thing, as index terms ("تنظيم الدولة الإسلامية" → 3 terms). */
export interface Expression {
  text: string;
  terms: string[];
}

/**
 * Synonym groups analyzed with the index's own analyzer, so that an entry
 * matches whatever prefixes, hamza or ة/ه the question uses.
 */
export class SynonymTable {
  private readonly groups: Expression[][] = [];
  /** per group: whether it is one-way (see OneWaySynonym) */
  private readonly oneWay: boolean[] = [];
  /** first term of an expression → [group, expression] pairs */
  private readonly byFirstTerm = new Map<string, [number, number][]>();

  constructor(entries: readonly SynonymEntry[], analyzer: Analyzer) {
    for (const entry of entries) {
      const oneWay = 'from' in entry;
      const texts = oneWay ? [entry.from, ...entry.to] : entry;
      const expressions = texts.map((text) => ({ text, terms: analyzer.terms(text) })).filter((e) => e.terms.length > 0);
      if (expressions.length < 2 || (oneWay && expressions[0]!.text !== entry.from)) continue;
      const groupIndex = this.groups.push(expressions) - 1;
      this.oneWay.push(oneWay);
      // a one-way entry is found through its first expression only
      expressions.slice(0, oneWay ? 1 : undefined).forEach((expression, expressionIndex) => {
        const first = expression.terms[0]!;
        const list = this.byFirstTerm.get(first) ?? [];
        list.push([groupIndex, expressionIndex]);
        this.byFirstTerm.set(first, list);
      });
    }
  }

  get size(): number {
    return this.groups.length;
  }

  /**
   * Groups with an expression that starts at `terms[at]`, and how many terms
   * of the question it covers. Longest match first.
   */
  matchesAt(terms: readonly string[], at: number): { group: Expression[]; length: number; oneWay: boolean }[] {
    const found: { group: Expression[]; length: number; oneWay: boolean }[] = [];
    for (const [groupIndex, expressionIndex] of this.byFirstTerm.get(terms[at]!) ?? []) {
      const expression = this.groups[groupIndex]![expressionIndex]!;
      const fits = expression.terms.every((t, k) => terms[at + k] === t);
      if (fits) found.push({ group: this.groups[groupIndex]!, length: expression.terms.length, oneWay: this.oneWay[groupIndex]! });
    }
    return found.sort((a, b) => b.length - a.length);
  }
}
