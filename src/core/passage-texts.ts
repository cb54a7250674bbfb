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
  /** the bytes of passages from … to-1, into `target` at `at` (one read for a run of passages) */
  copyRange(from: number, to: number, target: Uint8Array, at: number): void;
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
    /** false when the caller closes `fd` itself (a build job, once its snapshot is written) */
    closeWhenCollected = true,
  ) {
    if (closeWhenCollected) openFiles.register(this, fd);
  }

  copyRange(from: number, to: number, target: Uint8Array, at: number): void {
    const start = this.offsets[from]!;
    const length = this.offsets[to]! - start;
    for (let done = 0; done < length; ) {
      const read = readSync(this.fd, target, at + done, length - done, this.base + start + done);
      if (read === 0) throw new Error('the snapshot file ends before its texts do');
      done += read;
    }
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

  copyRange(from: number, to: number, target: Uint8Array, at: number): void {
    target.set(this.buffer.subarray(this.offsets[from], this.offsets[to]), at);
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
    for (let i = 0; i < paragraphs.length; ) {
      const p = paragraphs[i]!;
      if (!(p instanceof StoredParagraph)) {
        bytes.write(p.text, offsets[i]!, 'utf8');
        i++;
        continue;
      }
      // a run of paragraphs stored one after another: copied in one go (one read from a file)
      let end = i + 1;
      while (end < paragraphs.length && StoredParagraph.follows(paragraphs[end]!, paragraphs[end - 1]!)) end++;
      p.store.copyRange(p.passage, p.passage + (end - i), bytes, offsets[i]!);
      i = end;
    }
    return new PassageTexts(bytes, offsets);
  }
}

/** A paragraph whose text stays in a buffer or a file until read. */
export class StoredParagraph implements Paragraph {
  constructor(
    readonly n: number,
    readonly line: number,
    readonly store: TextSource,
    /** its number in `store` */
    readonly passage: number,
  ) {}

  /** Whether `next` is stored right after `previous`, in the same store. */
  static follows(next: Paragraph, previous: Paragraph): boolean {
    return (
      next instanceof StoredParagraph &&
      previous instanceof StoredParagraph &&
      next.store === previous.store &&
      next.passage === previous.passage + 1
    );
  }

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
