import type { Paragraph } from '../corpus/index.js';

/**
 * Every passage's verbatim text in one UTF-8 buffer, decoded one passage at a
 * time when quoted: half the memory of JavaScript strings for Arabic text,
 * and nothing to parse when a snapshot is loaded.
 */
export class PassageTexts {
  private readonly buffer: Buffer;

  constructor(
    bytes: Uint8Array,
    /** byte offsets: passage i is bytes[offsets[i] … offsets[i+1]) */
    readonly offsets: Int32Array,
  ) {
    this.buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get bytes(): Uint8Array {
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

/** A paragraph whose text stays in a PassageTexts buffer until read. */
export class StoredParagraph implements Paragraph {
  constructor(
    readonly n: number,
    readonly line: number,
    readonly store: PassageTexts,
    private readonly passage: number,
  ) {}

  get text(): string {
    return this.store.text(this.passage);
  }

  toJSON(): Paragraph {
    return { n: this.n, line: this.line, text: this.text };
  }
}
