/** What every system is given to index: a passage's text and its article title. */
export interface BenchPassage {
  text: string;
  title?: string;
}

/** A built index: the positions (in the array it was built from) of the best passages, best first. */
export interface Searcher {
  search(question: string, limit: number): readonly number[] | Promise<readonly number[]>;
}

/**
 * One contender. `config` is the one-line setup printed in the results, so a
 * reader can rebuild it; the file defining the system cites the docs it follows.
 *
 * @example { name: 'minisearch-ar', ours: false, config: 'MiniSearch 7 BM25, …', build: (passages) => … }
 */
export interface SearchSystem {
  name: string;
  ours: boolean;
  config: string;
  build(passages: readonly BenchPassage[]): Searcher | Promise<Searcher>;
}
