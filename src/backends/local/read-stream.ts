import type { FileHandle } from "node:fs/promises";
import type { ByteRange } from "../../contract/backend.js";
import { mapFsError } from "./errno.js";

const CHUNK_SIZE = 64 * 1024;

/** The byte span `[start, end)` of a file of `size` bytes that `range` selects (clipped). */
export function clipRange(range: ByteRange, size: number): { start: number; end: number } {
  const start = Math.min(range.offset, size);
  const end = range.length === undefined ? size : Math.min(size, start + range.length);
  return { start, end };
}

/**
 * A lazy stream over `[start, end)` of an open file (spec LOC-050). It reads from the handle it
 * was given, so a file replaced after opening keeps streaming the old bytes. The handle is
 * closed at the end, on cancel and on error.
 */
export function fileStream(handle: FileHandle, start: number, end: number, path: string): ReadableStream<Uint8Array> {
  let position = start;
  const finish = async (controller: ReadableStreamDefaultController<Uint8Array>): Promise<void> => {
    await handle.close().catch(ignore);
    controller.close();
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const wanted = Math.min(CHUNK_SIZE, end - position);
        if (wanted <= 0) return finish(controller);
        try {
          const chunk = new Uint8Array(wanted);
          const { bytesRead } = await handle.read(chunk, 0, wanted, position);
          if (bytesRead === 0) return await finish(controller);
          position += bytesRead;
          controller.enqueue(bytesRead === wanted ? chunk : chunk.slice(0, bytesRead));
          if (position >= end) await finish(controller);
        } catch (error) {
          await handle.close().catch(ignore);
          controller.error(mapFsError(error, path));
        }
      },
      async cancel() {
        await handle.close().catch(ignore);
      },
    },
    { highWaterMark: 0 },
  );
}

/** Reads `[start, end)` of an open file into a new array. */
export async function readSpan(handle: FileHandle, start: number, end: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(end - start);
  let filled = 0;
  while (filled < bytes.byteLength) {
    const { bytesRead } = await handle.read(bytes, filled, bytes.byteLength - filled, start + filled);
    if (bytesRead === 0) return bytes.slice(0, filled);
    filled += bytesRead;
  }
  return bytes;
}

function ignore(): void {
  // Closing a handle that is already closed is not an error worth reporting.
}
