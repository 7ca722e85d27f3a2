import { describe, expect, it } from "vitest";
import {
  BackendUnavailable,
  MemoryBackend,
  Store,
  SyncStore,
  capabilitySet,
  type Backend,
  type BackendWatchOptions,
  type ChangeEvent,
  type WatchEvent,
} from "../../src/index.js";
import { recordEvents } from "../../src/testing/index.js";
import { EventQueue } from "../../src/shared/watch/event-queue.js";
import { scopeEvent } from "../../src/store/watch/scope-events.js";

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function paths(events: readonly WatchEvent[]): string[] {
  return events.map((event) => (event.type === "overflow" ? `overflow ${event.dropped}` : `${event.type} ${event.kind} ${event.from === undefined ? "" : `${event.from} -> `}${event.path}`));
}

/** A backend that only watches: the test drives its events by hand (WATCH-030). */
function fakeWatchingBackend(): Backend & { sinks: BackendWatchOptions[]; closes: number } {
  const backend = {
    name: "fake",
    capabilities: capabilitySet(["watch"]),
    sinks: [] as BackendWatchOptions[],
    closes: 0,
    kindOf: async (path: string) => (path === "file.txt" ? ("file" as const) : "folder" as const),
    close: async () => undefined,
    watch: async (_path: string, options: BackendWatchOptions) => {
      backend.sinks.push(options);
      return { close: async () => void backend.closes++ };
    },
  };
  return backend;
}

describe("Store.watch (spec/watch.md)", () => {
  it("WATCH-001 CAP-002 without the watch capability watch throws CapabilityNotSupported before any I/O; declared without a method too", () => {
    const backend = { name: "none", capabilities: capabilitySet([]), kindOf: async () => undefined, close: async () => undefined } as Backend;
    expect(() => new Store({ backend }).watch("")).toThrow(expect.objectContaining({ code: "CAPABILITY_NOT_SUPPORTED", capability: "watch" }));
    const declared = { ...backend, capabilities: capabilitySet(["watch"]) } as Backend;
    expect(() => new Store({ backend: declared }).watch("")).toThrow(expect.objectContaining({ code: "CAPABILITY_NOT_SUPPORTED" }));
  });

  it("WATCH-001 ST-120 bad options and paths throw at once; a closed store gives a watcher that has ended", async () => {
    const store = new Store({ backend: new MemoryBackend() });
    expect(() => store.watch("", { signal: {} as AbortSignal })).toThrow(TypeError);
    expect(() => store.watch("", { onError: "x" as never })).toThrow(TypeError);
    expect(() => store.watch("", { bufferSize: 1.5 })).toThrow(RangeError);
    expect(() => store.watch("", "x" as never)).toThrow(TypeError);
    expect(() => store.watch("a/../../b")).toThrow(expect.objectContaining({ code: "INVALID_PATH" }));
    await store.close();
    const watcher = store.watch("anything", { recursive: "not checked" as never });
    expect(watcher.closed).toBe(true);
    await expect(watcher.ready).rejects.toBeInstanceOf(BackendUnavailable);
    const seen: WatchEvent[] = [];
    for await (const event of watcher) seen.push(event);
    expect(seen).toEqual([]);
  });

  it("WATCH-002 a file is InvalidPath with its store-relative path: ready rejects, iteration throws, onError receives it", async () => {
    const backend = new MemoryBackend();
    const store = new Store({ backend, rootPath: "r" });
    await store.write("f.txt", "x");
    const errors: unknown[] = [];
    const watcher = store.watch("f.txt", { onChange: () => undefined, onError: (error) => errors.push(error) });
    await expect(watcher.ready).rejects.toMatchObject({ code: "INVALID_PATH", path: "f.txt" });
    await tick();
    expect(errors).toEqual([expect.objectContaining({ code: "INVALID_PATH", path: "f.txt" })]);
    const iterated = store.watch("f.txt");
    await expect((async () => {
      for await (const event of iterated) void event;
    })()).rejects.toMatchObject({ code: "INVALID_PATH", path: "f.txt" });
    expect(watcher.closed && iterated.closed).toBe(true);
  });

  it("WATCH-003 WATCH-004 a watcher iterates once; break closes it; await using closes it", async () => {
    const store = new Store({ backend: new MemoryBackend() });
    const watcher = store.watch("", { recursive: true });
    expect([watcher.path, watcher.recursive, watcher.closed]).toEqual(["", true, false]);
    await watcher.ready;
    await store.write("a.txt", "x");
    for await (const event of watcher) {
      expect(event).toMatchObject({ type: "created", path: "a.txt" });
      break;
    }
    expect(watcher.closed).toBe(true);
    await expect((async () => {
      for await (const event of watcher) void event;
    })()).rejects.toBeInstanceOf(TypeError);
    let scoped: { closed: boolean } | undefined;
    {
      await using inner = store.watch("");
      scoped = inner;
    }
    expect(scoped.closed).toBe(true);
  });

  it("WATCH-004 an exception thrown by onChange ends the watcher and goes to onError", async () => {
    const store = new Store({ backend: new MemoryBackend() });
    const boom = new Error("boom");
    const errors: unknown[] = [];
    const watcher = store.watch("", { onChange: () => { throw boom; }, onError: (error) => errors.push(error) });
    await watcher.ready;
    await store.write("a.txt", "x");
    await store.write("b.txt", "x");
    await tick();
    expect(errors).toEqual([boom]);
    expect(watcher.closed).toBe(true);
  });

  it("WATCH-010 WATCH-011 events are frozen, with size and a fresh modifiedAt on files; callbacks run after the change, never during it", async () => {
    const store = new Store({ backend: new MemoryBackend() });
    const seen: WatchEvent[] = [];
    let during = true;
    const watcher = store.watch("", { recursive: true, onChange: (event) => { expect(during).toBe(false); seen.push(event); } });
    await watcher.ready;
    const written = store.write("d/a.txt", "hello");
    during = false;
    const result = await written;
    await tick();
    expect(paths(seen)).toEqual(["created folder d", "created file d/a.txt"]);
    const file = seen[1] as ChangeEvent;
    expect(Object.isFrozen(file)).toBe(true);
    expect(file.size).toBe(5);
    expect(file.modifiedAt?.getTime()).toBe(result.modifiedAt?.getTime());
    expect(file.modifiedAt).not.toBe(result.modifiedAt);
    await watcher.close();
  });

  it("WATCH-012 WATCH-013 WATCH-014 scope: moves across the boundary, the watched folder itself, a rooted store", () => {
    const scope = { root: "r", folder: "r/w", recursive: true };
    const show = (event: ChangeEvent): string => paths([scopeEvent(event, scope) ?? { type: "overflow", dropped: 0 }])[0] as string;
    expect(show({ type: "moved", kind: "file", from: "r/w/a", path: "r/w/b" })).toBe("moved file w/a -> w/b");
    expect(show({ type: "moved", kind: "file", from: "r/w/a", path: "r/x" })).toBe("deleted file w/a");
    expect(show({ type: "moved", kind: "file", from: "x", path: "r/w/a", size: 3 })).toBe("created file w/a");
    expect(show({ type: "moved", kind: "folder", from: "r", path: "q" })).toBe("deleted folder w");
    expect(show({ type: "moved", kind: "folder", from: "q", path: "r/w" })).toBe("created folder w");
    expect(show({ type: "deleted", kind: "folder", path: "r/w" })).toBe("deleted folder w");
    expect(show({ type: "deleted", kind: "folder", path: "r" })).toBe("deleted folder w");
    expect(show({ type: "created", kind: "folder", path: "r/w" })).toBe("created folder w");
    expect(show({ type: "created", kind: "folder", path: "r" })).toBe("overflow 0");
    expect(show({ type: "created", kind: "file", path: "r/wx" })).toBe("overflow 0");
    expect(show({ type: "created", kind: "file", path: "r/x/w/a" })).toBe("overflow 0");
    const own = { root: "", folder: "w", recursive: false };
    expect(scopeEvent({ type: "created", kind: "file", path: "w/a/b" }, own)).toBeUndefined();
    expect(scopeEvent({ type: "moved", kind: "file", from: "w/a/b", path: "w/c" }, own)).toEqual({ type: "created", kind: "file", path: "w/c" });
  });

  it("WATCH-012 WATCH-014 memory: a rooted store's watcher of a folder that is deleted, then written again", async () => {
    const backend = new MemoryBackend();
    const top = new Store({ backend });
    await using log = await recordEvents(new Store({ backend, rootPath: "r" }), "w", { recursive: true });
    await top.write("r/w/a.txt", "x");
    await top.write("r/elsewhere.txt", "x");
    await top.deleteFolder("r", { recursive: true });
    await top.write("r/w/b.txt", "x");
    await log.waitFor((events) => events.length === 5, "five events");
    expect(paths(log.events)).toEqual(["created folder w", "created file w/a.txt", "deleted folder w", "created folder w", "created file w/b.txt"]);
  });

  it("WATCH-015 WATCH-040 every Store, SyncStore and rooted store over one backend reports to every watcher, in mutation order", async () => {
    const backend = new MemoryBackend();
    const store = new Store({ backend });
    await using log = await recordEvents(store, "", { recursive: true });
    const sync = new SyncStore({ backend });
    sync.writeText("s/one.txt", "1");
    await new Store({ backend, rootPath: "s" }).move("one.txt", "two.txt");
    sync.deleteFolder("s", { recursive: true });
    await log.waitFor((events) => events.length === 4, "four events");
    expect(paths(log.events)).toEqual(["created folder s", "created file s/one.txt", "moved file s/one.txt -> s/two.txt", "deleted folder s"]);
  });

  it("WATCH-020 a full buffer drops and counts; the overflow event sits at the gap, later events follow", async () => {
    const store = new Store({ backend: new MemoryBackend() });
    const watcher = store.watch("", { bufferSize: 2 });
    await watcher.ready;
    const sync = new SyncStore({ backend: store.backend as MemoryBackend });
    for (let i = 0; i < 5; i++) sync.writeText(`f${i}`, "x");
    const iterator = watcher[Symbol.asyncIterator]();
    const first = await iterator.next();
    const second = await iterator.next();
    const gap = await iterator.next();
    sync.writeText("late", "x");
    const late = await iterator.next();
    expect(paths([first.value, second.value, gap.value, late.value] as WatchEvent[])).toEqual(["created file f0", "created file f1", "overflow 3", "created file late"]);
    await watcher.close();
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
  });

  it("WATCH-020 the queue on its own: gaps count, compaction keeps order", () => {
    const queue = new EventQueue<number>(3);
    for (let i = 0; i < 5; i++) queue.push(i);
    expect([queue.shift(), queue.shift()]).toEqual([0, 1]);
    queue.push(5);
    expect([queue.shift(), queue.shift(), queue.shift(), queue.shift()]).toEqual([2, { type: "overflow", dropped: 2 }, 5, undefined]);
    const big = new EventQueue<number>(10_000);
    for (let i = 0; i < 5000; i++) big.push(i);
    for (let i = 0; i < 3000; i++) expect(big.shift()).toBe(i);
    for (let i = 5000; i < 6000; i++) big.push(i);
    expect(big.size).toBe(3000);
    for (let i = 3000; i < 6000; i++) expect(big.shift()).toBe(i);
  });

  it("WATCH-021 a signal, a child store's close, and the backend's close end watchers without an error", async () => {
    const backend = new MemoryBackend();
    const store = new Store({ backend });
    const controller = new AbortController();
    const bySignal = store.watch("", { signal: controller.signal });
    const child = store.child("c");
    const byChild = child.watch("");
    const byBackend = store.watch("");
    await Promise.all([bySignal.ready, byChild.ready, byBackend.ready]);
    controller.abort();
    await child.close();
    expect([bySignal.closed, byChild.closed, byBackend.closed]).toEqual([true, true, false]);
    const ended = (async () => {
      for await (const event of byBackend) void event;
    })();
    await new Store({ backend }).close();
    await ended;
    expect(byBackend.closed).toBe(true);
    const preAborted = store.watch("", { signal: AbortSignal.abort() });
    await preAborted.ready;
    expect(preAborted.closed).toBe(true);
  });

  it("WATCH-030 BE-023 WATCH-012 the Store filters what a backend reports, maps paths and ends on onEnd(error)", async () => {
    const backend = fakeWatchingBackend();
    const store = new Store({ backend, rootPath: "r" });
    const errors: unknown[] = [];
    const seen: WatchEvent[] = [];
    const watcher = store.watch("w", { onChange: (event) => seen.push(event), onError: (error) => errors.push(error) });
    await watcher.ready;
    const sink = backend.sinks[0] as BackendWatchOptions;
    expect(sink.recursive).toBe(false);
    sink.onEvent({ type: "created", kind: "file", path: "r/w/a.txt", size: 1 });
    sink.onEvent({ type: "created", kind: "file", path: "r/w/deep/b.txt" });
    sink.onEvent({ type: "created", kind: "file", path: "other/c.txt" });
    await tick();
    expect(paths(seen)).toEqual(["created file w/a.txt"]);
    sink.onEnd(new BackendUnavailable("gone: {path}", { path: "r/w", backend: "fake" }));
    await tick();
    expect(errors).toEqual([expect.objectContaining({ code: "BACKEND_UNAVAILABLE", path: "w" })]);
    expect(watcher.closed).toBe(true);
    expect(backend.closes).toBe(1);
  });

  it("WATCH-041 MEM-016 with no watcher left the memory core runs its own methods again", async () => {
    const backend = new MemoryBackend();
    const store = new Store({ backend });
    const own = (): string[] => Object.keys(backend.core).filter((key) => ["put", "delete", "move"].includes(key));
    expect(own()).toEqual([]);
    const a = store.watch("");
    const b = store.watch("x");
    await Promise.all([a.ready, b.ready]);
    expect(own().sort()).toEqual(["delete", "move", "put"]);
    await a.close();
    expect(own().length).toBe(3);
    await b.close();
    expect(own()).toEqual([]);
  });

  it("WATCH-070 a cache-like subscriber: onChange with a recursive root watcher sees every path to invalidate", async () => {
    const store = new Store({ backend: new MemoryBackend() });
    const stale = new Set<string>();
    const watcher = store.watch("", { recursive: true, onChange: (event) => {
      if (event.type === "overflow") stale.add("*");
      else {
        stale.add(event.path);
        if (event.from !== undefined) stale.add(event.from);
      }
    } });
    await watcher.ready;
    await store.write("k/1", "a");
    await store.move("k/1", "k/2");
    await tick();
    expect([...stale]).toEqual(["k", "k/1", "k/2"]);
    await watcher.close();
  });
});
