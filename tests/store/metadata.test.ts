import { describe, expect, it } from "vitest";
import { MAX_METADATA_BYTES, MemoryBackend, Store } from "../../src/index.js";
import { expectRangeError, expectTypeError } from "../errors/expect-code.js";
import { snapshotTree } from "./support/snapshot.js";

function fresh(): { backend: MemoryBackend; store: Store } {
  const backend = new MemoryBackend();
  return { backend, store: new Store({ backend }) };
}

describe("Store metadata", () => {
  it("ST-040 string values under printable-ASCII keys are stored and reported everywhere", async () => {
    const { store } = fresh();
    const metadata = { author: "Zoë", "x-tag": "a b", "Key With Spaces~!": "" };
    expect((await store.write("d/f", "x", { metadata })).metadata).toEqual(metadata);
    expect((await store.getFileInfo("d/f")).metadata).toEqual(metadata);
    expect((await store.listFiles("d").toArray())[0]?.metadata).toEqual(metadata);
    expect((await store.iterChildren("d").toArray())[0]).toMatchObject({ metadata });
    expect((await store.glob("d/*").toArray())[0]?.metadata).toEqual(metadata);
  });

  it.each([
    ["a string", "k=v"],
    ["null", null],
    ["an array", [["k", "v"]]],
    ["a number value", { k: 1 }],
    ["a null value", { k: null }],
    ["an object value", { k: { nested: "x" } }],
    ["an empty key", { "": "v" }],
    ["a key starting with _", { _private: "v" }],
    ["a non-ASCII key", { "clé": "v" }],
    ["a key with a control character", { "a\nb": "v" }],
  ])("ST-040 metadata that is %s is a TypeError naming metadata, before any change", async (_name, metadata) => {
    const { store, backend } = fresh();
    await store.write("f", "old", { metadata: { keep: "me" } });
    const before = await snapshotTree(backend);
    await expectTypeError(store.write("f", "new", { overwrite: true, metadata: metadata as never }), "metadata");
    await expectTypeError(store.write("new/g", "new", { metadata: metadata as never }), "metadata");
    expect(await snapshotTree(backend)).toEqual(before);
  });

  it("ST-041 key lengths plus UTF-8 value lengths may total exactly 2048 bytes, not more", async () => {
    const { store, backend } = fresh();
    expect(MAX_METADATA_BYTES).toBe(2048);
    const exact = { k: "é".repeat(1023) + "x" }; // 1 + 2046 + 1
    expect((await store.write("ok", "x", { metadata: exact })).metadata).toEqual(exact);
    const before = await snapshotTree(backend);
    await expectRangeError(store.write("over", "x", { metadata: { k: "é".repeat(1023) + "xy" } }));
    await expectRangeError(store.write("ok", "x", { overwrite: true, metadata: { ab: "x".repeat(2047) } }));
    expect(await snapshotTree(backend)).toEqual(before);
  });

  it("ST-042 metadata is copied in: mutating the object passed in changes nothing stored", async () => {
    const { store } = fresh();
    const metadata: Record<string, string> = { a: "1" };
    await store.write("f", "x", { metadata });
    metadata.a = "changed";
    metadata.b = "added";
    expect((await store.getFileInfo("f")).metadata).toEqual({ a: "1" });
  });

  it("ST-042 metadata is copied out: returned objects are frozen and distinct", async () => {
    const { store } = fresh();
    const written = await store.write("f", "x", { metadata: { a: "1" } });
    const info = await store.getFileInfo("f");
    const again = await store.getFileInfo("f");
    for (const m of [written.metadata, info.metadata]) {
      expect(Object.isFrozen(m)).toBe(true);
      expect(() => { (m as Record<string, string>).a = "x"; }).toThrow(TypeError);
    }
    expect(info.metadata).not.toBe(again.metadata);
    expect((await store.getFileInfo("f")).metadata).toEqual({ a: "1" });
  });

  it("ST-042 {} is stored as no metadata; absent metadata is undefined, never {}", async () => {
    const { store } = fresh();
    await store.write("empty", "x", { metadata: {} });
    await store.write("none", "x");
    for (const path of ["empty", "none"]) {
      const info = await store.getFileInfo(path);
      expect(info.metadata).toBeUndefined();
      expect("metadata" in info).toBe(false);
    }
    expect((await store.write("e2", "x", { metadata: {} })).metadata).toBeUndefined();
  });

  it("ST-044 an overwrite replaces the metadata, with none when none is given", async () => {
    const { store } = fresh();
    await store.write("f", "x", { metadata: { a: "1", b: "2" } });
    await store.write("f", "y", { overwrite: true, metadata: { c: "3" } });
    expect((await store.getFileInfo("f")).metadata).toEqual({ c: "3" });
    await store.write("f", "z", { overwrite: true });
    expect((await store.getFileInfo("f")).metadata).toBeUndefined();
  });

  it("ST-042 copy and move keep metadata", async () => {
    const { store } = fresh();
    await store.write("f", "x", { metadata: { a: "1" } });
    await store.copy("f", "g");
    await store.move("f", "h");
    expect((await store.getFileInfo("g")).metadata).toEqual({ a: "1" });
    expect((await store.getFileInfo("h")).metadata).toEqual({ a: "1" });
  });
});
