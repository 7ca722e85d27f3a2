import { describe, expect, it } from "vitest";
import { ConfigError, Registry, registerStoreWrapper, Store, wrapStore } from "../../src/index.js";
import { CachedStore } from "../../src/ext/cache/index.js";
import { FaultyStore } from "../../src/ext/faults/index.js";
import { registerObserver, type StoreEvent } from "../../src/ext/observe/index.js";

function configError(action: () => unknown): ConfigError {
  try {
    action();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  return expect.fail("expected a ConfigError");
}

describe("store wrappers in a config", () => {
  it("REG-110 a store entry names faults, cache and observe; getStore wraps innermost-first and shares one cache", async () => {
    const events: StoreEvent[] = [];
    const unregister = registerObserver("config-test", { onEvent: (e) => events.push(e) });
    try {
      const registry = new Registry({
        backends: { mem: { type: "memory" } },
        stores: {
          data: {
            backend: "mem",
            observe: "config-test",
            cache: { ttl: 60 },
            faults: [{ operations: ["delete"], error: "PERMISSION_DENIED" }],
          },
        },
      });
      const store = registry.getStore("data");
      expect(store).toBeInstanceOf(Store);
      expect(String(store)).toMatch(/^observe\(cache\(faults\(Store\(/);
      await store.write("a.txt", "1");
      expect(await store.readText("a.txt")).toBe("1");
      await expect(store.delete("a.txt")).rejects.toMatchObject({ code: "PERMISSION_DENIED", path: "a.txt" });
      expect(events.map((e) => e.operation)).toEqual(["write", "readText", "delete"]);
      events.length = 0;
      // Two stores of the entry share the cache: the second is served from memory.
      await store.readText("a.txt");
      const again = registry.getStore("data");
      await again.readText("a.txt");
      const cached = (again as unknown as { inner: Store }).inner as CachedStore;
      expect(cached).toBeInstanceOf(CachedStore);
      expect(cached.stats.hits).toBe(1);
      expect((cached as unknown as { inner: Store }).inner).toBeInstanceOf(FaultyStore);
      await registry.close();
    } finally {
      unregister();
    }
  });

  it("REG-110 every problem of the wrappers is an issue at its location, in the same ConfigError", () => {
    const error = configError(
      () =>
        new Registry({
          backends: { mem: { type: "memory" } },
          stores: {
            s: {
              backend: "mem",
              cache: { ttl: 0, tll: 3, maxEntries: 1.5 } as never,
              observe: "nobody",
              faults: [{ error: "NOT_FOUN" }, { probability: 2, error: "NOT_FOUND" }] as never,
              rootPath: "x",
              unknown: 1,
            } as never,
          },
        }),
    );
    expect(error.issues).toEqual([
      expect.stringMatching(/^stores\.s\.cache\.tll: is not a known option .*did you mean "ttl"/),
      expect.stringMatching(/^stores\.s\.cache\.ttl: must be a positive number of seconds, got 0$/),
      expect.stringMatching(/^stores\.s\.cache\.maxEntries: must be a positive integer/),
      expect.stringMatching(/^stores\.s\.observe: unknown observer "nobody"/),
      expect.stringMatching(/^stores\.s\.faults\[0\]\.error: is not a library error code/),
      expect.stringMatching(/^stores\.s\.faults\[1\]\.probability: must be a number from 0 to 1, got 2$/),
      expect.stringMatching(/^stores\.s\.unknown: unknown key/),
    ]);
  });

  it("REG-111 registerStoreWrapper adds a key for third parties, checked and removable", async () => {
    const remove = registerStoreWrapper({
      key: "tagged",
      order: 50,
      check: (value) => (typeof value === "string" ? [] : [{ path: [], message: "must be a string" }]),
      prepare: (value) => (store) => wrapStore(store, { name: String(value) }),
    });
    try {
      const registry = new Registry({ backends: { m: "memory://" }, stores: { t: { backend: "m", tagged: "hello" } as never } });
      expect(String(registry.getStore("t"))).toMatch(/^hello\(Store/);
      expect(configError(() => new Registry({ backends: { m: "memory://" }, stores: { t: { backend: "m", tagged: 1 } as never } })).issues).toEqual(["stores.t.tagged: must be a string"]);
      expect(() => registerStoreWrapper({ key: "tagged", order: 1, check: () => [], prepare: () => (s) => s })).toThrow(TypeError);
      expect(() => registerStoreWrapper({ key: "backend", order: 1, check: () => [], prepare: () => (s) => s })).toThrow(TypeError);
      await registry.close();
    } finally {
      remove();
    }
    expect(configError(() => new Registry({ backends: { m: "memory://" }, stores: { t: { backend: "m", tagged: "x" } as never } })).issues[0]).toMatch(/stores\.t\.tagged: unknown key/);
  });

  it("OBS-008 registerObserver checks its name and hooks", () => {
    expect(() => registerObserver("", {})).toThrow(TypeError);
    expect(() => registerObserver("bad-hooks", { onEvent: 1 } as never)).toThrow(/onEvent/);
    const remove = registerObserver("twice", {});
    expect(() => registerObserver("twice", {})).toThrow(TypeError);
    remove();
    registerObserver("twice", {})();
  });
});
