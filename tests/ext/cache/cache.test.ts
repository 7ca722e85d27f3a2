import { describe, expect, it } from "vitest";
import { Listing, MemoryBackend, Store, wrapStore } from "../../../src/index.js";
import { cache, CachedStore, type CacheOptions } from "../../../src/ext/cache/index.js";
import { ManualClock } from "../../../src/testing/index.js";
import { expectCode } from "../support/expect.js";

/**
 * A cached memory store whose inner store records the calls that reach it; a listing is recorded
 * when a pass over it starts (making the Listing is not I/O).
 */
function cached(options: CacheOptions = {}): { inner: Store; store: CachedStore; reached: string[]; clock: ManualClock } {
  const clock = new ManualClock();
  const inner = new Store({ backend: new MemoryBackend({ clock: clock.now }) });
  const reached: string[] = [];
  const counted = wrapStore(inner, {
    intercept(call) {
      const result = call.next();
      if (!(result instanceof Listing)) {
        reached.push(call.operation);
        return result;
      }
      return new Listing(() => {
        reached.push(call.operation);
        return result;
      });
    },
  });
  return { inner, store: cache(counted, { clock: clock.now, ...options }), reached, clock };
}

describe("cache", () => {
  it("CACHE-001 CACHE-002 probes, infos, reads and listings are served from memory the second time", async () => {
    const { store, reached } = cached();
    expect(store).toBeInstanceOf(Store);
    await store.write("d/a.txt", "hello");
    reached.length = 0;
    for (let i = 0; i < 2; i++) {
      expect(await store.exists("d/a.txt")).toBe(true);
      expect(await store.isFile("./d//a.txt")).toBe(true);
      expect(await store.isFolder("d")).toBe(true);
      expect((await store.getFileInfo("d/a.txt")).size).toBe(5);
      expect((await store.getFolderInfo("d")).fileCount).toBe(1);
      expect(await store.readText("d/a.txt")).toBe("hello");
      expect(await store.readBytes("d/a.txt", { offset: 1, length: 2 })).toEqual(new TextEncoder().encode("el"));
      expect((await store.listFiles("d").toArray()).map((f) => f.path)).toEqual(["d/a.txt"]);
      expect((await store.listFolders("").toArray()).map((f) => f.path)).toEqual(["d"]);
      const names: string[] = [];
      for await (const entry of store.iterChildren("d")) names.push(entry.name);
      expect(names).toEqual(["a.txt"]);
      expect((await store.glob("**/*.txt").toArray()).length).toBe(1);
    }
    expect(reached).toEqual(["exists", "isFile", "isFolder", "getFileInfo", "getFolderInfo", "readText", "readBytes", "listFiles", "listFolders", "iterChildren", "glob"]);
    expect(store.stats).toEqual({ hits: 11, misses: 11, size: 11 });
  });

  it("CACHE-001 streams, errors, large content and unknown options are not cached", async () => {
    const { store, reached } = cached({ maxContentSize: 4, maxListingSize: 1 });
    await store.write("big.txt", "12345");
    await store.write("s.txt", "1");
    reached.length = 0;
    for (let i = 0; i < 2; i++) {
      await (await store.read("s.txt")).cancel();
      await store.readBytes("big.txt");
      await expectCode(() => store.readText("missing.txt"), "NOT_FOUND", "missing.txt");
      // Not cached: passed to the inner store, which refuses the unknown key (ST-093).
      await expect(store.readBytes("s.txt", { offset: 0, extra: 1 } as never)).rejects.toThrow(TypeError);
      await store.listFiles("").toArray();
    }
    expect(reached.filter((op) => op === "read")).toHaveLength(2);
    expect(reached.filter((op) => op === "readBytes")).toHaveLength(4);
    expect(reached.filter((op) => op === "readText")).toHaveLength(2);
    expect(reached.filter((op) => op === "listFiles")).toHaveLength(2);
  });

  it("CACHE-004 every change made through the cache drops what it may have changed", async () => {
    const { store } = cached();
    await store.write("a/b/c.txt", "1");
    const look = async (): Promise<unknown[]> => [
      await store.exists("a/b/c.txt"),
      await store.isFolder("a/x"),
      (await store.getFolderInfo()).fileCount,
      (await store.listFiles("a", { recursive: true }).toArray()).map((f) => f.path),
      (await store.glob("**").toArray()).map((f) => f.path),
      await store.readText("a/b/c.txt").catch((e: { code: string }) => e.code),
    ];
    expect(await look()).toEqual([true, false, 1, ["a/b/c.txt"], ["a/b/c.txt"], "1"]);
    await store.write("a/b/c.txt", "2", { overwrite: true });
    expect((await look())[5]).toBe("2");
    await store.createFolder("a/x");
    expect((await look())[1]).toBe(true);
    await store.copy("a/b/c.txt", "a/d.txt");
    expect((await look())[2]).toBe(2);
    await store.move("a/d.txt", "e.txt");
    expect((await look())[4]).toEqual(["a/b/c.txt", "e.txt"]);
    await store.moveFolder("a/b", "f");
    expect(await look()).toEqual([false, true, 2, [], ["e.txt", "f/c.txt"], "NOT_FOUND"]);
    await store.copyFolder("f", "a/b");
    expect((await look())[0]).toBe(true);
    await store.deleteFolder("a", { recursive: true });
    expect((await look())[0]).toBe(false);
    await store.delete("e.txt");
    expect((await look())[4]).toEqual(["f/c.txt"]);
    const upload = await store.startMultipartUpload("f/c.txt", { overwrite: true });
    await upload.uploadPart(1, "3");
    await upload.complete();
    expect(await store.readText("f/c.txt")).toBe("3");
  });

  it("CACHE-003 children share the cache; a change through one is seen by all", async () => {
    const { store, reached } = cached();
    await store.write("sub/a.txt", "1");
    const child = store.child("sub");
    expect(child).toBeInstanceOf(CachedStore);
    expect(await store.readText("sub/a.txt")).toBe("1");
    expect((await child.listFiles().toArray()).map((f) => f.path)).toEqual(["a.txt"]);
    await child.write("a.txt", "2", { overwrite: true });
    await child.write("b.txt", "x");
    expect(await store.readText("sub/a.txt")).toBe("2");
    expect((await child.listFiles().toArray()).map((f) => f.path)).toEqual(["a.txt", "b.txt"]);
    reached.length = 0;
    expect((await child.getFileInfo("a.txt")).path).toBe("a.txt");
    expect((await store.getFileInfo("sub/a.txt")).path).toBe("sub/a.txt");
    expect(reached).toEqual(["getFileInfo", "getFileInfo"]);
    expect(store.stats).toEqual((child as CachedStore).stats);
  });

  it("CACHE-005 a read that overlapped a change is not stored", async () => {
    const clock = new ManualClock();
    const inner = new Store({ backend: new MemoryBackend({ clock: clock.now }) });
    await inner.write("a.txt", "old");
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = wrapStore(inner, { intercept: (call) => (call.operation === "readText" ? gate.then(() => call.next()) : call.next()) });
    const store = cache(slow, { clock: clock.now });
    const reading = store.readText("a.txt");
    await store.write("a.txt", "new", { overwrite: true });
    release();
    expect(await reading).toBe("new");
    expect(store.stats.size).toBe(0);
    expect(await store.readText("a.txt")).toBe("new");
  });

  it("CACHE-006 cached results are copies the caller owns", async () => {
    const { store } = cached();
    await store.write("a.bin", new Uint8Array([1, 2, 3]), { metadata: { k: "v" } });
    const first = await store.readBytes("a.bin");
    first[0] = 9;
    const second = await store.readBytes("a.bin");
    expect(second).toEqual(new Uint8Array([1, 2, 3]));
    second[1] = 9;
    expect(await store.readBytes("a.bin")).toEqual(new Uint8Array([1, 2, 3]));
    const info = await store.getFileInfo("a.bin");
    info.modifiedAt.setTime(0);
    const again = await store.getFileInfo("a.bin");
    expect(again.modifiedAt.getTime()).not.toBe(0);
    expect(again.modifiedAt).not.toBe(info.modifiedAt);
    expect(Object.isFrozen(again)).toBe(true);
    const list = await store.listFiles().toArray();
    list[0]!.modifiedAt.setTime(0);
    list.pop();
    const listAgain = await store.listFiles().toArray();
    expect(listAgain).toHaveLength(1);
    expect(listAgain[0]!.modifiedAt.getTime()).not.toBe(0);
  });

  it("CACHE-007 CACHE-009 changes behind the cache's back show after ttl, or at once after invalidate/clear", async () => {
    const { inner, store, clock } = cached({ ttl: 10 });
    await store.write("a.txt", "1");
    expect(await store.readText("a.txt")).toBe("1");
    await inner.write("a.txt", "2", { overwrite: true });
    expect(await store.readText("a.txt")).toBe("1");
    clock.advance(9_999);
    expect(await store.readText("a.txt")).toBe("1");
    clock.advance(1);
    expect(await store.readText("a.txt")).toBe("2");
    await inner.write("a.txt", "3", { overwrite: true });
    store.invalidate("a.txt");
    expect(await store.readText("a.txt")).toBe("3");
    await inner.write("a.txt", "4", { overwrite: true });
    store.clear();
    expect(store.stats.size).toBe(0);
    expect(await store.readText("a.txt")).toBe("4");
  });

  it("CACHE-002 maxEntries bounds the cache, least recently used first", async () => {
    const { store, reached } = cached({ maxEntries: 2 });
    await store.exists("a");
    await store.exists("b");
    await store.exists("a");
    await store.exists("c");
    reached.length = 0;
    await store.exists("a");
    await store.exists("b");
    expect(reached).toEqual(["exists"]);
    expect(store.stats.size).toBe(2);
  });

  it("CACHE-008 a closed cached store answers nothing from memory", async () => {
    const { store } = cached();
    await store.write("a.txt", "1");
    await store.readText("a.txt");
    await store.close();
    await expectCode(() => store.readText("a.txt"), "BACKEND_UNAVAILABLE");
    expect(store.stats.size).toBe(0);
  });

  it("CACHE-010 bad options are a TypeError or RangeError naming the option, before anything is wrapped", () => {
    const inner = new Store({ backend: new MemoryBackend() });
    expect(() => cache(inner, { ttl: 0 })).toThrow(RangeError);
    expect(() => cache(inner, { ttl: 0 })).toThrow(/^ttl /);
    expect(() => cache(inner, { ttl: -1 })).toThrow(RangeError);
    expect(() => cache(inner, { ttl: "1" as never })).toThrow(TypeError);
    expect(() => cache(inner, { maxEntries: 1.5 })).toThrow(/^maxEntries /);
    expect(() => cache(inner, { maxContentSize: 0 })).toThrow(/^maxContentSize /);
    expect(() => cache(inner, { maxListingSize: Infinity })).toThrow(/^maxListingSize /);
    expect(() => cache(inner, { tll: 3 } as never)).toThrow(/tll.*did you mean "ttl"/);
    expect(() => cache(inner, { clock: 1 } as never)).toThrow(TypeError);
    expect(() => cache(inner, 5 as never)).toThrow(TypeError);
    expect(() => cache({} as Store)).toThrow(TypeError);
  });
});
