/**
 * 32-bit FNV-1a of a normalized word. The rerank pass compares the words a
 * question typed with the words a passage wrote, exactly; hashes spare a
 * second vocabulary of every surface form (hundreds of thousands of strings
 * on a news archive). A collision costs at most a small bonus on one passage.
 */
export function surfaceHash(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    hash ^= word.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}
