/**
 * The chunks of a read stream as an async iterable that reports each chunk's size, and that can
 * be abandoned: the stream is cancelled unless it was read to the end (spec XFER-006), so a
 * write that fails before or while consuming it never leaves a source open.
 */
export class ChunkSource {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly onBytes: ((bytes: number) => void) | undefined;
  private finished = false;

  constructor(stream: ReadableStream<Uint8Array>, onBytes?: (bytes: number) => void) {
    this.reader = stream.getReader();
    this.onBytes = onBytes;
  }

  /** The chunks, each reported to `onBytes` before it is handed on. */
  async *chunks(): AsyncGenerator<Uint8Array> {
    for (;;) {
      const { done, value } = await this.reader.read();
      if (done) {
        this.finished = true;
        return;
      }
      this.onBytes?.(value.byteLength);
      yield value;
    }
  }

  /** Cancels the stream unless it was read to the end. Never throws. */
  async abandon(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    await this.reader.cancel().catch(() => undefined);
  }
}
