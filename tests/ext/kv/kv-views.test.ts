import { describe, expect, it, vi } from "vitest";
import { Sweeper } from "../../../src/ext/kv/sweeper.js";
import { createKeyValue, createSyncKeyValue } from "../../../src/ext/kv/index.js";
import { MemoryBackend, Store, SyncStore } from "../../../src/index.js";
import { localStore, wrapBackend } from "../support/backends.js";
import { expectCode, expectTypeError } from "../support/expect.js";

describe("key-value views", () => {
  it("KV-001 createKeyValue checks its arguments and needs read, write, delete and list", async () => {
    expect(() => createKeyValue({} as never)).toThrow(TypeError);
    expect(() => createKeyValue(new Store({ backend: new MemoryBackend() }), 3 as never)).toThrow(TypeError);
    expect(() => createSyncKeyValue(new Store({ backend: new MemoryBackend() }) as never)).toThrow(TypeError);
    for (const capability of ["read", "write", "delete", "list"] as const) {
      const store = new Store({ backend: wrapBackend(new MemoryBackend(), { without: [capability] }) });
      await expectCode(() => createKeyValue(store), "CAPABILITY_NOT_SUPPORTED");
    }
    await expectTypeError(() => createKeyValue(new Store({ backend: new MemoryBackend() }), { defaultTtl: "1" as never }), "defaultTtl");
  });

  it("KV-033 sync and async views on one memory backend are atomic together", async () => {
    const backend = new MemoryBackend();
    const asyncKv = createKeyValue(new Store({ backend, rootPath: "kv" }));
    const other = createKeyValue(new Store({ backend }).child("kv"));
    const syncKv = createSyncKeyValue(new SyncStore({ backend, rootPath: "kv" }));
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < 1000; i++) {
      if (i % 3 === 0) work.push(Promise.resolve().then(() => syncKv.increment("n")));
      else work.push((i % 3 === 1 ? asyncKv : other).increment("n"));
    }
    await Promise.all(work);
    expect(syncKv.get("n")).toBe(1000);
    expect([asyncKv.atomicIncrement, syncKv.atomicIncrement]).toEqual([true, true]);
  });

  it("KV-034 views with different roots over one backend share the lock of each file", async () => {
    const backend = wrapBackend(new MemoryBackend());
    const a = createKeyValue(new Store({ backend }).child("app/kv"));
    const b = createKeyValue(new Store({ backend, rootPath: "app" }).child("kv"));
    const c = createKeyValue(new Store({ backend }).child("app"));
    await Promise.all(Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? a.increment("n") : i % 3 === 1 ? b.increment("n") : c.increment("kv/n"))));
    expect(await a.get("n")).toBe(300);
    expect(a.atomicIncrement).toBe(false);
  });

  it("KV-043 an async view on a closed store is BackendUnavailable (memory, generic and local)", async () => {
    const stores = [new Store({ backend: new MemoryBackend() }), new Store({ backend: wrapBackend(new MemoryBackend()) }), await localStore()];
    for (const parent of stores) {
      const child = parent.child("kv");
      const kv = createKeyValue(child);
      await kv.set("k", 1);
      await child.close();
      await expectCode(() => kv.get("k"), "BACKEND_UNAVAILABLE");
      await expectCode(() => kv.increment("k"), "BACKEND_UNAVAILABLE");
      expect(await createKeyValue(parent.child("kv")).get("k")).toBe(1);
    }
  });

  it("KV-043 `await using` and `using` close the views", async () => {
    const store = new Store({ backend: new MemoryBackend() });
    let escaped: Awaited<ReturnType<typeof createKeyValue>> | undefined;
    {
      await using kv = createKeyValue(store);
      await kv.set("k", 1);
      escaped = kv;
    }
    await expectCode(() => escaped.get("k"), "BACKEND_UNAVAILABLE");
    let escapedSync: ReturnType<typeof createSyncKeyValue> | undefined;
    {
      using kv = createSyncKeyValue(SyncStore.of(store));
      expect(kv.get("k")).toBe(1);
      escapedSync = kv;
    }
    await expectCode(() => escapedSync.get("k"), "BACKEND_UNAVAILABLE");
    expect(await store.exists("k")).toBe(true);
  });

  it("KV-024 a sweep never overlaps the previous one", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    try {
      let calls = 0;
      let finish: () => void = () => undefined;
      const sweeper = new Sweeper(10, () => {
        calls++;
        return new Promise<void>((resolve) => {
          finish = resolve;
        });
      }, undefined);
      vi.advanceTimersByTime(55);
      expect(calls).toBe(1);
      finish();
      await Promise.resolve();
      await Promise.resolve();
      vi.advanceTimersByTime(10);
      expect(calls).toBe(2);
      finish();
      await sweeper.stop();
      vi.advanceTimersByTime(100);
      expect(calls).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
