import { fc, test as propTest } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { syncStores } from "../../../src/ext/transfer/index.js";
import { exportTree, MemoryBackend, Store, type Backend, type BackendContent, type BackendWriteOptions } from "../../../src/index.js";
import { localStore, memoryStore, wrapBackend } from "../support/backends.js";
import { clockedStore, FakeClock, filePaths, folderPaths, seed } from "./helpers.js";

describe("syncStores: filters", () => {
  it("XFER-025 include and exclude select paths or their ancestor folders; excluded destination files are kept", async () => {
    const src = memoryStore();
    await seed(src, {
      "a.txt": "a",
      "b.md": "b",
      "docs/c.txt": "c",
      "node_modules/pkg/index.js": "x",
      "src/node_modules/inner.js": "y",
      "src/main.txt": "m",
    });
    const dst = memoryStore();
    await seed(dst, { "keep.log": "stays", "old.txt": "goes", "node_modules/cached.js": "stays" });
    const result = await syncStores(src, dst, { include: ["**/*.txt", "src"], exclude: ["**/node_modules", "docs"], deleteExtra: true });
    expect(result.plan.creates).toEqual(["a.txt", "src/main.txt"]);
    expect(result.plan.deletes).toEqual(["old.txt"]);
    expect(await filePaths(dst)).toEqual(["a.txt", "keep.log", "node_modules/cached.js", "src/main.txt"]);
  });

  it("XFER-025 a single exclude string and dot files follow minimatch defaults", async () => {
    const src = memoryStore();
    await seed(src, { ".hidden/x.txt": "h", "a/b.tmp": "t", "a/c.txt": "c" });
    const dst = memoryStore();
    await syncStores(src, dst, { exclude: "**/*.tmp" });
    expect(await filePaths(dst)).toEqual([".hidden/x.txt", "a/c.txt"]);
    const only = memoryStore();
    await syncStores(src, only, { include: "**" });
    expect(await filePaths(only)).toEqual(["a/b.tmp", "a/c.txt"]);
  });
});

describe("syncStores: folders", () => {
  it("XFER-027 empty folders are created where the destination can; elsewhere the destination gets the files only", async () => {
    const src = memoryStore();
    await seed(src, { "full/f.txt": "f" });
    await src.createFolder("empty/nested");
    await src.createFolder("full/also-empty");
    const mem = memoryStore();
    const result = await syncStores(src, mem);
    expect(result.plan.createFolders).toEqual(["empty", "empty/nested", "full/also-empty"]);
    expect(result.foldersCreated).toBe(3);
    expect(await folderPaths(mem)).toEqual(await folderPaths(src));
    const flat = new Store({ backend: wrapBackend(new MemoryBackend(), { without: ["createFolder"] }) });
    const toFlat = await syncStores(src, flat);
    expect(toFlat.plan.createFolders).toEqual([]);
    expect(await filePaths(flat)).toEqual(["full/f.txt"]);
    expect(await folderPaths(flat)).toEqual(["full"]);
    const local = await localStore();
    const toLocal = await syncStores(src, local);
    expect(toLocal.errors.size).toBe(0);
    expect(await folderPaths(local)).toEqual(local.supports("createFolder") ? await folderPaths(src) : ["full"]);
  });

  it("XFER-027 extra folders are deleted only when nothing that stays lives below them", async () => {
    const src = memoryStore();
    await seed(src, { "kept/a.txt": "a" });
    const dst = memoryStore();
    await seed(dst, { "kept/a.txt": "a", "kept/sub/x.txt": "x", "gone/y.txt": "y", "hold/z.skip": "z", "hold/w.txt": "w" });
    await dst.createFolder("gone/empty");
    const result = await syncStores(src, dst, { deleteExtra: true, exclude: "**/*.skip" });
    expect(result.plan.deleteFolders).toEqual(["gone/empty", "kept/sub", "gone"]);
    expect(result.foldersDeleted).toBe(3);
    expect(await folderPaths(dst)).toEqual(["hold", "kept"]);
    expect(await filePaths(dst)).toEqual(["hold/z.skip", "kept/a.txt"]);
  });

  it("XFER-028 type conflicts are cleared before copies when deleting extras, and reported otherwise", async () => {
    const src = memoryStore();
    await seed(src, { "x": "file where dst has a folder", "y/inner.txt": "folder where dst has a file" });
    const plain = memoryStore();
    await seed(plain, { "x/old.txt": "o", "y": "file" });
    const reported = await syncStores(src, plain);
    expect([...reported.errors.keys()].sort()).toEqual(["x", "y/inner.txt"]);
    expect([...reported.errors.values()].map((e) => e.code)).toEqual(["INVALID_PATH", "INVALID_PATH"]);
    const mirrored = await syncStores(src, plain, { deleteExtra: true });
    expect(mirrored.errors.size).toBe(0);
    expect(await exportTree(plain)).toMatchObject({ entries: [{ path: "x" }, { path: "y" }, { path: "y/inner.txt" }] });
  });

  it("XFER-028 copies run with at most `concurrency` writes in flight", async () => {
    const src = memoryStore();
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`f${String(i).padStart(2, "0")}.txt`] = "x".repeat(i);
    await seed(src, files);
    const inner = new MemoryBackend();
    let inFlight = 0;
    let peak = 0;
    const slow: Backend = new Proxy(inner, {
      get(target, property) {
        if (property === "writeAtomic" || property === "write") {
          return async (path: string, content: BackendContent, options: BackendWriteOptions) => {
            inFlight++;
            peak = Math.max(peak, inFlight);
            await new Promise((resolve) => setTimeout(resolve, 1));
            try {
              return await target.write(path, content, options);
            } finally {
              inFlight--;
            }
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const result = await syncStores(src, new Store({ backend: slow }), { concurrency: 3 });
    expect(result.created).toBe(40);
    expect(peak).toBe(3);
  });
});

const pathArb = fc
  .array(fc.constantFrom("a", "b", "c", "d.txt", "e.bin"), { minLength: 1, maxLength: 3 })
  .map((segments) => segments.join("/"));

propTest.prop([fc.dictionary(pathArb, fc.string({ maxLength: 8 }), { maxKeys: 8 }), fc.dictionary(pathArb, fc.string({ maxLength: 8 }), { maxKeys: 8 }), fc.integer({ min: 1, max: 5 })], {
  numRuns: 60,
})("XFER-026 XFER-030 any two trees: a mirror makes them equal and a second run does nothing", async (srcFiles, dstFiles, concurrency) => {
  const clock = new FakeClock();
  const src = clockedStore(clock);
  const dst = clockedStore(clock);
  await writeTree(src, srcFiles);
  clock.advance(1000);
  await writeTree(dst, dstFiles);
  const first = await syncStores(src, dst, { deleteExtra: true, concurrency });
  expect(first.errors.size).toBe(0);
  expect(await exportTree(dst)).toEqual(await exportTree(src));
  const second = await syncStores(src, dst, { deleteExtra: true, concurrency });
  expect([second.plan.creates, second.plan.updates, second.plan.deletes, second.plan.createFolders, second.plan.deleteFolders]).toEqual([[], [], [], [], []]);
});

/** Writes files, skipping those that collide with an earlier file/folder (a path cannot be both). */
async function writeTree(store: Store, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await store.write(path, text, { overwrite: true }).catch(() => undefined);
  }
}

describe("syncStores: clocks", () => {
  it("XFER-023 a stamped destination with a lagging clock re-copies once, then is stable", async () => {
    const srcClock = new FakeClock(1_000_000);
    const dstClock = new FakeClock(1_000_000 - 50);
    const src = clockedStore(srcClock);
    const inner = new MemoryBackend({ clock: dstClock.date });
    const dst = new Store({ backend: wrapBackend(inner, { without: ["setModifiedAt"] }) });
    await seed(src, { "f.txt": "f" });
    await syncStores(src, dst);
    expect((await syncStores(src, dst, { dryRun: true })).plan.updates).toEqual(["f.txt"]);
    expect((await syncStores(src, dst, { dryRun: true, modifyWindow: 50 })).plan.skips).toEqual(["f.txt"]);
    dstClock.advance(100);
    await syncStores(src, dst);
    expect((await syncStores(src, dst, { dryRun: true })).plan.skips).toEqual(["f.txt"]);
  });
});
