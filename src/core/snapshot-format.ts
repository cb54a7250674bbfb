import { fstat, read } from 'node:fs';
import { open } from 'node:fs/promises';
import { promisify } from 'node:util';
import { crc32 } from 'node:zlib';

/**
 * A file of named binary sections: typed arrays (read back as views, no
 * parsing), UTF-8 text and JSON. Layout:
 *
 *   "QASN" · u32 container version · u32 header length · u32 header CRC-32 · header JSON · sections (8-byte aligned)
 *
 * The header lists each section's kind, offset, length and CRC-32 and the
 * whole file's length, so a truncated or damaged file is refused before any
 * of it is used; a reader loads only the sections it needs.
 */
const MAGIC = 0x4e534151; // "QASN" little-endian
const CONTAINER_VERSION = 1;
const PREAMBLE = 16;
const readAsync = promisify(read);
const PIECE = 4 << 20;

export type SectionValue = Int32Array | Uint16Array | Uint8Array | Float32Array | { utf8: string } | { json: unknown };
type Kind = 'i32' | 'u16' | 'u8' | 'f32' | 'utf8' | 'json';

interface SectionEntry {
  kind: Kind;
  offset: number;
  length: number;
  crc: number;
}

export interface SnapshotHeader {
  key: string;
  fileLength: number;
  sections: Record<string, SectionEntry>;
}

/** Why a snapshot file was not used: said once in the log. */
export class SnapshotRejected extends Error {
  override name = 'SnapshotRejected';
}

function kindOf(value: SectionValue): Kind {
  if (value instanceof Int32Array) return 'i32';
  if (value instanceof Uint16Array) return 'u16';
  if (value instanceof Uint8Array) return 'u8';
  if (value instanceof Float32Array) return 'f32';
  return 'utf8' in value ? 'utf8' : 'json';
}

const align8 = (n: number) => (n + 7) & ~7;

/** Where every section goes: the preamble and header, then each payload at its offset. */
interface Layout {
  head: Uint8Array;
  payloads: { offset: number; bytes: Uint8Array }[];
  fileLength: number;
}

function layOut(key: string, sections: Record<string, SectionValue>): Layout {
  const encoder = new TextEncoder();
  const payloads: [string, Kind, Uint8Array][] = Object.entries(sections).map(([name, value]) => {
    const kind = kindOf(value);
    if (kind === 'utf8') return [name, kind, encoder.encode((value as { utf8: string }).utf8)];
    if (kind === 'json') return [name, kind, encoder.encode(JSON.stringify((value as { json: unknown }).json))];
    const view = value as Exclude<SectionValue, { utf8: string } | { json: unknown }>;
    return [name, kind, new Uint8Array(view.buffer, view.byteOffset, view.byteLength)];
  });
  // the header's size depends on the offsets it lists: lay out with a generous estimate, then fix
  const entries: Record<string, SectionEntry> = {};
  let headerBytes = encoder.encode(
    JSON.stringify({
      key,
      fileLength: 0,
      sections: Object.fromEntries(payloads.map(([n, k, b]) => [n, { kind: k, offset: 1e15, length: b.length, crc: 0xffffffff }])),
    }),
  );
  const start = align8(PREAMBLE + headerBytes.length);
  let at = start;
  for (const [name, kind, bytes] of payloads) {
    entries[name] = { kind, offset: at, length: bytes.length, crc: crc32(bytes) };
    at = align8(at + bytes.length);
  }
  const header: SnapshotHeader = { key, fileLength: at, sections: entries };
  headerBytes = encoder.encode(JSON.stringify(header));
  if (PREAMBLE + headerBytes.length > start) throw new Error('snapshot header outgrew its estimate');
  const head = new Uint8Array(start);
  const view = new DataView(head.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, CONTAINER_VERSION, true);
  view.setUint32(8, headerBytes.length, true);
  view.setUint32(12, crc32(headerBytes), true);
  head.set(headerBytes, PREAMBLE);
  return { head, payloads: payloads.map(([name, , bytes]) => ({ offset: entries[name]!.offset, bytes })), fileLength: at };
}

/** The file's bytes, in one transferable ArrayBuffer. */
export function encodeSections(key: string, sections: Record<string, SectionValue>): Uint8Array {
  const { head, payloads, fileLength } = layOut(key, sections);
  const out = new Uint8Array(new ArrayBuffer(fileLength));
  out.set(head, 0);
  for (const { offset, bytes } of payloads) out.set(bytes, offset);
  return out;
}

/**
 * Writes the file straight from the sections' own arrays, section by section,
 * without first copying them all into one buffer (hundreds of megabytes at
 * archive scale).
 */
export async function writeSectionsFile(path: string, key: string, sections: Record<string, SectionValue>): Promise<void> {
  const { head, payloads, fileLength } = layOut(key, sections);
  const file = await open(path, 'w');
  try {
    await file.write(head, 0, head.length, 0);
    for (const { offset, bytes } of payloads) if (bytes.length > 0) await file.write(bytes, 0, bytes.length, offset);
    await file.truncate(fileLength); // the padding after the last section
  } finally {
    await file.close();
  }
}

/** Reads sections out of a snapshot, from bytes in memory or from an open file. */
export class SnapshotReader {
  private constructor(
    readonly header: SnapshotHeader,
    /** `length` bytes at `offset`: in `scratch` when given (a file's reader then fills it instead of allocating), else their own buffer */
    private readonly readBytes: (offset: number, length: number, scratch?: Uint8Array) => Promise<Uint8Array>,
  ) {}

  static fromBytes(bytes: Uint8Array): SnapshotReader {
    const header = parseHeader(
      bytes.subarray(0, Math.min(bytes.length, PREAMBLE)),
      (length) => bytes.subarray(PREAMBLE, PREAMBLE + length),
      bytes.length,
    );
    return new SnapshotReader(header, async (offset, length) => bytes.subarray(offset, offset + length));
  }

  /** Reads the header now and each section when asked, from an open file; the caller closes it. */
  static async fromFile(fd: number): Promise<SnapshotReader> {
    const { size } = await promisify(fstat)(fd);
    const readAt = async (out: Uint8Array, position: number) => (await readAsync(fd, out, 0, out.length, position)).bytesRead;
    const preamble = new Uint8Array(Math.min(PREAMBLE, size));
    await readAt(preamble, 0);
    const length = preamble.length === PREAMBLE ? new DataView(preamble.buffer).getUint32(8, true) : 0;
    const headerBytes = new Uint8Array(Math.min(length, Math.max(0, size - PREAMBLE)));
    await readAt(headerBytes, PREAMBLE);
    const header = parseHeader(preamble, () => headerBytes, size);
    return new SnapshotReader(header, async (offset, len, scratch) => {
      // its own ArrayBuffer, 8-byte aligned, so typed arrays can view it
      const out = scratch ? scratch.subarray(0, len) : new Uint8Array(new ArrayBuffer(len));
      if ((await readAt(out, offset)) !== len) throw new SnapshotRejected('the file is truncated');
      return out;
    });
  }

  /** Where a section sits in the file, for reading it later without this reader. */
  range(name: string): { offset: number; length: number } {
    const entry = this.header.sections[name];
    if (!entry) throw new SnapshotRejected(`it has no "${name}" section`);
    return { offset: entry.offset, length: entry.length };
  }

  /**
   * Checks a section's checksum without keeping it, reading it a piece at a
   * time into one buffer: a piece each would leave the section's size in
   * garbage buffers (90 MB of texts at archive scale) until a collection.
   */
  async verify(name: string): Promise<void> {
    const entry = this.header.sections[name];
    if (!entry) throw new SnapshotRejected(`it has no "${name}" section`);
    const scratch = new Uint8Array(Math.min(PIECE, entry.length));
    let crc = 0;
    for (let at = 0; at < entry.length; at += PIECE)
      crc = await checksum(await this.readBytes(entry.offset + at, Math.min(PIECE, entry.length - at), scratch), crc);
    if (crc !== entry.crc) throw new SnapshotRejected(`its "${name}" section fails its checksum`);
  }

  /**
   * A section a piece at a time (`pieceBytes`, a multiple of 4, so an i32
   * section's pieces hold whole numbers), each read into the same buffer: a
   * piece is valid until the next is asked for. Its checksum is checked once
   * the last piece was read; a section failing it throws then.
   */
  async *pieces(name: string, kind: Kind, pieceBytes = 256 << 10): AsyncGenerator<Uint8Array> {
    const entry = this.header.sections[name];
    if (!entry) throw new SnapshotRejected(`it has no "${name}" section`);
    if (entry.kind !== kind) throw new SnapshotRejected(`its "${name}" section is ${entry.kind}, not ${kind}`);
    const scratch = new Uint8Array(Math.min(pieceBytes, entry.length));
    let crc = 0;
    for (let at = 0; at < entry.length; at += pieceBytes) {
      const piece = await this.readBytes(entry.offset + at, Math.min(pieceBytes, entry.length - at), scratch);
      crc = await checksum(piece, crc);
      yield piece;
    }
    if (crc !== entry.crc) throw new SnapshotRejected(`its "${name}" section fails its checksum`);
  }

  has(name: string): boolean {
    return name in this.header.sections;
  }

  private async section(name: string, kind: Kind): Promise<Uint8Array> {
    const entry = this.header.sections[name];
    if (!entry) throw new SnapshotRejected(`it has no "${name}" section`);
    if (entry.kind !== kind) throw new SnapshotRejected(`its "${name}" section is ${entry.kind}, not ${kind}`);
    const bytes = await this.readBytes(entry.offset, entry.length);
    if ((await checksum(bytes)) !== entry.crc) throw new SnapshotRejected(`its "${name}" section fails its checksum`);
    return bytes;
  }

  async i32(name: string): Promise<Int32Array> {
    const bytes = await this.section(name, 'i32');
    return bytes.byteOffset % 4 === 0
      ? new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4)
      : new Int32Array(bytes.slice().buffer);
  }

  async u16(name: string): Promise<Uint16Array> {
    const bytes = await this.section(name, 'u16');
    return bytes.byteOffset % 2 === 0
      ? new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2)
      : new Uint16Array(bytes.slice().buffer);
  }

  async f32(name: string): Promise<Float32Array> {
    const bytes = await this.section(name, 'f32');
    return bytes.byteOffset % 4 === 0
      ? new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4)
      : new Float32Array(bytes.slice().buffer);
  }

  async u8(name: string): Promise<Uint8Array> {
    return this.section(name, 'u8');
  }

  /** A UTF-8 section's bytes, checked, not decoded (to pick a few lines out of a long list). */
  async utf8Bytes(name: string): Promise<Uint8Array> {
    return this.section(name, 'utf8');
  }

  async utf8(name: string): Promise<string> {
    return new TextDecoder().decode(await this.section(name, 'utf8'));
  }

  async json<T>(name: string): Promise<T> {
    return JSON.parse(new TextDecoder().decode(await this.section(name, 'json'))) as T;
  }
}

/**
 * CRC-32 a piece at a time, letting other work run between pieces: a reload
 * reads the new snapshot on the thread that answers questions.
 */
async function checksum(bytes: Uint8Array, initial = 0): Promise<number> {
  let crc = initial;
  for (let at = 0; at < bytes.length; at += PIECE) {
    if (at > 0) await new Promise((resolve) => setImmediate(resolve));
    crc = crc32(bytes.subarray(at, at + PIECE), crc);
  }
  return crc;
}

function parseHeader(preamble: Uint8Array, headerBytes: (length: number) => Uint8Array, fileLength: number): SnapshotHeader {
  if (preamble.length < PREAMBLE) throw new SnapshotRejected('the file is truncated (no header)');
  const view = new DataView(preamble.buffer, preamble.byteOffset, PREAMBLE);
  if (view.getUint32(0, true) !== MAGIC) throw new SnapshotRejected('it is not a snapshot file');
  const version = view.getUint32(4, true);
  if (version !== CONTAINER_VERSION) throw new SnapshotRejected(`its container version is ${version}, not ${CONTAINER_VERSION}`);
  const length = view.getUint32(8, true);
  const bytes = headerBytes(length);
  if (bytes.length !== length) throw new SnapshotRejected('the file is truncated (in the header)');
  if (crc32(bytes) !== view.getUint32(12, true)) throw new SnapshotRejected('its header fails its checksum');
  const header = JSON.parse(new TextDecoder().decode(bytes)) as SnapshotHeader;
  if (header.fileLength !== fileLength)
    throw new SnapshotRejected(`the file is ${fileLength} bytes, its header says ${header.fileLength} (truncated or appended to)`);
  return header;
}
