import { describe, expect, it } from 'vitest';
import { wordsDependingOn } from '../../src/core/retermed-articles.js';
import { encodeSections, SnapshotReader } from '../../src/core/snapshot-format.js';

// words (one a line) and, per word, the stems (lines of words.keys) its term depends on
const words = ['كتاب', 'كتب', 'مكتبة', 'a-long-english-word', 'درس', 'مدرسة', 'x'];
const keys = ['كتب', 'درس', 'علم'];
const dependsOn = [[0], [0], [0, 1], [], [1], [2, 1], [2]];
const terms = [10, 11, 12, -1, 14, 15, 16];

function reader(): SnapshotReader {
  const offsets = new Int32Array(words.length + 1);
  dependsOn.forEach((ids, k) => (offsets[k + 1] = offsets[k]! + ids.length));
  return SnapshotReader.fromBytes(
    encodeSections('key', {
      'words.list': { utf8: words.join('\n') },
      'words.keys': { utf8: keys.join('\n') },
      'words.term': Int32Array.from(terms),
      'words.dependsOn.offsets': offsets,
      'words.dependsOn': Int32Array.from(dependsOn.flat()),
    }),
  );
}

describe('words depending on changed stems', () => {
  const cases: { stems: string[]; expected: string[] }[] = [
    { stems: ['كتب'], expected: ['كتاب', 'كتب', 'مكتبة'] },
    { stems: ['درس'], expected: ['مكتبة', 'درس', 'مدرسة'] },
    { stems: ['علم'], expected: ['مدرسة', 'x'] },
    { stems: ['كتب', 'علم'], expected: ['كتاب', 'كتب', 'مكتبة', 'مدرسة', 'x'] },
    { stems: ['absent'], expected: [] },
  ];
  // pieces of 4 and 8 bytes split numbers' sections and the words' lines across pieces
  for (const pieceBytes of [4, 8, 12, 256 << 10])
    for (const { stems, expected } of cases)
      it(`${stems.join(', ')} → ${expected.join(', ') || 'none'} (pieces of ${pieceBytes} bytes)`, async () => {
        const found = await wordsDependingOn(reader(), stems, pieceBytes);
        expect(found).toEqual(expected.map((word) => ({ word, term: terms[words.indexOf(word)]! })));
      });

  it('throw when a section read a piece at a time fails its checksum', async () => {
    const bytes = encodeSections('key', { 'words.list': { utf8: words.join('\n') } });
    const { offset } = SnapshotReader.fromBytes(bytes).range('words.list');
    bytes[offset + 1]! ^= 1;
    const read = async () => {
      for await (const _ of SnapshotReader.fromBytes(bytes).pieces('words.list', 'utf8', 4));
    };
    await expect(read()).rejects.toThrow(/checksum/);
  });
});
