import { describe, expect, it } from "vitest";
import { MemoryBackend, Store } from "../../src/index.js";
import { expectCode } from "../errors/expect-code.js";
import { snapshotTree } from "./support/snapshot.js";

async function tree(): Promise<{ backend: MemoryBackend; store: Store }> {
  const backend = new MemoryBackend();
  const store = new Store({ backend, rootPath: "r" });
  await store.write("top.txt", "t");
  await store.write("d/f.txt", "f");
  await store.write("d/sub/g.txt", "g");
  await store.write("empty-parent/x", "x");
  await store.delete("empty-parent/x");
  return { backend, store };
}

describe("Store deleting", () => {
  it("ST-050 delete removes a file and keeps its parent folder", async () => {
    const { store } = await tree();
    await store.delete("d/f.txt");
    expect(await store.exists("d/f.txt")).toBe(false);
    expect(await store.isFolder("d")).toBe(true);
    await store.delete("d/sub/g.txt");
    expect(await store.isFolder("d/sub")).toBe(true);
  });

  it("ST-050 a missing file, or a path below a file, is NotFound unless missingOk", async () => {
    const { store, backend } = await tree();
    const before = await snapshotTree(backend);
    for (const path of ["nope.txt", "gone/deeper", "top.txt/below"]) {
      await expectCode(store.delete(path), "NOT_FOUND", path);
      await store.delete(path, { missingOk: true });
    }
    expect(await snapshotTree(backend)).toEqual(before);
  });

  it("ST-050 a folder is InvalidPath, even with missingOk", async () => {
    const { store, backend } = await tree();
    const before = await snapshotTree(backend);
    await expectCode(store.delete("d"), "INVALID_PATH", "d");
    await expectCode(store.delete("empty-parent", { missingOk: true }), "INVALID_PATH", "empty-parent");
    expect(await snapshotTree(backend)).toEqual(before);
  });

  it("ST-051 deleteFolder of the root is InvalidPath with path \"\", with any options", async () => {
    const { store } = await tree();
    await expectCode(store.deleteFolder(""), "INVALID_PATH", "");
    await expectCode(store.deleteFolder("/", { recursive: true, missingOk: true }), "INVALID_PATH", "");
    expect(await store.isFile("top.txt")).toBe(true);
  });

  it("ST-051 deleteFolder of a file is InvalidPath, even with missingOk and recursive", async () => {
    const { store } = await tree();
    await expectCode(store.deleteFolder("top.txt", { recursive: true, missingOk: true }), "INVALID_PATH", "top.txt");
    expect(await store.isFile("top.txt")).toBe(true);
  });

  it("ST-051 a missing folder is NotFound unless missingOk", async () => {
    const { store } = await tree();
    await expectCode(store.deleteFolder("ghost"), "NOT_FOUND", "ghost");
    await store.deleteFolder("ghost", { missingOk: true });
    await store.deleteFolder("ghost/deeper", { missingOk: true, recursive: true });
  });

  it("ST-051 a folder with any entry (a file or an empty subfolder) is DirectoryNotEmpty without recursive", async () => {
    const { store, backend } = await tree();
    await store.write("only-empty-child/inner/x", "x");
    await store.delete("only-empty-child/inner/x");
    const before = await snapshotTree(backend);
    await expectCode(store.deleteFolder("d"), "DIRECTORY_NOT_EMPTY", "d");
    await expectCode(store.deleteFolder("only-empty-child", { missingOk: true }), "DIRECTORY_NOT_EMPTY", "only-empty-child");
    expect(await snapshotTree(backend)).toEqual(before);
    await store.deleteFolder("empty-parent");
    expect(await store.exists("empty-parent")).toBe(false);
  });

  it("ST-051 recursive removes the whole subtree and nothing else", async () => {
    const { store, backend } = await tree();
    await store.deleteFolder("d", { recursive: true });
    expect(await store.exists("d")).toBe(false);
    expect(await store.exists("d/sub/g.txt")).toBe(false);
    expect((await store.listFiles("", { recursive: true }).toArray()).map((f) => f.path)).toEqual(["top.txt"]);
    expect(backend.usedBytes).toBe(1);
  });
});
