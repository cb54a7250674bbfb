import { closeSync, readSync } from 'node:fs';
import type { Paragraph } from '../corpus/index.js';

/** Where passages' verbatim texts are read from, one at a time. */
export interface TextSource {
  /** byte offsets: passage i is bytes[offsets[i] … offsets[i+1]) */
  readonly offsets: Int32Array;
  text(passage: number): string;
  /** one passage's bytes */
  bytesOf(passage: number): Uint8Array;
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
    return Buffer.from(this.bytesOf(passage)).toString('utf8');
  }

  bytesOf(passage: number): Uint8Array {
    const start = this.offsets[passage]!;
    const buffer = Buffer.allocUnsafe(this.offsets[passage + 1]! - start);
    readSync(this.fd, buffer, 0, buffer.length, this.base + start);
    return buffer;
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

  bytesOf(passage: number): Uint8Array {
    return this.buffer.subarray(this.offsets[passage], this.offsets[passage + 1]);
  }

  /**
   * The paragraphs' texts, in order, as one buffer: a paragraph still held in
   * another buffer or file is copied byte for byte, the others encoded.
   */
  static of(paragraphs: readonly Paragraph[]): PassageTexts {
    const offsets = new Int32Array(paragraphs.length + 1);
    const sizes = paragraphs.map((p) => (p instanceof StoredParagraph ? p.byteLength : Buffer.byteLength(p.text, 'utf8')));
    for (let i = 0; i < paragraphs.length; i++) offsets[i + 1] = offsets[i]! + sizes[i]!;
    const bytes = Buffer.from(new ArrayBuffer(offsets[paragraphs.length]!));
    paragraphs.forEach((p, i) => {
      if (p instanceof StoredParagraph) p.copyTo(bytes, offsets[i]!);
      else bytes.write(p.text, offsets[i]!, 'utf8');
    });
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

  get byteLength(): number {
    return this.store.offsets[this.passage + 1]! - this.store.offsets[this.passage]!;
  }

  /** Its UTF-8 bytes into `target` at `at`. */
  copyTo(target: Uint8Array, at: number): void {
    target.set(this.store.bytesOf(this.passage), at);
  }

  toJSON(): Paragraph {
    return { n: this.n, line: this.line, text: this.text };
  }
}
