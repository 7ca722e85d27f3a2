const EMPTY = Buffer.alloc(0);

/**
 * Pull-style reading of a byte stream for framing decoders: lines and exact byte counts, handing
 * bytes on as they arrive (a large chunk is never collected whole).
 */
export class ByteReader {
  private buffer: Buffer = EMPTY;
  private readonly iterator: AsyncIterator<Uint8Array>;
  private done = false;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  /**
   * The next line without its `\n` (and a `\r` before it); `undefined` at the end of the stream
   * with nothing buffered; `null` when no newline comes within `max` bytes or before the end.
   */
  async readLine(max: number): Promise<string | null | undefined> {
    for (;;) {
      const newline = this.buffer.indexOf(0x0a);
      if (newline !== -1 && newline <= max) {
        const end = newline > 0 && this.buffer[newline - 1] === 0x0d ? newline - 1 : newline;
        const line = this.buffer.toString("latin1", 0, end);
        this.buffer = this.buffer.subarray(newline + 1);
        return line;
      }
      if (newline !== -1 || this.buffer.length > max) return null;
      if (!(await this.fill())) return this.buffer.length === 0 ? undefined : null;
    }
  }

  /** Exactly `count` bytes, as they arrive; returns `false` when the stream ends first. */
  async *readBytes(count: number): AsyncGenerator<Buffer, boolean> {
    let left = count;
    while (left > 0) {
      if (this.buffer.length === 0 && !(await this.fill())) return false;
      const piece = this.buffer.subarray(0, Math.min(left, this.buffer.length));
      this.buffer = this.buffer.subarray(piece.length);
      left -= piece.length;
      yield piece;
    }
    return true;
  }

  /** True when the next bytes are `\r\n` (consumed), false otherwise. */
  async readCrlf(): Promise<boolean> {
    while (this.buffer.length < 2) if (!(await this.fill())) return false;
    const ok = this.buffer[0] === 0x0d && this.buffer[1] === 0x0a;
    if (ok) this.buffer = this.buffer.subarray(2);
    return ok;
  }

  /** True when nothing but the end of the stream is left. */
  async atEnd(): Promise<boolean> {
    while (this.buffer.length === 0) if (!(await this.fill())) return true;
    return false;
  }

  private async fill(): Promise<boolean> {
    if (this.done) return false;
    const next = await this.iterator.next();
    if (next.done === true) {
      this.done = true;
      return false;
    }
    const chunk = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    return true;
  }
}
