import { describe, expect, it } from "vitest";
import { MemoryBackend, Store } from "../../src/index.js";
import { expectCode, expectTypeError } from "../errors/expect-code.js";
import { snapshotTree } from "./support/snapshot.js";

const utf8 = new TextEncoder();

function streamOf(...chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

async function* asyncChunks(...chunks: Array<Uint8Array | string>): AsyncGenerator<Uint8Array | string> {
  for (const chunk of chunks) yield chunk;
}

function* syncChunks(...chunks: Array<Uint8Array | string>): Generator<Uint8Array | string> {
  yield* chunks;
}

function fresh(): { backend: MemoryBackend; store: Store } {
  const backend = new MemoryBackend();
  return { backend, store: new Store({ backend }) };
}

describe("Store content conversion", () => {
  const backing = new Uint8Array([0, 104, 105, 0]);
  const cases: ReadonlyArray<readonly [string, () => unknown, string]> = [
    ["Uint8Array", () => utf8.encode("hi"), "hi"],
    ["Uint8Array view with an offset", () => backing.subarray(1, 3), "hi"],
    ["DataView", () => new DataView(backing.buffer, 1, 2), "hi"],
    ["Uint16Array (any ArrayBufferView)", () => new Uint16Array(new Uint8Array([104, 105]).buffer), "hi"],
    ["ArrayBuffer", () => utf8.encode("hi").buffer, "hi"],
    ["string (UTF-8)", () => "héllo 😀", "héllo 😀"],
    ["empty string", () => "", ""],
    ["Blob", () => new Blob(["h", utf8.encode("i")]), "hi"],
    ["ReadableStream", () => streamOf(utf8.encode("h"), utf8.encode("i")), "hi"],
    ["empty ReadableStream", () => streamOf(), ""],
    ["async generator of mixed chunks", () => asyncChunks("h", utf8.encode("é"), ""), "hé"],
    ["sync iterable (array) of strings", () => ["a", "b", "c"], "abc"],
    ["sync generator of mixed chunks", () => syncChunks(utf8.encode("x"), "y"), "xy"],
    ["Set of strings (any iterable)", () => new Set(["s", "t"]), "st"],
  ];

  it.each(cases)("ST-030 accepts %s", async (_name, make, expected) => {
    const { store } = fresh();
    const result = await store.write("f.bin", make() as never);
    expect(await store.readText("f.bin")).toBe(expected);
    expect(result.size).toBe(utf8.encode(expected).length);
    await store.writeAtomic("g.bin", make() as never);
    expect(await store.readText("g.bin")).toBe(expected);
  });

  it("ST-030 a Blob's non-empty type becomes the content type; an empty one falls back to the extension", async () => {
    const { store } = fresh();
    expect((await store.write("a.bin", new Blob(["x"], { type: "image/png" }))).contentType).toBe("image/png");
    expect((await store.write("b.json", new Blob(["{}"]))).contentType).toBe("application/json");
    expect((await store.getFileInfo("a.bin")).contentType).toBe("image/png");
  });

  it.each([[42], [null], [undefined], [true], [{ a: 1 }], [Symbol("x")], [() => "x"]])("ST-030 content %s is a TypeError naming content, nothing written", async (content) => {
    const { store, backend } = fresh();
    await expectTypeError(store.write("dir/f", content as never), "content");
    await expectTypeError(store.writeAtomic("dir/f", content as never), "content");
    expect(await store.exists("dir")).toBe(false);
    expect(backend.usedBytes).toBe(0);
  });

  it.each([
    ["array", () => ["ok", 5]],
    ["async generator", () => asyncChunks("ok", { not: "bytes" } as never)],
    ["ReadableStream", () => new ReadableStream({ start: (c) => { c.enqueue(utf8.encode("ok")); c.enqueue("str-is-ok"); c.enqueue(7); c.close(); } })],
    ["array with an ArrayBuffer chunk", () => [new ArrayBuffer(2)]],
  ])("ST-030 a chunk of a wrong type in a %s fails the write with a TypeError and nothing is written", async (_name, make) => {
    const { store, backend } = fresh();
    await store.write("keep.txt", "kept");
    const before = await snapshotTree(backend);
    await expectTypeError(store.write("new/dir/f", make() as never), "content");
    await expectTypeError(store.write("keep.txt", make() as never, { overwrite: true }), "content");
    expect(await snapshotTree(backend)).toEqual(before);
  });

  it("ST-032 a failing source propagates its own error and leaves the previous state", async () => {
    const { store, backend } = fresh();
    await store.write("f.txt", "previous");
    const before = await snapshotTree(backend);
    const boom = new Error("disk on fire");
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield utf8.encode("partial");
      throw boom;
    }
    const erroring = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(utf8.encode("partial"));
        controller.error(boom);
      },
    });
    await expect(store.write("f.txt", failing(), { overwrite: true })).rejects.toBe(boom);
    await expect(store.write("new/dir/g.txt", failing())).rejects.toBe(boom);
    await expect(store.writeAtomic("new/h.txt", erroring)).rejects.toBe(boom);
    expect(await snapshotTree(backend)).toEqual(before);
    expect(backend.usedBytes).toBe(8);
  });

  it("ST-032 a write rejected by the backend (AlreadyExists, a file in the way) leaves no trace", async () => {
    const { store, backend } = fresh();
    await store.write("f", "x");
    const before = await snapshotTree(backend);
    await expectCode(store.write("f", ["a", "b"]), "ALREADY_EXISTS", "f");
    await expectCode(store.write("f/deeper/g", "y"), "INVALID_PATH", "f/deeper/g");
    expect(await snapshotTree(backend)).toEqual(before);
  });
});
