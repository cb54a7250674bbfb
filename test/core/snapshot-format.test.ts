import { openSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeSections, SnapshotReader } from '../../src/core/snapshot-format.js';

/** A section of several 4 MB pieces, in a file. */
async function fileWithLargeSection(corrupt = false): Promise<number> {
  const texts = new Uint8Array(9 << 20).map((_, k) => k % 251);
  const bytes = encodeSections('k', { texts });
  if (corrupt) bytes[bytes.length - 100]! ^= 1;
  const path = join(await mkdtemp(join(tmpdir(), 'qa-sections-')), 'file.bin');
  writeFileSync(path, bytes);
  return openSync(path, 'r');
}

/** The reader with each read it makes recorded. */
function recording(reader: SnapshotReader): Uint8Array[] {
  const reads: Uint8Array[] = [];
  const target = reader as unknown as { readBytes: (offset: number, length: number, scratch?: Uint8Array) => Promise<Uint8Array> };
  const read = target.readBytes;
  target.readBytes = async (offset, length, scratch) => {
    const bytes = await read(offset, length, scratch);
    reads.push(bytes);
    return bytes;
  };
  return reads;
}

describe('SnapshotReader.verify', () => {
  it('checks a large section a piece at a time, every piece read into the same buffer', async () => {
    const reader = await SnapshotReader.fromFile(await fileWithLargeSection());
    const reads = recording(reader);
    await reader.verify('texts');
    expect(reads.length).toBe(3);
    expect(reads.map((piece) => piece.buffer === reads[0]!.buffer)).toEqual([true, true, true]);
  });

  it('still refuses a section whose bytes differ from its checksum', async () => {
    const reader = await SnapshotReader.fromFile(await fileWithLargeSection(true));
    await expect(reader.verify('texts')).rejects.toThrow('"texts" section fails its checksum');
  });
});
