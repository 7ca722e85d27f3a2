import type { ByteRange } from "../../contract/backend.js";
import { concatBytes } from "../bytes/concat-bytes.js";

/**
 * Applies a byte range to a full-content stream by reading and discarding, for backends
 * without `rangeRead` (spec ST-022).
 */
export function sliceStream(stream: ReadableStream<Uint8Array>, range: ByteRange): ReadableStream<Uint8Array> {
  if (range.offset === 0 && range.length === undefined) return stream;
  const end = range.length === undefined ? Number.POSITIVE_INFINITY : range.offset + range.length;
  let position = 0;
  const reader = stream.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        if (position >= end) {
          controller.close();
          await reader.cancel();
          return;
        }
        const { done, value } = await reader.read();
        if (done) {
          controller.close();
          return;
        }
        const chunkStart = position;
        position += value.length;
        const from = Math.max(range.offset - chunkStart, 0);
        const to = Math.min(end - chunkStart, value.length);
        if (to > from) {
          controller.enqueue(value.subarray(from, to));
          return;
        }
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

/** Collects a stream into one array with a single copy of the data. */
export async function collectStream(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.length;
  }
  return concatBytes(chunks, total);
}
