/** What {@link tapStream} calls. */
export interface StreamTap {
  /**
   * Each chunk before it is passed on. Throwing fails the stream with that error (and cancels the
   * source); returning `{ chunk, error }` passes `chunk` on instead, then fails the stream with `error`.
   */
  readonly onChunk?: (chunk: Uint8Array) => { readonly chunk: Uint8Array; readonly error: unknown } | void;
  /** Once: at the end, at an error (with it), or when the reader cancels (`cancelled`). */
  readonly onEnd?: (outcome: { readonly error?: unknown; readonly cancelled?: boolean }) => void;
}

/**
 * A stream with the same chunks as `source`, pulled on demand (nothing is read ahead), that
 * shows each chunk to `tap.onChunk` and its end to `tap.onEnd`. Used by `observe` to time and
 * count a read to its end, and by `withFaults` to cut one after some bytes.
 */
export function tapStream(source: ReadableStream<Uint8Array>, tap: StreamTap): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  let ended = false;
  const end = (outcome: { error?: unknown; cancelled?: boolean }): void => {
    if (ended) return;
    ended = true;
    tap.onEnd?.(outcome);
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let chunk: Uint8Array;
        try {
          const next = await reader.read();
          if (next.done) {
            end({});
            controller.close();
            return;
          }
          chunk = next.value;
          const cut = tap.onChunk?.(chunk);
          if (cut !== undefined) {
            if (cut.chunk.byteLength > 0) controller.enqueue(cut.chunk);
            throw cut.error;
          }
        } catch (error) {
          end({ error });
          controller.error(error);
          await reader.cancel(error).catch(() => undefined);
          return;
        }
        controller.enqueue(chunk);
      },
      cancel(reason) {
        end({ cancelled: true });
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}
