import type { BackendContent } from "../../contract/backend.js";
import { prepareContent } from "../../store/content.js";

const encoder = new TextEncoder();

/** UTF-8 length of a text. */
export function utf8Length(text: string): number {
  return encoder.encode(text).byteLength;
}

/** Chunks of `content` that stop after `limit` bytes with `fail()`'s error; content within the limit passes whole. */
async function* cutAfter(content: BackendContent, limit: number, fail: () => unknown): AsyncGenerator<Uint8Array> {
  let sent = 0;
  const chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array> = content instanceof Uint8Array ? [content] : content;
  for await (const chunk of chunks) {
    if (sent + chunk.byteLength > limit) {
      if (limit > sent) yield chunk.subarray(0, limit - sent);
      throw fail();
    }
    sent += chunk.byteLength;
    yield chunk;
  }
}

/**
 * Write content that fails after `limit` bytes (spec FAULT-004), as a streamed write's source
 * would, and the content type a `Blob` carried (which the stream loses); `undefined` when the
 * content is not something a write accepts (the store then refuses it itself).
 */
export function cutContent(content: unknown, limit: number, fail: () => unknown): { content: AsyncIterable<Uint8Array>; blobType: string | undefined } | undefined {
  let prepared: ReturnType<typeof prepareContent>;
  try {
    prepared = prepareContent(content);
  } catch {
    return undefined;
  }
  return { content: cutAfter(prepared.content, limit, fail), blobType: prepared.blobType };
}
