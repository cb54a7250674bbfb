/** Term ↔ id, with the number of passages each term occurs in. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  private documentFrequency: number[] | Int32Array = [];

  /** A finished vocabulary from saved terms (in id order) and their passage counts. */
  static restore(terms: readonly string[], df: Int32Array): Vocabulary {
    const vocabulary = new Vocabulary();
    for (const term of terms) vocabulary.intern(term);
    return vocabulary.finish(df);
  }

  /** Ends interning: the passage counts of every term, in id order. */
  finish(df: Int32Array): this {
    if (df.length !== this.terms.length) throw new Error(`Vocabulary.finish: ${df.length} counts for ${this.terms.length} terms`);
    this.documentFrequency = df;
    return this;
  }

  /** The terms in id order and their passage counts, as a snapshot saves them. */
  arrays(): { terms: readonly string[]; df: Int32Array } {
    if (!(this.documentFrequency instanceof Int32Array)) this.documentFrequency = Int32Array.from(this.documentFrequency);
    return { terms: this.terms, df: this.documentFrequency };
  }

  get size(): number {
    return this.terms.length;
  }

  id(term: string): number | undefined {
    return this.ids.get(term);
  }

  term(id: number): string {
    return this.terms[id] ?? '';
  }

  /** Id of a term, adding it when new. */
  intern(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
      if (this.documentFrequency instanceof Int32Array) throw new Error('Vocabulary.intern: this vocabulary is finished');
      this.documentFrequency.push(0);
    }
    return id;
  }

  /** Counts one passage for each distinct term id given. */
  countPassage(distinctIds: Iterable<number>): void {
    for (const id of distinctIds) this.documentFrequency[id]!++;
  }

  df(id: number): number {
    return this.documentFrequency[id] ?? 0;
  }

  /** Term ids grouped under the keys `keysOf` gives each term (none, one or several), ids ascending within a group. */
  groupIds(keysOf: (term: string) => Iterable<string>): Map<string, number[]> {
    const groups = new Map<string, number[]>();
    this.groupRange(keysOf, groups, 0, this.terms.length);
    return groups;
  }

  /** The same, `pause()` awaited after every `batch` terms: for the thread that answers questions. */
  async groupIdsInPieces(
    keysOf: (term: string) => Iterable<string>,
    pause: () => Promise<unknown>,
    batch = 10_000,
  ): Promise<Map<string, number[]>> {
    const groups = new Map<string, number[]>();
    for (let from = 0; from < this.terms.length; from += batch) {
      this.groupRange(keysOf, groups, from, Math.min(this.terms.length, from + batch));
      await pause();
    }
    return groups;
  }

  private groupRange(keysOf: (term: string) => Iterable<string>, groups: Map<string, number[]>, from: number, to: number): void {
    for (let id = from; id < to; id++) {
      for (const key of keysOf(this.terms[id]!)) {
        const group = groups.get(key);
        if (group) group.push(id);
        else groups.set(key, [id]);
      }
    }
  }
}
