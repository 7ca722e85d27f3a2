import type { BackendContent } from "../contract/backend.js";

import { readableChunks } from "../shared/streams/stream-chunks.js";
import { describeType, isObject } from "../shared/checks/objects.js";

/** Everything `Store.write` accepts as content. */
export type WriteContent =
  | Uint8Array
  | ArrayBuffer
  | ArrayBufferView
  | string
  | Blob
  | ReadableStream<Uint8Array>
  | Iterable<Uint8Array | string>
  | AsyncIterable<Uint8Array | string>;

/** Content converted for a backend, with the content type a `Blob` carried. */
export interface PreparedContent {
  readonly content: BackendContent;
  readonly blobType: string | undefined;
}

const encoder = new TextEncoder();

/**
 * Converts user content into bytes or a chunk source (spec ST-030). Throws `TypeError`
 * naming `content` for anything else; a chunk of the wrong type fails the write when it arrives.
 */
export function prepareContent(content: unknown): PreparedContent {
  if (typeof content === "string") return { content: encoder.encode(content), blobType: undefined };
  if (content instanceof Uint8Array) return { content, blobType: undefined };
  if (content instanceof ArrayBuffer) return { content: new Uint8Array(content), blobType: undefined };
  if (ArrayBuffer.isView(content)) {
    return { content: new Uint8Array(content.buffer, content.byteOffset, content.byteLength), blobType: undefined };
  }
  if (typeof Blob !== "undefined" && content instanceof Blob) {
    return { content: streamChunks(content.stream()), blobType: content.type === "" ? undefined : content.type };
  }
  if (isReadableStream(content)) return { content: streamChunks(content), blobType: undefined };
  if (isAsyncIterable(content)) return { content: iterableChunks(content), blobType: undefined };
  if (isIterable(content)) return { content: iterableChunks(content), blobType: undefined };
  throw new TypeError(
    `content must be a Uint8Array, ArrayBuffer, string, Blob, ReadableStream or (async) iterable of Uint8Array/string, got ${describeType(content)}`,
  );
}

function isReadableStream(value: unknown): value is ReadableStream<Uint8Array> {
  return isObject(value) && typeof (value as ReadableStream).getReader === "function";
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return isObject(value) && typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === "function";
}

function isIterable(value: unknown): value is Iterable<unknown> {
  return isObject(value) && typeof (value as Iterable<unknown>)[Symbol.iterator] === "function";
}

function toChunk(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (typeof chunk === "string") return encoder.encode(chunk);
  throw new TypeError(`content chunks must be Uint8Array or string, got ${describeType(chunk)}`);
}

async function* streamChunks(stream: ReadableStream<unknown>): AsyncGenerator<Uint8Array> {
  for await (const chunk of readableChunks(stream)) yield toChunk(chunk);
}

async function* iterableChunks(source: AsyncIterable<unknown> | Iterable<unknown>): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) yield toChunk(chunk);
}
