import { describe, expect, it } from "vitest";
import { capabilitySet, MemoryBackend, snapshotIterable, Store, SyncStore, type Backend, type FileInfo, type SyncBackend } from "../../src/index.js";

/** A read-only backend over one fixed, frozen FileInfo (returned as the same object each time). */
function fixedBackend(options: { fresh: boolean }): { backend: Backend; info: FileInfo } {
  const info: FileInfo = Object.freeze({ kind: "file", path: "a.txt", name: "a.txt", size: 1, modifiedAt: new Date(0), contentType: "text/plain" });
  const backend: Backend = {
    name: "fixed",
    capabilities: capabilitySet(["metadata", "list"]),
    ...(options.fresh ? { freshResults: true } : {}),
    kindOf: async (path) => (path === "a.txt" ? "file" : path === "" ? "folder" : undefined),
    close: async () => undefined,
    getFileInfo: async () => info,
    listFiles: () => snapshotIterable(() => [info]),
  };
  return { backend, info };
}

describe("the Backend contract, as the Store relies on it", () => {
  it("BE-011 at the root of a freshResults backend the Store hands out the backend's objects as they are; otherwise, and below a root, copies", async () => {
    const fresh = fixedBackend({ fresh: true });
    expect(await new Store({ backend: fresh.backend }).getFileInfo("a.txt")).toBe(fresh.info);
    const plain = fixedBackend({ fresh: false });
    const copied = await new Store({ backend: plain.backend }).getFileInfo("a.txt");
    expect(copied).not.toBe(plain.info);
    expect(copied).toEqual(plain.info);
    expect(copied.modifiedAt).not.toBe(plain.info.modifiedAt);
  });

  it("BE-012 a snapshot listing is computed once, when iteration starts; a plain async iterable is read as it goes", async () => {
    let computed = 0;
    let items: FileInfo[] = [];
    const make = (path: string): FileInfo => Object.freeze({ kind: "file", path, name: path, size: 0, modifiedAt: new Date(0) });
    const backend: Backend = {
      name: "snap",
      capabilities: capabilitySet(["list"]),
      kindOf: async () => "folder",
      close: async () => undefined,
      listFiles: (path) =>
        path === "paged"
          ? (async function* () {
              yield make("paged/1");
              yield make("paged/2");
            })()
          : snapshotIterable(() => (computed++, [...items])),
    };
    const store = new Store({ backend });
    items = [make("x"), make("y")];
    const listing = store.listFiles("");
    expect(computed).toBe(0);
    const iterator = listing[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toMatchObject({ path: "x" });
    items = [];
    expect((await iterator.next()).value).toMatchObject({ path: "y" });
    expect((await iterator.next()).done).toBe(true);
    expect(computed).toBe(1);
    expect((await store.listFiles("paged").toArray()).map((f) => f.path)).toEqual(["paged/1", "paged/2"]);
  });

  it("BE-022 SYNC-001 SyncStore works on any backend with a synchronous face, not only MemoryBackend", () => {
    const memory = new MemoryBackend();
    const face: SyncBackend = memory.sync;
    const other = { name: "other", capabilities: memory.capabilities, kindOf: (p: string) => memory.kindOf(p), close: () => memory.close(), sync: face };
    const sync = new SyncStore({ backend: other });
    sync.writeText("a/b.txt", "hi");
    expect(sync.readText("a/b.txt")).toBe("hi");
    expect(memory.sync.isFile("a/b.txt")).toBe(true);
    expect(() => new SyncStore({ backend: { ...other, sync: undefined } as never })).toThrow(TypeError);
  });
});

describe("models", () => {
  it("ST-110 results are frozen plain objects with exactly the model's fields", async () => {
    const store = new Store({ backend: new MemoryBackend() });
    const written = await store.write("d/a.txt", "hi", { metadata: { k: "v" } });
    expect(Object.keys(written).sort()).toEqual(["contentType", "metadata", "modifiedAt", "path", "size"]);
    const info = await store.getFileInfo("d/a.txt");
    expect(Object.keys(info).sort()).toEqual(["contentType", "kind", "metadata", "modifiedAt", "name", "path", "size"]);
    expect(info).toMatchObject({ kind: "file", path: "d/a.txt", name: "a.txt", size: 2, contentType: "text/plain", metadata: { k: "v" } });
    const [folder] = await store.listFolders("").toArray();
    expect(folder).toEqual({ kind: "folder", path: "d", name: "d" });
    const aggregate = await store.getFolderInfo("");
    expect(Object.keys(aggregate).sort()).toEqual(["fileCount", "modifiedAt", "path", "totalSize"]);
    await store.createFolder("empty");
    expect(await store.getFolderInfo("empty")).toEqual({ path: "empty", fileCount: 0, totalSize: 0 });
    for (const model of [written, info, folder, aggregate, info.metadata]) expect(Object.isFrozen(model)).toBe(true);
    const plain = await store.write("plain.bin", new Uint8Array([1]));
    expect("metadata" in plain).toBe(false);
  });
});
