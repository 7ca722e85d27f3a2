import { describe, expect, it } from "vitest";
import { MemoryBackend, Store } from "../../src/index.js";
import { expectCode } from "../errors/expect-code.js";
import { snapshotTree } from "./support/snapshot.js";

type Transfer = "move" | "copy";
const BOTH: Transfer[] = ["move", "copy"];

async function tree(): Promise<{ backend: MemoryBackend; store: Store; at: (i: number) => Date }> {
  const start = Date.UTC(2021, 0, 1);
  let calls = 0;
  const backend = new MemoryBackend({ clock: () => new Date(start + 1000 * calls++) });
  const store = new Store({ backend, rootPath: "r" });
  await store.write("src/f.txt", "payload", { metadata: { k: "v" }, contentType: "x/custom" });
  await store.write("dst/existing.txt", "old");
  await store.write("folder/inside", "i");
  return { backend, store, at: (i) => new Date(start + 1000 * i) };
}

describe("Store move and copy", () => {
  it.each(BOTH)("ST-090 %s: either path the root → InvalidPath (path \"\"), first of all", async (op) => {
    const { store } = await tree();
    await expectCode(store[op]("", "missing-dst"), "INVALID_PATH", "");
    await expectCode(store[op]("missing-src", "/"), "INVALID_PATH", "");
  });

  it.each(BOTH)("ST-090 %s: a missing source (or one below a file) → NotFound, outranking every destination check", async (op) => {
    const { store } = await tree();
    await expectCode(store[op]("nope", "dst/existing.txt"), "NOT_FOUND", "nope");
    await expectCode(store[op]("nope", "folder"), "NOT_FOUND", "nope");
    await expectCode(store[op]("nope", "src/f.txt/below"), "NOT_FOUND", "nope");
    await expectCode(store[op]("src/f.txt/below", "x"), "NOT_FOUND", "src/f.txt/below");
  });

  it.each(BOTH)("ST-090 %s: a folder as source → InvalidPath", async (op) => {
    const { store } = await tree();
    await expectCode(store[op]("folder", "elsewhere"), "INVALID_PATH", "folder");
  });

  it.each(BOTH)("ST-090 %s: the same path is a no-op for an existing file, with or without overwrite", async (op) => {
    const { store, backend } = await tree();
    const before = await snapshotTree(backend);
    await store[op]("src/f.txt", "src/f.txt");
    await store[op]("src//f.txt", "./src/f.txt", { overwrite: true });
    expect(await snapshotTree(backend)).toEqual(before);
  });

  it.each(BOTH)("ST-090 %s: a folder as destination, or a file in place of a dst parent → InvalidPath", async (op) => {
    const { store } = await tree();
    for (const overwrite of [false, true]) {
      await expectCode(store[op]("src/f.txt", "folder", { overwrite }), "INVALID_PATH", "folder");
      await expectCode(store[op]("src/f.txt", "dst/existing.txt/sub", { overwrite }), "INVALID_PATH", "dst/existing.txt/sub");
    }
  });

  it.each(BOTH)("ST-090 %s: an existing destination without overwrite → AlreadyExists; with overwrite it is replaced", async (op) => {
    const { store } = await tree();
    await expectCode(store[op]("src/f.txt", "dst/existing.txt"), "ALREADY_EXISTS", "dst/existing.txt");
    expect(await store.readText("dst/existing.txt")).toBe("old");
    await store[op]("src/f.txt", "dst/existing.txt", { overwrite: true });
    expect(await store.readText("dst/existing.txt")).toBe("payload");
  });

  it("ST-091 move keeps content, content type, metadata and time; creates parents; leaves the source folder", async () => {
    const { store, at } = await tree();
    await store.move("src/f.txt", "new/deep/g.bin");
    expect(await store.exists("src/f.txt")).toBe(false);
    expect(await store.isFolder("src")).toBe(true);
    expect(await store.readText("new/deep/g.bin")).toBe("payload");
    expect(await store.getFileInfo("new/deep/g.bin")).toMatchObject({ contentType: "x/custom", metadata: { k: "v" }, modifiedAt: at(0), size: 7 });
  });

  it("ST-091 copy keeps content, content type and metadata, stamps a new time, and leaves the source", async () => {
    const { store, at } = await tree();
    await store.copy("src/f.txt", "new/deep/g.bin");
    expect(await store.readText("src/f.txt")).toBe("payload");
    expect(await store.getFileInfo("new/deep/g.bin")).toMatchObject({ contentType: "x/custom", metadata: { k: "v" }, modifiedAt: at(3), size: 7 });
    expect((await store.getFileInfo("src/f.txt")).modifiedAt).toEqual(at(0));
  });

  it.each(BOTH)("ST-092 a failed %s changes nothing", async (op) => {
    const { store, backend } = await tree();
    const before = await snapshotTree(backend);
    await expectCode(store[op]("src/f.txt", "dst/existing.txt"), "ALREADY_EXISTS", "dst/existing.txt");
    await expectCode(store[op]("src/f.txt", "dst/existing.txt/new/deeper"), "INVALID_PATH", "dst/existing.txt/new/deeper");
    await expectCode(store[op]("ghost", "brand/new/place"), "NOT_FOUND", "ghost");
    await expectCode(store[op]("src/f.txt", "folder"), "INVALID_PATH", "folder");
    expect(await snapshotTree(backend)).toEqual(before);
  });

  it("ST-092 a copy over quota changes nothing", async () => {
    const backend = new MemoryBackend({ maxSize: 10 });
    const store = new Store({ backend });
    await store.write("a", "123456");
    const before = await snapshotTree(backend);
    await expectCode(store.copy("a", "new/b"), "QUOTA_EXCEEDED", "new/b");
    expect(await snapshotTree(backend)).toEqual(before);
  });
});
