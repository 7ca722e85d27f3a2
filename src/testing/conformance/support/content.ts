/** Byte and stream helpers shared by the conformance cases. */
import { concatBytes } from "../../../shared/bytes/concat-bytes.js";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** UTF-8 bytes of `text`. */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text);
}

/** `text` decoded as UTF-8. */
export function fromUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** `length` bytes counting 0..255 from `start` (a pattern that shows shifted or clipped ranges). */
export function patternBytes(length: number, start = 0): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = (start + i) & 0xff;
  return bytes;
}

/** `length` copies of one byte value. */
export function filledBytes(length: number, value: number): Uint8Array<ArrayBuffer> {
  return new Uint8Array(length).fill(value);
}

/** Reads a whole stream into one array, checking every chunk is a `Uint8Array`. */
export async function collectStream(stream: ReadableStream<Uint8Array>): Promise<{ bytes: Uint8Array; chunks: number; badChunk?: string }> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let badChunk: string | undefined;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!(value instanceof Uint8Array)) {
      badChunk ??= Object.prototype.toString.call(value);
      continue;
    }
    parts.push(value);
  }
  reader.releaseLock();
  return badChunk === undefined ? { bytes: concat(parts), chunks: parts.length } : { bytes: concat(parts), chunks: parts.length, badChunk };
}

/** Joins byte arrays (a single one is returned as it is). */
export function concat(parts: readonly Uint8Array[]): Uint8Array {
  return concatBytes(parts, parts.reduce((sum, part) => sum + part.length, 0));
}

/** The error the failing sources raise. */
export class SourceFailure extends Error {
  constructor() {
    super("conformance: the content source failed on purpose");
    this.name = "SourceFailure";
  }
}

/** A `ReadableStream` that delivers `chunks`, then errors with {@link SourceFailure}. */
export function failingStream(chunks: readonly Uint8Array[]): ReadableStream<Uint8Array> {
  let index = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index++];
      if (chunk === undefined) controller.error(new SourceFailure());
      else controller.enqueue(chunk.slice());
    },
  });
}

/** An async iterable that yields `chunks`, then throws {@link SourceFailure}. */
export async function* failingIterable(chunks: readonly Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks) {
    await Promise.resolve();
    yield chunk.slice();
  }
  throw new SourceFailure();
}

/** A `ReadableStream` over `chunks` that completes normally. */
export function streamOf(chunks: readonly Uint8Array[]): ReadableStream<Uint8Array> {
  let index = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index++];
      if (chunk === undefined) controller.close();
      else controller.enqueue(chunk.slice());
    },
  });
}

/** An async iterable over `chunks` that yields to the event loop between chunks. */
export async function* slowIterable(chunks: readonly Uint8Array[], between?: () => Promise<void>): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks) {
    await delay(0);
    if (between !== undefined) await between();
    yield chunk.slice();
  }
}

/** Splits `bytes` into chunks of `size`. */
export function chunksOf(bytes: Uint8Array, size: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, Math.min(bytes.length, i + size)));
  return chunks;
}

/** Resolves after `ms` milliseconds (used to let a clock tick, never to assert timing). */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A short random lowercase token (not cryptographic; only to keep runs apart). */
export function randomToken(): string {
  return Math.random().toString(36).slice(2, 10).padEnd(8, "0");
}
