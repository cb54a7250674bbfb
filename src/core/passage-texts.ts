import { closeSync, readSync } from 'node:fs';
import type { Paragraph } from '../corpus/index.js';

/** Where passages' verbatim texts are read from, one at a time. */
export interface TextSource {
  /** byte offsets: passage i is bytes[offsets[i] … offsets[i+1]) */
  readonly offsets: Int32Array;
  text(passage: number): string;
  /** all the texts' bytes (to write them into a new snapshot) */
  bytes(): Uint8Array;
}

// closes the file of a snapshot's texts once no knowledge base uses it any more
const openFiles = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
});

/**
 * The texts left in the snapshot file and read when quoted (a few per answer):
 * the largest part of a corpus stays out of memory. The file is opened once;
 * a newer snapshot renamed over it does not change what this one reads.
 */
export class FileTexts implements TextSource {
  constructor(
    /** an open file descriptor of the snapshot: this object owns it from now on */
    private readonly fd: number,
    /** where the texts' section starts in the file */
    private readonly base: number,
    readonly offsets: Int32Array,
  ) {
    openFiles.register(this, fd);
  }

  text(passage: number): string {
    const start = this.offsets[passage]!;
    const buffer = Buffer.allocUnsafe(this.offsets[passage + 1]! - start);
    readSync(this.fd, buffer, 0, buffer.length, this.base + start);
    return buffer.toString('utf8');
  }

  bytes(): Uint8Array {
    const buffer = Buffer.alloc(this.offsets[this.offsets.length - 1]!);
    readSync(this.fd, buffer, 0, buffer.length, this.base);
    return buffer;
  }
}

/**
 * Every passage's verbatim text in one UTF-8 buffer, decoded one passage at a
 * time when quoted: half the memory of JavaScript strings for Arabic text,
 * and nothing to parse when a snapshot is loaded.
 */
export class PassageTexts implements TextSource {
  private readonly buffer: Buffer;

  constructor(
    bytes: Uint8Array,
    /** byte offsets: passage i is bytes[offsets[i] … offsets[i+1]) */
    readonly offsets: Int32Array,
  ) {
    this.buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  bytes(): Uint8Array {
    return this.buffer;
  }

  text(passage: number): string {
    return this.buffer.toString('utf8', this.offsets[passage], this.offsets[passage + 1]);
  }

  /** The texts given, in order, as one buffer. */
  static encode(texts: readonly string[]): PassageTexts {
    const offsets = new Int32Array(texts.length + 1);
    for (let i = 0; i < texts.length; i++) offsets[i + 1] = offsets[i]! + Buffer.byteLength(texts[i]!, 'utf8');
    const bytes = Buffer.from(new ArrayBuffer(offsets[texts.length]!));
    for (let i = 0; i < texts.length; i++) bytes.write(texts[i]!, offsets[i]!, 'utf8');
    return new PassageTexts(bytes, offsets);
  }
}

/** A paragraph whose text stays in a buffer or a file until read. */
export class StoredParagraph implements Paragraph {
  constructor(
    readonly n: number,
    readonly line: number,
    readonly store: TextSource,
    private readonly passage: number,
  ) {}

  get text(): string {
    return this.store.text(this.passage);
  }

  toJSON(): Paragraph {
    return { n: this.n, line: this.line, text: this.text };
  }
}
