import { describe, expect, it } from "vitest";
import { copyInto } from "../../../src/backends/memory/file-content.js";
import type { FileContent } from "../../../src/backends/memory/nodes.js";
import { DEFAULT_RECEIVE_LAYOUT, drainContent, type GrowableBuffer, type ReceiveLayout } from "../../../src/backends/memory/stream-receiver.js";
import { MemoryBackend, Store } from "../../../src/index.js";
import { concat } from "../../../src/testing/conformance/support/content.js";
import { expectCode } from "../../errors/expect-code.js";

/** A small layout, so thresholds are crossed with a few bytes. */
const SMALL: ReceiveLayout = { ...DEFAULT_RECEIVE_LAYOUT, separateUpTo: 8, firstCapacity: 16, growthStepMax: 32, segmentMax: 64 };

/** Chunks of the given sizes, each filled with a running byte pattern so order and offsets show. */
function patternChunks(sizes: readonly number[]): Uint8Array[] {
  let next = 0;
  return sizes.map((size) => {
    const chunk = new Uint8Array(size);
    for (let i = 0; i < size; i++) chunk[i] = (next++ * 7) >>> 3;
    return chunk;
  });
}

/** The first index where `a` and `b` differ (a length difference counts), or -1: fast on megabytes, unlike `toEqual`. */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const shorter = Math.min(a.length, b.length);
  for (let i = 0; i < shorter; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : shorter;
}

async function* source(chunks: readonly Uint8Array[]): AsyncGenerator<Uint8Array> {
  yield* chunks;
}

function piecesOf(content: FileContent): readonly Uint8Array[] {
  return content instanceof Uint8Array ? [content] : content;
}

const isResizable = (bytes: Uint8Array): boolean => (bytes.buffer as { resizable?: boolean }).resizable === true;

async function drain(chunks: readonly Uint8Array[], layout: ReceiveLayout): Promise<{ pieces: readonly Uint8Array[]; size: number }> {
  const { content, size } = await drainContent(source(chunks), () => undefined, layout);
  return { pieces: piecesOf(content), size };
}

describe("MemoryBackend streamed-write layout (MEM-006)", () => {
  it("MEM-006 up to the threshold every chunk is a copy of its own, in a plain ArrayBuffer", async () => {
    const chunks = patternChunks([3, 5]);
    const { pieces, size } = await drain(chunks, SMALL);
    expect(size).toBe(8);
    expect(pieces.map((p) => p.length)).toEqual([3, 5]);
    expect(pieces.some(isResizable)).toBe(false);
    expect(pieces.every((p, i) => p.buffer !== chunks[i]?.buffer)).toBe(true);
    expect(concat(pieces)).toEqual(concat(chunks));
  });

  it("MEM-006 past the threshold the rest grows one buffer, shrunk in place to its contents", async () => {
    const chunks = patternChunks([5, 5, 5, 5, 5, 5, 5, 5, 5, 5]);
    const { pieces, size } = await drain(chunks, SMALL);
    expect(size).toBe(50);
    expect(pieces.map((p) => p.length)).toEqual([5, 45]);
    const grown = pieces[1] as Uint8Array;
    expect(isResizable(grown)).toBe(true);
    expect(grown.buffer.byteLength).toBe(45);
    expect(grown.byteOffset).toBe(0);
    expect(concat(pieces)).toEqual(concat(chunks));
  });

  it("MEM-006 a stream longer than the largest buffer goes on in a new one", async () => {
    const chunks = patternChunks(Array.from({ length: 10 }, () => 20));
    const { pieces } = await drain(chunks, SMALL);
    expect(pieces.map((p) => p.length)).toEqual([60, 60, 60, 20]);
    expect(pieces.every((p) => p.buffer.byteLength === p.length)).toBe(true);
    expect(concat(pieces)).toEqual(concat(chunks));
  });

  it("MEM-006 a chunk larger than the largest buffer is kept as a copy of its own, between buffers", async () => {
    const chunks = patternChunks([10, 100, 10]);
    const { pieces } = await drain(chunks, SMALL);
    expect(pieces.map((p) => p.length)).toEqual([10, 100, 10]);
    expect(pieces.map(isResizable)).toEqual([true, false, true]);
    expect(concat(pieces)).toEqual(concat(chunks));
  });

  it("MEM-006 without growable buffers the write goes on chunk by chunk, same content", async () => {
    const chunks = patternChunks([4, 6, 7, 9, 30]);
    const { pieces } = await drain(chunks, { ...SMALL, newGrowable: () => undefined });
    expect(pieces.map((p) => p.length)).toEqual([4, 6, 7, 9, 30]);
    expect(pieces.some(isResizable)).toBe(false);
    expect(concat(pieces)).toEqual(concat(chunks));
  });

  it("MEM-006 when a growth is refused, the filled part is kept and the rest goes chunk by chunk", async () => {
    // A real resizable buffer that may grow to 20 bytes only: the next growth throws a RangeError.
    const cramped = (byteLength: number): GrowableBuffer =>
      new (ArrayBuffer as unknown as new (n: number, o: { maxByteLength: number }) => GrowableBuffer)(byteLength, { maxByteLength: 20 });
    const chunks = patternChunks([9, 9, 9, 9]);
    const { pieces } = await drain(chunks, { ...SMALL, firstCapacity: 9, newGrowable: cramped });
    expect(pieces.map((p) => p.length)).toEqual([18, 9, 9]);
    expect(pieces.map(isResizable)).toEqual([true, false, false]);
    expect(concat(pieces)).toEqual(concat(chunks));
  });

  it("MEM-006 every byte is copied: changing the chunks afterwards changes nothing stored", async () => {
    const chunks = patternChunks([6, 6, 6, 6]);
    const expected = concat(chunks);
    const { pieces } = await drain(chunks, SMALL);
    for (const chunk of chunks) chunk.fill(0xee);
    expect(concat(pieces)).toEqual(expected);
  });

  it("MEM-006 an empty stream, or one of empty chunks, stores an empty file", async () => {
    const { pieces, size } = await drain([new Uint8Array(0), new Uint8Array(0)], SMALL);
    expect(size).toBe(0);
    expect(pieces.map((p) => p.length)).toEqual([0]);
  });

  it("MEM-006 a 12 MiB stream through the Store: four arrays of their own plus one grown buffer; reads are exact plain copies", async () => {
    const mib = 1 << 20;
    const chunks = patternChunks(Array.from({ length: 12 }, () => mib));
    const whole = concat(chunks);
    const store = new Store({ backend: new MemoryBackend() });
    expect((await store.write("big.bin", source(chunks))).size).toBe(12 * mib);
    const back = await store.readBytes("big.bin");
    expect(isResizable(back)).toBe(false);
    expect(firstDifference(back, whole)).toBe(-1);
    // A range across the boundary between the separate chunks and the grown buffer.
    const across = await store.readBytes("big.bin", { offset: 4 * mib - 10, length: 20 });
    expect(across).toEqual(whole.subarray(4 * mib - 10, 4 * mib + 10));
    const streamed: Uint8Array[] = [];
    const reader = (await store.read("big.bin", { offset: 3 * mib + 1 })).getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) streamed.push(next.value);
    expect(streamed.some(isResizable)).toBe(false);
    expect(firstDifference(concat(streamed), whole.subarray(3 * mib + 1))).toBe(-1);
  });

  it("MEM-006 MEM-010 a stream over quota after the threshold is abandoned: nothing stored, usedBytes unchanged", async () => {
    const mib = 1 << 20;
    const backend = new MemoryBackend({ maxSize: 6 * mib });
    const store = new Store({ backend });
    await store.write("kept.bin", new Uint8Array(10));
    await expectCode(store.write("big.bin", source(patternChunks(Array.from({ length: 8 }, () => mib)))), "QUOTA_EXCEEDED", "big.bin");
    expect(backend.usedBytes).toBe(10);
    expect(await store.exists("big.bin")).toBe(false);
  });
});

describe("copyInto (MEM-004)", () => {
  it("MEM-004 a copy larger than one piece lands exactly at the offset, across piece boundaries", () => {
    const mib = 1 << 20;
    const bytes = patternChunks([2 * mib + mib / 2 + 3])[0] as Uint8Array;
    const target = new Uint8Array(bytes.length + 7).fill(0xaa);
    copyInto(target, bytes, 5);
    expect(target.subarray(0, 5)).toEqual(new Uint8Array(5).fill(0xaa));
    expect(firstDifference(target.subarray(5, 5 + bytes.length), bytes)).toBe(-1);
    expect(target.subarray(5 + bytes.length)).toEqual(new Uint8Array(2).fill(0xaa));
  });
});
