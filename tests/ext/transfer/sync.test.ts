import { describe, expect, it } from "vitest";
import { syncStores, type SyncProgress } from "../../../src/ext/transfer/index.js";
import { exportTree, MemoryBackend, Store } from "../../../src/index.js";
import { localStore, memoryStore, wrapBackend } from "../support/backends.js";
import { caught, expectCode, expectRangeError, expectTypeError } from "../support/expect.js";
import { clockedStore, FakeClock, filePaths, seed, shape } from "./helpers.js";

const TREE = { "a.txt": "alpha", "docs/readme.md": "# hi", "docs/deep/x.json": "{}", "z/last.bin": "zzz" };

describe("syncStores: arguments and safety", () => {
  it("XFER-020 bad options are TypeError/RangeError before any I/O", async () => {
    const src = memoryStore();
    const dst = memoryStore();
    await expectTypeError(() => syncStores({} as never, dst), "src");
    await expectTypeError(() => syncStores(src, 1 as never), "dst");
    await expectTypeError(() => syncStores(src, dst, { compare: 1 as never }), "compare");
    await expectRangeError(() => syncStores(src, dst, { compare: "mtime" as never }));
    await expectTypeError(() => syncStores(src, dst, { dryRun: "yes" as never }), "dryRun");
    await expectTypeError(() => syncStores(src, dst, { deleteExtra: 1 as never }), "deleteExtra");
    await expectRangeError(() => syncStores(src, dst, { concurrency: 0 }));
    await expectRangeError(() => syncStores(src, dst, { concurrency: 1.5 }));
    await expectTypeError(() => syncStores(src, dst, { concurrency: "2" as never }), "concurrency");
    await expectRangeError(() => syncStores(src, dst, { modifyWindow: -1 }));
    await expectRangeError(() => syncStores(src, dst, { modifyWindow: Number.NaN }));
    await expectTypeError(() => syncStores(src, dst, { include: 5 as never }), "include");
    await expectTypeError(() => syncStores(src, dst, { exclude: ["ok", 5] as never }), "exclude[1]");
    await expectCode(() => syncStores(src, dst, { exclude: "../x" }), "INVALID_PATH");
    await expectTypeError(() => syncStores(src, dst, { onProgress: "x" as never }), "onProgress");
  });

  it("XFER-020 missing capabilities are thrown before any change, in dry runs too", async () => {
    const src = memoryStore();
    await seed(src, TREE);
    const noDelete = new Store({ backend: wrapBackend(new MemoryBackend(), { without: ["delete"] }) });
    await expectCode(() => syncStores(src, noDelete, { deleteExtra: true }), "CAPABILITY_NOT_SUPPORTED");
    await expectCode(() => syncStores(src, noDelete, { deleteExtra: true, dryRun: true }), "CAPABILITY_NOT_SUPPORTED");
    const noRead = new Store({ backend: wrapBackend(new MemoryBackend(), { without: ["read"] }) });
    await expectCode(() => syncStores(src, noRead, { compare: "checksum" }), "CAPABILITY_NOT_SUPPORTED");
    await expectCode(() => syncStores(noRead, memoryStore()), "CAPABILITY_NOT_SUPPORTED");
    const noList = new Store({ backend: wrapBackend(new MemoryBackend(), { without: ["list"] }) });
    await expectCode(() => syncStores(src, noList), "CAPABILITY_NOT_SUPPORTED");
    expect(await filePaths(noDelete)).toEqual([]);
    expect(await filePaths(noRead)).toEqual([]);
  });

  it("XFER-021 syncing a store into itself or its own subtree is InvalidPath and changes nothing", async () => {
    const store = memoryStore();
    await seed(store, TREE);
    const before = await exportTree(store);
    await expectCode(() => syncStores(store, store), "INVALID_PATH", "");
    await expectCode(() => syncStores(store, store.child("docs")), "INVALID_PATH", "");
    await expectCode(() => syncStores(store.child("docs"), store, { deleteExtra: true }), "INVALID_PATH", "");
    await expectCode(() => syncStores(store.child("docs"), new Store({ backend: store.backend, rootPath: "docs" })), "INVALID_PATH", "");
    expect(await exportTree(store)).toEqual(before);
    const result = await syncStores(store.child("docs"), store.child("mirror"));
    expect(result.created).toBe(2);
    expect(await store.readText("mirror/deep/x.json")).toBe("{}");
  });
});

describe("syncStores: planning, dry run and idempotence", () => {
  it("XFER-022 XFER-029 a dry run returns the plan and changes nothing", async () => {
    const clock = new FakeClock();
    const src = clockedStore(clock);
    const dst = clockedStore(clock);
    await seed(src, { ...TREE, "empty/.keep": "k" });
    await src.delete("empty/.keep");
    await seed(dst, { "a.txt": "alpha", "docs/readme.md": "# old", "extra.txt": "x", "gone/deep/y.txt": "y" });
    clock.advance(1000);
    await seed(src, { "docs/readme.md": "# new" });
    const before = { src: await exportTree(src), dst: await exportTree(dst) };
    const calls: SyncProgress[] = [];
    const result = await syncStores(src, dst, { dryRun: true, deleteExtra: true, onProgress: (p) => calls.push(p) });
    expect(result.dryRun).toBe(true);
    expect(result.plan.creates).toEqual(["docs/deep/x.json", "z/last.bin"]);
    expect(result.plan.updates).toEqual(["docs/readme.md"]);
    expect(result.plan.skips).toEqual(["a.txt"]);
    expect(result.plan.deletes).toEqual(["extra.txt", "gone/deep/y.txt"]);
    expect(result.plan.createFolders).toEqual(["empty"]);
    expect(result.plan.deleteFolders).toEqual(["gone/deep", "gone"]);
    expect({ ...result, plan: undefined, errors: [...result.errors] }).toMatchObject({ created: 0, updated: 0, deleted: 0, foldersCreated: 0, foldersDeleted: 0, bytesCopied: 0, errors: [] });
    expect(calls).toEqual([]);
    expect({ src: await exportTree(src), dst: await exportTree(dst) }).toEqual(before);
  });

  it("XFER-022 XFER-026 XFER-033 a mirror (deleteExtra) makes the destination equal to the source, times included; the result counts the work", async () => {
    const clock = new FakeClock();
    const src = clockedStore(clock);
    await src.write("typed.dat", "t", { contentType: "text/x-typed", metadata: { owner: "ann" } });
    await seed(src, TREE);
    await src.createFolder("empty/inner");
    clock.advance(5000);
    const dst = clockedStore(clock);
    await seed(dst, { "a.txt": "stale", "old/file.txt": "o" });
    const result = await syncStores(src, dst, { deleteExtra: true });
    expect(result.errors.size).toBe(0);
    expect(result.plan.createFolders).toEqual(["empty", "empty/inner"]);
    expect(await exportTree(dst)).toEqual(await exportTree(src));
    expect({ created: result.created, updated: result.updated, deleted: result.deleted, foldersDeleted: result.foldersDeleted }).toEqual({
      created: 4,
      updated: 1,
      deleted: 1,
      foldersDeleted: 1,
    });
    expect(result.bytesCopied).toBe(1 + 5 + 4 + 2 + 3);
  });

  it("XFER-030 the second run of the same sync does nothing, memory→memory", async () => {
    const src = new Store({ backend: wrapBackend(new MemoryBackend()) });
    await seed(src, TREE);
    await src.createFolder("empty");
    const dst = memoryStore();
    await dst.write("extra.txt", "x");
    const first = await syncStores(src, dst, { deleteExtra: true });
    expect(first.created).toBe(4);
    const reads = (src.backend as unknown as { readCalls: number }).readCalls;
    const second = await syncStores(src, dst, { deleteExtra: true });
    const plan = second.plan;
    expect([plan.creates, plan.updates, plan.deletes, plan.createFolders, plan.deleteFolders]).toEqual([[], [], [], [], []]);
    expect(plan.skips).toHaveLength(4);
    expect([second.created, second.updated, second.deleted, second.skipped]).toEqual([0, 0, 0, 4]);
    expect((src.backend as unknown as { readCalls: number }).readCalls).toBe(reads);
  });

  it("XFER-030 the second run of the same sync does nothing, memory→local", async () => {
    const clock = new FakeClock(Date.now() - 60_000);
    const src = clockedStore(clock);
    await seed(src, TREE);
    const dst = await localStore();
    const first = await syncStores(src, dst);
    expect(first.created).toBe(4);
    expect(await shape(dst)).toEqual(await shape(src));
    const second = await syncStores(src, dst, { deleteExtra: true });
    expect([second.created, second.updated, second.deleted, second.skipped]).toEqual([0, 0, 0, 4]);
    const third = await syncStores(src, dst, { compare: "checksum" });
    expect([third.created, third.updated, third.skipped]).toEqual([0, 0, 4]);
  });

  it("XFER-023 exact times where the destination keeps them: a same-size destination change is an update", async () => {
    const clock = new FakeClock();
    const src = clockedStore(clock);
    const dst = clockedStore(clock);
    await seed(src, { "f.txt": "aaaa" });
    await syncStores(src, dst);
    clock.advance(10);
    await dst.write("f.txt", "bbbb", { overwrite: true });
    const result = await syncStores(src, dst);
    expect(result.plan.updates).toEqual(["f.txt"]);
    expect(await dst.readText("f.txt")).toBe("aaaa");
    clock.advance(10);
    await dst.write("f.txt", "cccc", { overwrite: true });
    expect((await syncStores(src, dst, { modifyWindow: 20, dryRun: true })).plan.skips).toEqual(["f.txt"]);
    expect((await syncStores(src, dst, { modifyWindow: 19, dryRun: true })).plan.updates).toEqual(["f.txt"]);
  });

  it("XFER-023 without setModifiedAt: a newer same-size destination is up to date, an older one is updated", async () => {
    const clock = new FakeClock();
    const src = clockedStore(clock);
    const inner = new MemoryBackend({ clock: clock.date });
    const dst = new Store({ backend: wrapBackend(inner, { without: ["setModifiedAt"] }) });
    await seed(src, { "f.txt": "aaaa", "g.txt": "gggg" });
    clock.advance(10);
    const first = await syncStores(src, dst);
    expect(first.created).toBe(2);
    expect((await dst.getFileInfo("f.txt")).modifiedAt.getTime()).toBe(clock.now);
    clock.advance(10);
    await dst.write("f.txt", "bbbb", { overwrite: true });
    await src.write("g.txt", "hhhh", { overwrite: true });
    const second = await syncStores(src, dst);
    expect(second.plan.skips).toEqual(["f.txt"]);
    expect(second.plan.updates).toEqual(["g.txt"]);
    clock.advance(5);
    await src.write("f.txt", "cccc", { overwrite: true });
    expect((await syncStores(src, dst, { dryRun: true })).plan.updates).toEqual(["f.txt"]);
    expect((await syncStores(src, dst, { dryRun: true, modifyWindow: 5 })).plan.skips).toEqual(["f.txt", "g.txt"]);
  });

  it("XFER-024 checksum comparison ignores times and catches same-size changes", async () => {
    const clock = new FakeClock();
    const src = clockedStore(clock);
    const dst = clockedStore(clock);
    await seed(src, { "same.txt": "1234", "diff.txt": "abcd", "size.txt": "a" });
    clock.advance(1000);
    await seed(dst, { "same.txt": "1234", "diff.txt": "abce", "size.txt": "ab" });
    const sizeTime = await syncStores(src, dst, { dryRun: true });
    expect(sizeTime.plan.updates).toEqual(["diff.txt", "same.txt", "size.txt"]);
    const big = "x".repeat(100_000);
    await src.write("big-same.txt", big);
    await src.write("big-diff.txt", big);
    await dst.write("big-same.txt", big);
    await dst.write("big-diff.txt", `${big.slice(0, 50_000)}y${big.slice(50_001)}`);
    const result = await syncStores(src, dst, { compare: "checksum" });
    expect(result.plan.skips).toEqual(["big-same.txt", "same.txt"]);
    expect(result.plan.updates).toEqual(["big-diff.txt", "diff.txt", "size.txt"]);
    expect(await dst.readText("diff.txt")).toBe("abcd");
    expect(await dst.readText("big-diff.txt")).toBe(big);
  });
});

describe("syncStores: failures and progress", () => {
  it("XFER-031 XFER-034 a file failing mid-transfer is collected, leaves no partial file, and is copied by a later sync", async () => {
    const inner = new MemoryBackend();
    const backend = wrapBackend(inner, { failReads: { afterBytes: 70_000, paths: ["b.bin", "small.txt"] }, chunkSize: 8192 });
    const failing = new Store({ backend });
    const big = "b".repeat(100_000);
    await seed(failing, { "a.txt": "aaaaaa", "b.bin": big, "c.txt": "cccccc", "small.txt": "s" });
    for (const dst of [memoryStore(), await localStore()]) {
      await dst.write("b.bin", "old");
      const result = await syncStores(failing, dst, { concurrency: 2 });
      expect([...result.errors.keys()].sort()).toEqual(["b.bin", "small.txt"]);
      expect(result.errors.get("b.bin")?.code).toBe("BACKEND_UNAVAILABLE");
      expect([result.created, result.updated]).toEqual([2, 0]);
      expect(await dst.readText("b.bin")).toBe("old");
      expect(await dst.exists("small.txt")).toBe(false);
      const healed = await syncStores(new Store({ backend: inner }), dst);
      expect(healed.plan.updates).toEqual(["b.bin"]);
      expect(healed.plan.creates).toEqual(["small.txt"]);
      expect(await dst.readText("b.bin")).toBe(big);
    }
    expect(backend.midStreamFailures).toBe(2);
  });

  it("XFER-031 an error that is not a library error stops the sync and is thrown", async () => {
    const inner = new MemoryBackend();
    const boom = new Error("socket hang up");
    const failing = new Store({ backend: wrapBackend(inner, { failReads: { afterBytes: 1, paths: ["a.txt"], error: () => boom } }) });
    await seed(failing, { "a.txt": "aaaa" });
    const dst = memoryStore();
    expect(await caught(() => syncStores(failing, dst))).toBe(boom);
    expect(await filePaths(dst)).toEqual([]);
  });

  it("XFER-032 progress counts files and bytes up to their totals and never goes back", async () => {
    const src = new Store({ backend: wrapBackend(new MemoryBackend(), { chunkSize: 3, failReads: { afterBytes: 4, paths: ["c.txt"] } }) });
    await seed(src, { "a.txt": "1234567", "b.txt": "12", "c.txt": "123456789" });
    const dst = memoryStore();
    await seed(dst, { "x.txt": "x" });
    const seen: SyncProgress[] = [];
    const result = await syncStores(src, dst, { deleteExtra: true, onProgress: (p) => seen.push(p) });
    expect(result.errors.size).toBe(1);
    expect(seen[0]).toEqual({ filesDone: 0, filesTotal: 4, bytesDone: 0, bytesTotal: 18 });
    expect(seen.at(-1)).toEqual({ filesDone: 4, filesTotal: 4, bytesDone: 18, bytesTotal: 18 });
    for (let i = 1; i < seen.length; i++) {
      const [a, b] = [seen[i - 1] as SyncProgress, seen[i] as SyncProgress];
      expect(b.bytesDone).toBeGreaterThanOrEqual(a.bytesDone);
      expect(b.filesDone).toBeGreaterThanOrEqual(a.filesDone);
      expect(b.bytesDone).toBeLessThanOrEqual(18);
    }
    expect(seen.length).toBeGreaterThan(6);
  });

  it("XFER-032 a throwing progress callback stops the sync", async () => {
    const src = memoryStore();
    await seed(src, TREE);
    const boom = new Error("stop");
    const error = await caught(() =>
      syncStores(src, memoryStore(), {
        onProgress: (p) => {
          if (p.filesDone > 0) throw boom;
        },
      }),
    );
    expect(error).toBe(boom);
  });

  it("XFER-035 the stores stay open", async () => {
    const src = memoryStore();
    const dst = memoryStore();
    await seed(src, TREE);
    await syncStores(src, dst);
    expect(await src.exists("a.txt")).toBe(true);
    expect(await dst.exists("a.txt")).toBe(true);
  });
});
