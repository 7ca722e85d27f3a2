import { describe, expect, it, vi } from "vitest";
import { capabilitySet, MemoryBackend, Registry, Store, type Backend } from "../../../src/index.js";
import { cache } from "../../../src/ext/cache/index.js";
import { ManualClock } from "../../../src/testing/index.js";

/** Waits until `read` gives `expected` (a hang guard, not a timing: events arrive asynchronously, WATCH-004). */
async function eventually(read: () => Promise<unknown>, expected: unknown): Promise<void> {
  await vi.waitFor(async () => expect(await read()).toEqual(expected), { timeout: 20_000, interval: 1 });
}

describe("cache invalidated by change events", () => {
  it("CACHE-013 with invalidateOn: \"watch\", writes behind the cache's back become visible without a ttl", async () => {
    const clock = new ManualClock();
    const inner = new Store({ backend: new MemoryBackend({ clock: clock.now }) });
    const store = cache(inner, { invalidateOn: "watch", clock: clock.now });
    await store.ready;
    await inner.write("docs/a.txt", "1");
    await eventually(() => store.readText("docs/a.txt"), "1");
    // Cached (once the write's own events have arrived): answered from memory, and the clock never moves, so nothing expires.
    await eventually(async () => {
      const hits = store.stats.hits;
      await store.readText("docs/a.txt");
      return store.stats.hits > hits;
    }, true);
    expect(await store.exists("docs/b.txt")).toBe(false);
    expect(await store.child("docs").listFiles().toArray()).toHaveLength(1);
    // Changes by another store on the same backend drop what they change, as their events arrive.
    await inner.write("docs/a.txt", "2", { overwrite: true });
    await eventually(() => store.readText("docs/a.txt"), "2");
    await inner.write("docs/b.txt", "new");
    await eventually(() => store.exists("docs/b.txt"), true);
    await eventually(async () => (await store.child("docs").listFiles().toArray()).length, 2);
    await inner.move("docs/a.txt", "elsewhere/a.txt");
    await eventually(() => store.exists("docs/a.txt"), false);
    await store.close();
    expect(store.stats.size).toBe(0);
  });

  it("CACHE-013 a cache without invalidateOn: \"watch\" is ready at once; one whose watch cannot start keeps nothing", async () => {
    await cache(new Store({ backend: new MemoryBackend() })).ready;
    const inner = new Store({ backend: new MemoryBackend() });
    await inner.close();
    const store = cache(inner, { invalidateOn: "watch" });
    await expect(store.ready).rejects.toMatchObject({ code: "BACKEND_UNAVAILABLE" });
    expect(store.stats.size).toBe(0);
  });

  it("CACHE-013 without the watch capability, or with a bad invalidateOn, cache throws before anything is wrapped", () => {
    const inner = new Store({ backend: new MemoryBackend() });
    expect(() => cache(inner, { invalidateOn: "events" as never })).toThrow(RangeError);
    expect(() => cache(inner, { invalidateOn: "events" as never })).toThrow(/^invalidateOn /);
    expect(() => cache(inner, { invalidateOn: true as never })).toThrow(TypeError);
    const backend = { name: "none", capabilities: capabilitySet([]), kindOf: async () => undefined, close: async () => undefined } as Backend;
    expect(() => cache(new Store({ backend }), { invalidateOn: "watch" })).toThrow(expect.objectContaining({ code: "CAPABILITY_NOT_SUPPORTED", capability: "watch" }));
  });

  it("CACHE-013 configs cannot ask for invalidateOn (a store entry opens no watch)", () => {
    const config = { backends: { mem: { type: "memory" } }, stores: { main: { backend: "mem", cache: { invalidateOn: "watch" } } } };
    expect(() => new Registry(config as never)).toThrow(/invalidateOn/);
  });
});
