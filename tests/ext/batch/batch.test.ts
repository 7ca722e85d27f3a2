import { describe, expect, it } from "vitest";
import { backendOps } from "../../../src/store/backend-ops/backend-ops.js";
import { batchCopy, batchDelete, batchExists } from "../../../src/ext/batch/index.js";
import { CapabilityNotSupported, exportTree, MemoryBackend, Store, type Backend } from "../../../src/index.js";
import { localStore, memoryStore, wrapBackend } from "../support/backends.js";
import { caught, expectCode, expectRangeError, expectTypeError } from "../support/expect.js";

async function seeded(store: Store = memoryStore()): Promise<Store> {
  for (const path of ["a.txt", "b.txt", "dir/c.txt", "dir/d.txt"]) await store.write(path, path);
  return store;
}

/** A backend that counts calls in flight for one method and delays each call a little. */
function throttled(inner: MemoryBackend, method: "delete" | "copy" | "exists"): { backend: Backend; peak: () => number } {
  let inFlight = 0;
  let peak = 0;
  const backend = new Proxy(inner, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      const bound = (value as (...a: unknown[]) => Promise<unknown>).bind(target);
      if (property !== method) return bound;
      return async (...args: unknown[]) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 1));
        try {
          return await bound(...args);
        } finally {
          inFlight--;
        }
      };
    },
  });
  return { backend, peak: () => peak };
}

describe("batch helpers", () => {
  it("BATCH-001 argument errors are thrown before any change", async () => {
    const store = await seeded();
    const before = await exportTree(store);
    await expectTypeError(() => batchDelete({} as never, ["a.txt"]), "store");
    await expectTypeError(() => batchDelete(store, "a.txt" as never), "paths");
    await expectTypeError(() => batchDelete(store, ["a.txt", 7] as never), "paths[1]");
    await expectTypeError(() => batchDelete(store, ["a.txt"], { missingOk: 1 as never }), "missingOk");
    await expectRangeError(() => batchDelete(store, ["a.txt"], { concurrency: 0 }));
    await expectTypeError(() => batchCopy(store, [["a.txt"]] as never), "pairs[0]");
    await expectTypeError(() => batchCopy(store, [["a.txt", "x"], ["b.txt", 1]] as never), "pairs[1]");
    await expectTypeError(() => batchExists(store, null as never), "paths");
    const noDelete = new Store({ backend: wrapBackend(store.backend, { without: ["delete"] }) });
    await expectCode(() => batchDelete(noDelete, ["a.txt"]), "CAPABILITY_NOT_SUPPORTED");
    const noCopy = new Store({ backend: wrapBackend(store.backend, { without: ["copy"] }) });
    await expectCode(() => batchCopy(noCopy, [["a.txt", "z.txt"]]), "CAPABILITY_NOT_SUPPORTED");
    expect(await exportTree(store)).toEqual(before);
  });

  it("BATCH-002 BATCH-004 repeats are done once; malformed paths fail alone; results keep input order", async () => {
    const store = await seeded();
    const result = await batchDelete(store, ["b.txt", "/a.txt", "a.txt", "../x", "missing.txt", "dir", "dir/c.txt", "../x"]);
    expect(result.succeeded).toEqual(["b.txt", "a.txt", "dir/c.txt"]);
    expect(result.total).toBe(6);
    expect(result.allSucceeded).toBe(false);
    expect([...result.failed.entries()].map(([key, error]) => [key, error.code, error.path])).toEqual(
      expect.arrayContaining([
        ["../x", "INVALID_PATH", "../x"],
        ["missing.txt", "NOT_FOUND", "missing.txt"],
        ["dir", "INVALID_PATH", "dir"],
      ]),
    );
    expect(result.failed.size).toBe(3);
    expect(await store.exists("dir/d.txt")).toBe(true);
    expect(await store.exists("a.txt")).toBe(false);
  });

  it("BATCH-003 at most `concurrency` operations run at once", async () => {
    const inner = new MemoryBackend();
    const paths = Array.from({ length: 30 }, (_, i) => `f${i}.txt`);
    for (const path of paths) await inner.write(path, new Uint8Array([1]), { overwrite: false, contentType: "text/plain", metadata: undefined });
    const deleting = throttled(inner, "delete");
    const deleted = await batchDelete(new Store({ backend: deleting.backend }), paths, { concurrency: 5 });
    expect(deleted.succeeded).toHaveLength(30);
    expect(deleting.peak()).toBe(5);
    const checking = throttled(inner, "exists");
    await batchExists(new Store({ backend: checking.backend }), paths);
    expect(checking.peak()).toBe(4);
  });

  it("BATCH-005 a CapabilityNotSupported raised by an item is thrown, not collected", async () => {
    const inner = await seeded();
    const refusing: Backend = new Proxy(inner.backend, {
      get(target, property) {
        if (property === "delete") {
          return async (path: string) => {
            if (path === "b.txt") throw new CapabilityNotSupported("no deleting b", { capability: "delete" });
            return backendOps(target).delete(path, { missingOk: false });
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const error = await caught(() => batchDelete(new Store({ backend: refusing }), ["a.txt", "b.txt", "dir/c.txt"], { concurrency: 1 }));
    expect(error).toBeInstanceOf(CapabilityNotSupported);
    expect(await inner.exists("a.txt")).toBe(false);
    expect(await inner.exists("dir/c.txt")).toBe(true);
  });

  it("BATCH-005 an error that is not a library error is thrown", async () => {
    const inner = await seeded();
    const boom = new Error("driver bug");
    const broken: Backend = new Proxy(inner.backend, {
      get(target, property) {
        if (property === "exists") return async () => Promise.reject(boom);
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    expect(await caught(() => batchExists(new Store({ backend: broken }), ["a.txt"]))).toBe(boom);
  });

  it("BATCH-006 batchDelete with missingOk treats missing files as deleted (local backend too)", async () => {
    for (const store of [await seeded(), await seeded(await localStore())]) {
      const result = await batchDelete(store, ["a.txt", "nope.txt", "dir/d.txt"], { missingOk: true });
      expect(result.succeeded).toEqual(["a.txt", "nope.txt", "dir/d.txt"]);
      expect(result.allSucceeded).toBe(true);
      expect((await store.listFiles("", { recursive: true }).toArray()).map((f) => f.path)).toEqual(["b.txt", "dir/c.txt"]);
    }
  });

  it("BATCH-007 batchCopy copies with metadata, keys by destination and collects per-pair errors", async () => {
    const store = await seeded();
    await store.write("meta.txt", "m", { metadata: { k: "v" }, contentType: "text/x-m" });
    const result = await batchCopy(store, [
      ["a.txt", "copies/a.txt"],
      ["meta.txt", "copies/meta.txt"],
      ["missing.txt", "copies/missing.txt"],
      ["b.txt", "dir/c.txt"],
    ]);
    expect(result.succeeded).toEqual(["copies/a.txt", "copies/meta.txt"]);
    expect(result.failed.get("copies/missing.txt")?.code).toBe("NOT_FOUND");
    expect(result.failed.get("dir/c.txt")?.code).toBe("ALREADY_EXISTS");
    const info = await store.getFileInfo("copies/meta.txt");
    expect([info.metadata, info.contentType]).toEqual([{ k: "v" }, "text/x-m"]);
    const overwritten = await batchCopy(store, new Map([["b.txt", "dir/c.txt"]]), { overwrite: true });
    expect(overwritten.allSucceeded).toBe(true);
    expect(await store.readText("dir/c.txt")).toBe("b.txt");
  });

  it("BATCH-007 two pairs with one destination are InvalidArgument before any change", async () => {
    const store = await seeded();
    const before = await exportTree(store);
    await expectCode(() => batchCopy(store, [["a.txt", "x.txt"], ["b.txt", "/x.txt"]]), "INVALID_ARGUMENT", "x.txt");
    expect(await exportTree(store)).toEqual(before);
  });

  it("BATCH-008 batchExists answers for files, folders and the root; malformed paths fail alone", async () => {
    const store = await seeded();
    const result = await batchExists(store, ["a.txt", "dir", "", "nope", "a.txt/below", "x/../y"]);
    expect([...result.exists]).toEqual([
      ["a.txt", true],
      ["dir", true],
      ["", true],
      ["nope", false],
      ["a.txt/below", false],
    ]);
    expect(result.failed.get("x/../y")?.code).toBe("INVALID_PATH");
    expect(result.succeeded).toEqual(["a.txt", "dir", "", "nope", "a.txt/below"]);
  });

  it("BATCH-009 empty input gives an empty result and the store stays open", async () => {
    const store = await seeded();
    for (const result of [await batchDelete(store, []), await batchCopy(store, []), await batchExists(store, new Set<string>())]) {
      expect([result.succeeded, result.failed.size, result.total, result.allSucceeded]).toEqual([[], 0, 0, true]);
    }
    expect(await store.exists("a.txt")).toBe(true);
  });
});
