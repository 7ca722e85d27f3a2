import { Buffer } from "node:buffer";
import { MemoryBackend, Store } from "../../src/index.js";
import type { BenchConfig } from "../config.js";
import { collectGarbage, timeMs } from "../harness/measure.js";
import type { Recorder, WorkloadSpec } from "../report/results.js";
import type { SystemAdapter } from "../systems/system.js";
import { chunkStream } from "../systems/remote-store.js";
import { expectEqual } from "./tree.js";

const family = "streaming";
const MiB = 2 ** 20;

/** Pseudo-random bytes (so no page is all zeros), cut into `chunkBytes` views. */
export function streamSource(config: BenchConfig): { whole: Uint8Array; chunks: Uint8Array[] } {
  const whole = new Uint8Array(config.streamBytes);
  let x = 0x9e3779b9;
  const words = new Uint32Array(whole.buffer);
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < whole.length; at += config.chunkBytes) chunks.push(whole.subarray(at, at + config.chunkBytes));
  return { whole, chunks };
}

// spec BENCH-012 (stream-write, stream-read, stream-roundtrip, memory-bandwidth), BENCH-015 (single-write, multipart-upload).
/** The big-file workloads (times; MB/s is derived from `bytes`). */
export function streamSpecs(config: BenchConfig): WorkloadSpec[] {
  const size = `${config.streamBytes / MiB} MiB`;
  const chunk = `${config.chunkBytes / MiB} MiB`;
  const parts = `${config.partBytes / MiB} MiB`;
  const multipart = `${config.multipartBytes / MiB} MiB`;
  return [
    { id: "stream-write", family, title: `stream-write a ${size} file as ${chunk} chunks`, unit: "ms", count: 1, per: "file", bytes: config.streamBytes },
    { id: "stream-read", family, title: `stream-read it back`, unit: "ms", count: 1, per: "file", bytes: config.streamBytes },
    { id: "stream-roundtrip", family, title: `${size} write + read round trip`, unit: "ms", count: 1, per: "file", bytes: config.streamBytes },
    { id: "memory-bandwidth", family, title: `Buffer.concat of the same ${size} (memory-bandwidth limit)`, unit: "ms", count: 1, per: "copy", bytes: config.streamBytes },
    { id: "single-write", family, title: `write ${multipart} in one call`, unit: "ms", count: 1, per: "file", bytes: config.multipartBytes },
    { id: "multipart-upload", family, title: `multipart upload of ${multipart} in ${parts} parts`, unit: "ms", count: 1, per: "file", bytes: config.multipartBytes },
  ];
}

/** Chunks of the settling run: enough for the stream code paths to be optimised again. */
const SETTLE_CHUNKS = 16;

// spec BENCH-004: a forced GC before each big-file session, then an untimed settling run of 16 chunks.
/**
 * Writes the chunks as one file and reads it back in 1 MiB pieces. Before timing, the session
 * settles: a full GC clears the previous session's memory, and a small untimed write and read
 * runs the code paths again (a forced GC may discard optimised code).
 */
export async function runStream(system: SystemAdapter, chunks: readonly Uint8Array[], config: BenchConfig, recorder: Recorder, record: boolean): Promise<void> {
  collectGarbage();
  const session = await system.open();
  try {
    const warm = system.path("warm/file.bin");
    await session.writeChunked(warm, chunks.slice(0, SETTLE_CHUNKS));
    await session.readChunked(warm, config.chunkBytes);
    const path = system.path("big/file.bin");
    const write = await timeMs(() => session.writeChunked(path, chunks));
    let seen = 0;
    const read = await timeMs(async () => (seen = await session.readChunked(path, config.chunkBytes)));
    expectEqual(system.id, "stream read", seen, config.streamBytes);
    if (record) {
      recorder.add("stream-write", system.id, write);
      recorder.add("stream-read", system.id, read);
      recorder.add("stream-roundtrip", system.id, write + read);
    }
  } finally {
    await session.close();
  }
}

/**
 * The floor of a streamed write: the chunks read from a `ReadableStream` into one array allocated
 * in advance at the total size — which no store can know — copying each chunk once.
 */
async function streamIntoArray(chunks: readonly Uint8Array[], total: number): Promise<number> {
  const out = new Uint8Array(total);
  const reader = chunkStream(chunks).getReader();
  let at = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    out.set(next.value, at);
    at += next.value.length;
  }
  return at;
}

// spec BENCH-012: the two floors, Buffer.concat (memory bandwidth) and a stream read into one array.
/**
 * The limits of the big-file workloads, settled like the others: one `Buffer.concat` copy of the
 * chunks (memory bandwidth), and the same chunks read from a stream into one array (streaming floor).
 */
export async function runBandwidth(chunks: readonly Uint8Array[], config: BenchConfig, recorder: Recorder, record: boolean): Promise<void> {
  collectGarbage();
  Buffer.concat(chunks.slice(0, SETTLE_CHUNKS));
  let copied = 0;
  const ms = await timeMs(async () => {
    copied = Buffer.concat(chunks, config.streamBytes).length;
  });
  expectEqual("buffer-concat", "copy", copied, config.streamBytes);
  if (record) recorder.add("memory-bandwidth", "buffer-concat", ms);

  collectGarbage();
  await streamIntoArray(chunks.slice(0, SETTLE_CHUNKS), SETTLE_CHUNKS * config.chunkBytes);
  const streamed = await timeMs(async () => (copied = await streamIntoArray(chunks, config.streamBytes)));
  expectEqual("stream-into-array", "copy", copied, config.streamBytes);
  if (record) recorder.add("stream-write", "stream-into-array", streamed);
}

/** Uploads `source` in parts of `partBytes` and completes the upload. */
async function multipartUpload(store: Store, path: string, source: Uint8Array, partBytes: number): Promise<void> {
  const upload = await store.startMultipartUpload(path);
  for (let at = 0, part = 1; at < source.length; at += partBytes, part++) {
    await upload.uploadPart(part, source.subarray(at, at + partBytes));
  }
  await upload.complete();
}

/** One `write` of the whole buffer, then a multipart upload of the same bytes (issue 5), each settled first. */
export async function runMultipart(whole: Uint8Array, config: BenchConfig, recorder: Recorder, record: boolean): Promise<void> {
  const source = whole.subarray(0, config.multipartBytes);
  const small = whole.subarray(0, Math.min(source.length, SETTLE_CHUNKS * config.chunkBytes));
  {
    collectGarbage();
    const store = new Store({ backend: new MemoryBackend() });
    await store.write("warm.bin", small);
    const single = await timeMs(() => store.write("single.bin", source));
    expectEqual("remote-store", "single write size", (await store.getFileInfo("single.bin")).size, config.multipartBytes);
    await store.close();
    if (record) recorder.add("single-write", "remote-store", single);
  }
  {
    collectGarbage();
    const store = new Store({ backend: new MemoryBackend() });
    await multipartUpload(store, "warm.bin", small, config.partBytes);
    const ms = await timeMs(() => multipartUpload(store, "multipart.bin", source, config.partBytes));
    expectEqual("remote-store", "multipart size", (await store.getFileInfo("multipart.bin")).size, config.multipartBytes);
    await store.close();
    if (record) recorder.add("multipart-upload", "remote-store", ms);
  }
}
