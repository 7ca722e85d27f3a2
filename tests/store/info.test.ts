import { describe, expect, it } from "vitest";
import { MemoryBackend, Store } from "../../src/index.js";
import { expectCode } from "../errors/expect-code.js";

function clocked(rootPath = "r"): { store: Store; at: (i: number) => Date } {
  const start = Date.UTC(2022, 2, 3);
  let calls = 0;
  const backend = new MemoryBackend({ clock: () => new Date(start + 1000 * calls++) });
  return { store: new Store({ backend, rootPath }), at: (i) => new Date(start + 1000 * i) };
}

describe("Store info", () => {
  it("ST-080 getFileInfo reports kind, path, name, size, modifiedAt, contentType and metadata", async () => {
    const { store, at } = clocked();
    await store.write("d/f.json", "{\"a\":1}", { metadata: { k: "v" } });
    expect(await store.getFileInfo("/d//f.json")).toEqual({
      kind: "file", path: "d/f.json", name: "f.json", size: 7, modifiedAt: at(0), contentType: "application/json", metadata: { k: "v" },
    });
  });

  it("ST-080 missing or below a file → NotFound; a folder or the root → InvalidPath", async () => {
    const { store } = clocked();
    await store.write("d/f", "x");
    await expectCode(store.getFileInfo("nope"), "NOT_FOUND", "nope");
    await expectCode(store.getFileInfo("d/f/below"), "NOT_FOUND", "d/f/below");
    await expectCode(store.getFileInfo("d"), "INVALID_PATH", "d");
    await expectCode(store.getFileInfo(""), "INVALID_PATH", "");
    await expectCode(store.getFileInfo("."), "INVALID_PATH", "");
  });

  it("ST-081 getFolderInfo aggregates the whole subtree", async () => {
    const { store, at } = clocked();
    await store.write("d/a", "12");
    await store.write("d/sub/b", "345");
    await store.write("d/sub/deeper/c", "6");
    await store.write("other", "7890");
    expect(await store.getFolderInfo("d")).toEqual({ path: "d", fileCount: 3, totalSize: 6, modifiedAt: at(2) });
    expect(await store.getFolderInfo("d/sub")).toEqual({ path: "d/sub", fileCount: 2, totalSize: 4, modifiedAt: at(2) });
    expect(await store.getFolderInfo()).toEqual({ path: "", fileCount: 4, totalSize: 10, modifiedAt: at(3) });
  });

  it("ST-081 modifiedAt follows deletes, overwrites and moves; a folder without files has none", async () => {
    const { store, at } = clocked();
    await store.write("d/old", "1");
    await store.write("d/new", "2");
    await store.delete("d/new");
    expect((await store.getFolderInfo("d")).modifiedAt).toEqual(at(0));
    await store.move("d/old", "e/old");
    const empty = await store.getFolderInfo("d");
    expect(empty).toEqual({ path: "d", fileCount: 0, totalSize: 0 });
    expect("modifiedAt" in empty).toBe(false);
    expect((await store.getFolderInfo("e")).modifiedAt).toEqual(at(0));
    await store.write("e/old", "333", { overwrite: true });
    expect(await store.getFolderInfo("e")).toEqual({ path: "e", fileCount: 1, totalSize: 3, modifiedAt: at(2) });
  });

  it("ST-081 the root always works: zero counts in an empty store", async () => {
    const { store } = clocked("");
    expect(await store.getFolderInfo("")).toEqual({ path: "", fileCount: 0, totalSize: 0 });
  });

  it("ST-081 the root always works under a rootPath that was never written", async () => {
    const { store } = clocked("never/written");
    expect(await store.getFolderInfo("")).toEqual({ path: "", fileCount: 0, totalSize: 0 });
  });

  it("ST-081 missing → NotFound; a file → InvalidPath", async () => {
    const { store } = clocked();
    await store.write("f", "x");
    await expectCode(store.getFolderInfo("missing"), "NOT_FOUND", "missing");
    await expectCode(store.getFolderInfo("f"), "INVALID_PATH", "f");
  });

  it("ST-082 every returned Date is a fresh copy and every model is frozen", async () => {
    const { store } = clocked();
    const written = await store.write("d/f", "x", { metadata: { k: "v" } });
    const info = await store.getFileInfo("d/f");
    const folder = await store.getFolderInfo("d");
    const [listed] = await store.listFiles("d").toArray();
    const [child] = await store.iterChildren("").toArray();
    for (const model of [written, info, folder, listed, child]) expect(Object.isFrozen(model)).toBe(true);
    const dates = [written.modifiedAt, info.modifiedAt, folder.modifiedAt, listed?.modifiedAt];
    expect(new Set(dates).size).toBe(4);
    info.modifiedAt.setTime(0);
    expect((await store.getFileInfo("d/f")).modifiedAt.getTime()).not.toBe(0);
    expect((await store.getFolderInfo("d")).modifiedAt?.getTime()).not.toBe(0);
    expect(Object.getPrototypeOf(info)).toBe(Object.prototype);
  });
});
