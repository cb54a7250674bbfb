/** Term ↔ id, with the number of passages each term occurs in. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private terms: string[] = [];
  private documentFrequency: number[] | Int32Array = [];
  /** a base segment's vocabulary this one extends: its terms keep their ids, new ones follow (see segments.ts) */
  private base: Vocabulary | undefined;

  /**
   * A vocabulary holding every term of `base` under the same id and taking
   * new ones after them, without copying the base's map. A term whose passage
   * count is 0 in it (every passage holding it removed) is not found by id().
   */
  static extending(base: Vocabulary): Vocabulary {
    const vocabulary = new Vocabulary();
    vocabulary.base = base;
    vocabulary.terms = base.terms.slice();
    vocabulary.documentFrequency = [];
    return vocabulary;
  }

  /** How many ids come from the base (0 when it extends none). */
  get baseSize(): number {
    return this.base?.size ?? 0;
  }

  private lookup(term: string): number | undefined {
    return this.ids.get(term) ?? this.base?.ids.get(term);
  }

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
    const id = this.lookup(term);
    return id !== undefined && this.base && this.df(id) === 0 ? undefined : id;
  }

  term(id: number): string {
    return this.terms[id] ?? '';
  }

  /** Id of a term, adding it when new. */
  intern(term: string): number {
    let id = this.lookup(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
      if (this.documentFrequency instanceof Int32Array) throw new Error('Vocabulary.intern: this vocabulary is finished');
      if (!this.base) this.documentFrequency.push(0);
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

  /** Term ids grouped under the keys `keysOf` gives each term (none, one or several), ids ascending within a group; from id `from` on. */
  groupIds(keysOf: (term: string) => Iterable<string>, from = 0): Map<string, number[]> {
    const groups = new Map<string, number[]>();
    this.groupRange(keysOf, groups, from, this.terms.length);
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
