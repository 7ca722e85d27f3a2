/**
 * The chunks of a web `ReadableStream` as an async iterable (not every runtime makes streams
 * async-iterable). The reader's lock is released at the end, and the stream is cancelled when
 * the consumer stops early.
 */
export async function* readableChunks<T>(stream: ReadableStream<T>): AsyncGenerator<T> {
  const reader = stream.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield value;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
