import { describe, expect, it } from "vitest";
import { MemoryBackend, MultipartUpload, Store } from "../../../src/index.js";
import { observe, type ObserveHooks, type StoreEvent } from "../../../src/ext/observe/index.js";
import { recordEvents } from "../../../src/testing/index.js";
import { expectCode } from "../support/expect.js";

/** An observed memory store, its events, and a clock that moves 5 ms per read. */
function observed(hooks: Partial<ObserveHooks> = {}): { inner: Store; store: Store; events: StoreEvent[] } {
  const inner = new Store({ backend: new MemoryBackend() });
  const events: StoreEvent[] = [];
  let time = 1_000_000;
  const store = observe(inner, { onEvent: (e) => events.push(e), now: () => (time += 5), ...hooks });
  return { inner, store, events };
}

const brief = (e: StoreEvent): Record<string, unknown> => ({ operation: e.operation, path: e.path, to: e.to, bytes: e.bytes, items: e.items, error: (e.error as { code?: string } | undefined)?.code });

describe("observe", () => {
  it("OBS-001 OBS-002 the observed store behaves like the store and reports each operation", async () => {
    const { inner, store, events } = observed();
    expect(store).toBeInstanceOf(Store);
    const result = await store.write("./a//b.txt", "hello");
    expect(result.size).toBe(5);
    expect(await store.readBytes("a/b.txt")).toEqual(new TextEncoder().encode("hello"));
    await store.copy("a/b.txt", "c.txt");
    await expectCode(() => store.readText("missing.txt"), "NOT_FOUND", "missing.txt");
    expect(await inner.readText("c.txt")).toBe("hello");
    expect(events.map(brief)).toEqual([
      { operation: "write", path: "a/b.txt", to: undefined, bytes: 5, items: undefined, error: undefined },
      { operation: "readBytes", path: "a/b.txt", to: undefined, bytes: 5, items: undefined, error: undefined },
      { operation: "copy", path: "a/b.txt", to: "c.txt", bytes: undefined, items: undefined, error: undefined },
      { operation: "readText", path: "missing.txt", to: undefined, bytes: undefined, items: undefined, error: "NOT_FOUND" },
    ]);
    const [first] = events;
    expect(first?.store).toBe(store);
    expect(first?.durationMs).toBe(5);
    expect(first?.startedAt).toBe(1_000_005);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });

  it("OBS-003 on[operation] runs before onEvent; around wraps the call and cannot change its result", async () => {
    const order: string[] = [];
    const { store } = observed({
      on: { exists: (e) => order.push(`on:${e.operation}`) },
      onEvent: (e) => order.push(`event:${e.operation}`),
      around: (start, run) => {
        order.push(`before:${start.operation}`);
        run();
        run();
        order.push(`after:${start.operation}`);
        return "ignored";
      },
    });
    expect(await store.exists("x")).toBe(false);
    expect(order).toEqual(["before:exists", "after:exists", "on:exists", "event:exists"]);
  });

  it("OBS-003 an around that never calls run still has the operation run", async () => {
    const { store, inner } = observed({ around: () => undefined });
    await store.write("a.txt", "x");
    expect(await inner.readText("a.txt")).toBe("x");
  });

  it("OBS-004 a read stream is timed and counted to its end; a cancelled one ends there", async () => {
    const { store, events } = observed();
    await store.write("big.bin", new Uint8Array(3000));
    events.length = 0;
    const stream = await store.read("big.bin");
    expect(events).toHaveLength(0);
    let total = 0;
    const reader = stream.getReader();
    for (let next = await reader.read(); next.done !== true; next = await reader.read()) total += next.value.byteLength;
    expect(total).toBe(3000);
    expect(events.map(brief)).toEqual([{ operation: "read", path: "big.bin", to: undefined, bytes: 3000, items: undefined, error: undefined }]);
    const cancelled = await store.read("big.bin");
    await cancelled.cancel();
    expect(events).toHaveLength(2);
    await expectCode(() => store.read("none"), "NOT_FOUND", "none");
    expect(events.at(-1)?.error).toBeDefined();
  });

  it("OBS-004 each listing pass is an event with its items; a pass left early ends there; a bad listing call throws at once", async () => {
    const { store, events } = observed();
    await store.write("d/a.txt", "1");
    await store.write("d/b.txt", "2");
    events.length = 0;
    const listing = store.listFiles("d");
    expect(events).toHaveLength(0);
    expect(await listing.toArray()).toHaveLength(2);
    for await (const entry of listing) if (entry.name === "a.txt") break;
    const names: string[] = [];
    for await (const entry of store.iterChildren("d")) names.push(entry.name);
    expect(names).toEqual(["a.txt", "b.txt"]);
    expect(events.map(brief)).toEqual([
      { operation: "listFiles", path: "d", to: undefined, bytes: undefined, items: 2, error: undefined },
      { operation: "listFiles", path: "d", to: undefined, bytes: undefined, items: 1, error: undefined },
      { operation: "iterChildren", path: "d", to: undefined, bytes: undefined, items: 2, error: undefined },
    ]);
    expect(() => store.listFiles("../x")).toThrow();
    expect(events.at(-1)?.error).toBeDefined();
  });

  it("OBS-005 a hook that throws never changes the outcome and is reported to onHookError", async () => {
    const reported: unknown[] = [];
    const boom = (): never => {
      throw new Error("hook failed");
    };
    const { store, inner } = observed({ onEvent: boom, on: { write: boom }, around: boom, onHookError: (error) => reported.push(error) });
    const result = await store.write("a.txt", "x");
    expect(result.path).toBe("a.txt");
    expect(await inner.readText("a.txt")).toBe("x");
    await expectCode(() => store.readBytes("none"), "NOT_FOUND", "none");
    // write: around, on.write, onEvent; readBytes: around, onEvent.
    expect(reported.length).toBe(5);
    // Without onHookError the errors are ignored; a throwing onHookError is dropped too.
    const quiet = observe(inner, { onEvent: boom, onHookError: boom });
    await expect(quiet.readText("a.txt")).resolves.toBe("x");
  });

  it("OBS-006 children and upload handles report to the same hooks, paths relative to the child", async () => {
    const { store, events } = observed();
    const child = store.child("sub");
    await child.write("x.txt", "1");
    const upload = await child.startMultipartUpload("m.bin");
    expect(upload).toBeInstanceOf(MultipartUpload);
    await upload.uploadPart(1, "abc");
    await upload.complete();
    expect(events.map((e) => `${e.operation} ${e.path ?? ""} ${e.bytes ?? ""}`)).toEqual([
      "child sub ",
      "write x.txt 1",
      "startMultipartUpload m.bin ",
      "uploadPart m.bin 3",
      "completeMultipartUpload m.bin 3",
    ]);
  });

  it("OBS-011 watch is one event, ended when the watcher is ready or fails to start; its changes are not operations", async () => {
    const { inner, store, events } = observed();
    await inner.write("file.txt", "x");
    await using log = await recordEvents(store, "", { recursive: true });
    expect(events.map(brief)).toEqual([{ operation: "watch", path: "", to: undefined, bytes: undefined, items: undefined, error: undefined }]);
    await inner.write("a.txt", "behind");
    await log.waitFor((seen) => seen.some((e) => e.type === "created" && e.path === "a.txt"), "a.txt created");
    expect(events).toHaveLength(1);
    const onFile = store.watch("file.txt");
    await expectCode(() => onFile.ready, "INVALID_PATH", "file.txt");
    expect(() => store.watch("", { bufferSize: 0 })).toThrow(RangeError);
    expect(events.slice(1).map((e) => `${e.operation} ${e.path ?? ""} ${e.error?.name ?? ""}`)).toEqual(["watch file.txt InvalidPath", "watch  RangeError"]);
  });

  it("OBS-007 bad hooks are a TypeError naming them, before anything is wrapped", () => {
    const store = new Store({ backend: new MemoryBackend() });
    expect(() => observe(store, null as never)).toThrow(TypeError);
    expect(() => observe(store, { onEvnt: () => undefined } as never)).toThrow(/onEvnt/);
    expect(() => observe(store, { onEvent: 1 } as never)).toThrow(/onEvent/);
    expect(() => observe(store, { on: { reed: () => undefined } } as never)).toThrow(/reed/);
    expect(() => observe(store, { on: { read: "x" } } as never)).toThrow(/on\.read/);
    expect(() => observe({} as Store, {})).toThrow(TypeError);
  });
});
