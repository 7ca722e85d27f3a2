import { describe, expect, it } from "vitest";
import { MemoryBackend, NotFound, Store, type FileInfo } from "../../src/index.js";
import { capture, expectCode, expectRangeError, expectSyncCode, expectTypeError } from "../errors/expect-code.js";
import { ForwardingBackend, capabilitiesWithout } from "./support/forwarding-backend.js";
import { snapshotTree } from "./support/snapshot.js";

async function seeded(capabilities = capabilitiesWithout()): Promise<{ store: Store; backend: ForwardingBackend }> {
  const backend = new ForwardingBackend({ capabilities });
  await backend.inner.write("root/f.txt", new TextEncoder().encode("content"), { overwrite: false, contentType: "text/plain", metadata: { k: "v" } });
  await backend.inner.write("root/d/g.txt", new Uint8Array(3), { overwrite: false, contentType: "text/plain", metadata: undefined });
  return { store: new Store({ backend, rootPath: "root" }), backend };
}

describe("Store call order and error reporting", () => {
  it("ST-005 every Promise-returning method rejects instead of throwing synchronously", async () => {
    const { store } = await seeded();
    const bad = 1 as never;
    const calls: Array<() => Promise<unknown>> = [
      () => store.exists(bad), () => store.isFile(bad), () => store.isFolder(bad),
      () => store.read(bad), () => store.read("f.txt", bad), () => store.readBytes("f.txt", { offset: -1 }),
      () => store.readText("f.txt", { encoding: "no-such-encoding" }), () => store.readText("f.txt", bad),
      () => store.write("..", "x"), () => store.write("a", bad), () => store.writeText("a", bad), () => store.writeAtomic("a", "x", bad),
      () => store.delete(""), () => store.deleteFolder(""), () => store.getFileInfo("missing"), () => store.getFolderInfo("f.txt"),
      () => store.move("missing", "x"), () => store.copy("f.txt", bad), () => store.url(""),
    ];
    for (const call of calls) expect((await capture(call)).synchronous).toBe(false);
    await store.close();
    for (const call of calls) expect((await capture(call)).synchronous).toBe(false);
  });

  it("ST-006 listing methods throw synchronously for bad paths and options", async () => {
    const { store, backend } = await seeded();
    await expectSyncCode(() => store.listFiles("a/../b"), "INVALID_PATH", "a/../b");
    await expectSyncCode(() => store.listFolders("a\0"), "INVALID_PATH", "a\\0");
    await expectSyncCode(() => store.iterChildren(".."), "INVALID_PATH", "..");
    await expectSyncCode(() => store.glob("../*"), "INVALID_PATH", "../*");
    expect((await capture(() => store.listFiles("", { maxDepth: -1 }))).synchronous).toBe(true);
    expect((await capture(() => store.listFolders("", { recursive: "yes" as never }))).synchronous).toBe(true);
    expect((await capture(() => store.listFiles(7 as never))).synchronous).toBe(true);
    expect(backend.calls).toEqual([]);
  });

  it("ST-006 backend errors surface during iteration, not at call time", async () => {
    const backend = new ForwardingBackend();
    backend.listFiles = () => ({
      [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new NotFound('gone: "root/x"', { path: "root/x", backend: "forwarding" })) }),
    });
    const store = new Store({ backend, rootPath: "root" });
    const listing = store.listFiles("x");
    await expectCode(listing.toArray(), "NOT_FOUND", "x");
  });

  it("ST-006 a Listing is an AsyncIterable with toArray, and each iteration runs the listing anew", async () => {
    const { store, backend } = await seeded();
    const listing = store.listFiles("", { recursive: true });
    expect(typeof listing[Symbol.asyncIterator]).toBe("function");
    const first = await listing.toArray();
    await store.write("new.txt", "n");
    const second: FileInfo[] = [];
    for await (const file of listing) second.push(file);
    expect(first.map((f) => f.path)).toEqual(["d/g.txt", "f.txt"]);
    expect(second.map((f) => f.path)).toEqual(["d/g.txt", "f.txt", "new.txt"]);
    expect(backend.callsOf("listFiles")).toHaveLength(2);
  });

  it("ST-007 a closed store outranks a missing capability", async () => {
    const { store } = await seeded(capabilitiesWithout("read", "list"));
    await store.close();
    await expectCode(store.readBytes("f.txt"), "BACKEND_UNAVAILABLE", undefined);
    await expectSyncCode(() => store.listFiles(), "BACKEND_UNAVAILABLE", undefined);
  });

  it("ST-007 the capability gate outranks bad options and paths", async () => {
    const { store } = await seeded(capabilitiesWithout("read", "list", "write", "delete"));
    await expectCode(store.readBytes("..", { offset: -1 }), "CAPABILITY_NOT_SUPPORTED", undefined);
    await expectSyncCode(() => store.listFiles("..", { maxDepth: -1 }), "CAPABILITY_NOT_SUPPORTED", undefined);
    await expectCode(store.write("..", 5 as never, { overwrite: "x" as never }), "CAPABILITY_NOT_SUPPORTED", undefined);
    await expectCode(store.delete("", { missingOk: 1 as never }), "CAPABILITY_NOT_SUPPORTED", undefined);
  });

  it("ST-007 option types and values outrank paths; paths outrank content", async () => {
    const { store } = await seeded();
    await expectRangeError(store.readBytes("..", { offset: -1 }));
    await expectTypeError(store.write("..", "x", { overwrite: "yes" as never }), "overwrite");
    await expectRangeError(() => store.listFiles("\0", { maxDepth: 1.5 }));
    await expectCode(store.write("..", 42 as never), "INVALID_PATH", "..");
    await expectCode(store.write("", 42 as never), "INVALID_PATH", "");
  });

  it("ST-007 content outranks the userMetadata gate, which outranks the backend call", async () => {
    const { store, backend } = await seeded(capabilitiesWithout("userMetadata"));
    backend.calls.length = 0;
    await expectTypeError(store.write("f.txt", 42 as never, { metadata: { k: "v" } }), "content");
    const error = await expectCode(store.write("f.txt", "x", { metadata: { k: "v" } }), "CAPABILITY_NOT_SUPPORTED", undefined);
    expect(error).toMatchObject({ capability: "userMetadata" });
    expect(backend.calls).toEqual([]);
  });

  // ST-007 puts the content check (a non-string `text`) after the closed-store check and the path.
  it("ST-007 writeText: closed store and bad path outrank a non-string text", async () => {
    const { store } = await seeded();
    await expectCode(store.writeText("..", 42 as never), "INVALID_PATH", "..");
    await store.close();
    await expectCode(store.writeText("a", 42 as never), "BACKEND_UNAVAILABLE", undefined);
  });

  // ST-007 puts the closed-store check and the capability gate before the options (a bad encoding).
  it("ST-007 readText: closed store and capability gate outrank a bad encoding", async () => {
    const { store } = await seeded(capabilitiesWithout("read"));
    await expectCode(store.readText("f.txt", { encoding: "no-such-encoding" }), "CAPABILITY_NOT_SUPPORTED", undefined);
    await store.close();
    await expectCode(store.readText("f.txt", { encoding: "no-such-encoding" }), "BACKEND_UNAVAILABLE", undefined);
  });

  it.each([
    ["path", (s: Store) => s.write(5 as never, "x")],
    ["content", (s: Store) => s.write("a", 5 as never)],
    ["content", (s: Store) => s.write("a", { not: "content" } as never)],
    ["content", (s: Store) => s.writeAtomic("a", null as never)],
    ["text", (s: Store) => s.writeText("a", new Uint8Array(1) as never)],
    ["metadata", (s: Store) => s.write("a", "x", { metadata: "k=v" as never })],
    ["metadata", (s: Store) => s.write("a", "x", { metadata: { k: 1 } as never })],
    ["overwrite", (s: Store) => s.write("a", "x", { overwrite: 1 as never })],
    ["contentType", (s: Store) => s.write("a", "x", { contentType: 5 as never })],
    ["options", (s: Store) => s.write("a", "x", 5 as never)],
    ["offset", (s: Store) => s.readBytes("f.txt", { offset: "1" as never })],
    ["length", (s: Store) => s.read("f.txt", { length: null as never })],
    ["encoding", (s: Store) => s.readText("f.txt", { encoding: 8 as never })],
    ["missingOk", (s: Store) => s.delete("f.txt", { missingOk: "yes" as never })],
    ["recursive", (s: Store) => s.deleteFolder("d", { recursive: 1 as never })],
    ["overwrite", (s: Store) => s.move("f.txt", "m", { overwrite: "no" as never })],
    ["overwrite", (s: Store) => s.copy("f.txt", "m", { overwrite: 0 as never })],
    ["maxDepth", (s: Store) => s.listFiles("", { maxDepth: "2" as never })],
    ["recursive", (s: Store) => s.listFolders("", { recursive: "yes" as never })],
    ["src", (s: Store) => s.move(null as never, "x")],
    ["dst", (s: Store) => s.copy("f.txt", undefined as never)],
  ] as const)("Bad input: a wrong %s type is a TypeError naming it, and nothing changes", async (argument, call) => {
    const { store, backend } = await seeded();
    const before = await snapshotTree(backend.inner);
    backend.calls.length = 0;
    await expectTypeError(() => call(store), argument);
    expect(backend.calls).toEqual([]);
    expect(await snapshotTree(backend.inner)).toEqual(before);
  });

  it.each([
    ["metadata with a number value", (s: Store) => s.write("f.txt", "x", { overwrite: true, metadata: { k: 1 } as never }), "type"],
    ["metadata with a nested object", (s: Store) => s.write("new/f", "x", { metadata: { k: { v: "1" } } as never }), "type"],
    ["metadata over 2 KiB", (s: Store) => s.write("f.txt", "x", { overwrite: true, metadata: { k: "v".repeat(2048) } }), "range"],
    ["negative maxDepth", (s: Store) => s.listFiles("", { maxDepth: -1 }), "range"],
    ["negative offset", (s: Store) => s.readBytes("f.txt", { offset: -1 }), "range"],
    ["negative length", (s: Store) => s.read("f.txt", { length: -5 }), "range"],
    ["fractional maxDepth", (s: Store) => s.listFolders("", { maxDepth: 0.5 }), "range"],
  ] as const)("Bad input: %s fails before any change or backend call", async (_name, call, kind) => {
    const { store, backend } = await seeded();
    const before = await snapshotTree(backend.inner);
    backend.calls.length = 0;
    const { error } = await capture(() => call(store));
    expect(error).toBeInstanceOf(kind === "type" ? TypeError : RangeError);
    expect(backend.calls).toEqual([]);
    expect(await snapshotTree(backend.inner)).toEqual(before);
  });

  it("Bad input: a MemoryBackend store rejects bad input without creating anything", async () => {
    const backend = new MemoryBackend();
    const store = new Store({ backend });
    await expectTypeError(store.write("a/b/c", "x", { metadata: { _hidden: "x" } }), "metadata");
    await expectTypeError(store.write("a/b/c", [new Uint8Array(1), 5] as never), "content");
    expect(await store.exists("a")).toBe(false);
    expect(backend.usedBytes).toBe(0);
  });
});
