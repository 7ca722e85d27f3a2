import { afterEach, describe, expect, it } from "vitest";
import type { Backend } from "../../src/contract/backend.js";
import { MemoryBackend } from "../../src/backends/memory/index.js";
import { NotFound } from "../../src/errors/classes.js";
import { Registry, registerBackendType } from "../../src/index.js";
import { Store } from "../../src/store/store.js";
import { configErrorOfSync, issueAt, locations } from "./config-errors.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

/** Registers a counting type; `made` lists the backends created, `closed` their closes. */
function countingType(type: string, closeError?: (backend: MemoryBackend) => Error | undefined): { made: MemoryBackend[]; closed: MemoryBackend[] } {
  const made: MemoryBackend[] = [];
  const closed: MemoryBackend[] = [];
  cleanups.push(
    registerBackendType(type, () => {
      const backend = new MemoryBackend();
      const close = backend.close.bind(backend);
      backend.close = async () => {
        closed.push(backend);
        await close();
        const error = closeError?.(backend);
        if (error !== undefined) throw error;
      };
      made.push(backend);
      return backend;
    }),
  );
  return { made, closed };
}

describe("lifecycle", () => {
  it("REG-060 building creates nothing; the first getStore creates the backend once", () => {
    const { made } = countingType("counted");
    const registry = new Registry({ backends: { c: { type: "counted" }, d: { type: "counted" } }, stores: { a: { backend: "c" }, b: { backend: "c" } } });
    expect(made).toHaveLength(0);
    registry.getStore("a");
    registry.getStore("b");
    registry.getStore("a");
    expect(made).toHaveLength(1);
  });

  it("REG-060 two stores on one backend share its data", async () => {
    const registry = new Registry({
      backends: { mem: { type: "memory" } },
      stores: { whole: { backend: "mem" }, reports: { backend: "mem", rootPath: "reports" } },
    });
    const reports = registry.getStore("reports");
    await reports.writeText("q1.txt", "numbers");
    expect(await registry.getStore("whole").readText("reports/q1.txt")).toBe("numbers");
    expect(registry.getStore("whole").backend).toBe(reports.backend);
  });

  it("REG-061 getStore returns a new non-owning Store each time", async () => {
    const registry = new Registry({ backends: { mem: { type: "memory" } }, stores: { s: { backend: "mem", rootPath: "x" } } });
    const first = registry.getStore("s");
    const second = registry.getStore("s");
    expect(first).toBeInstanceOf(Store);
    expect(first).not.toBe(second);
    await first.writeText("f", "1");
    await first.close();
    await expect(first.exists("f")).rejects.toMatchObject({ code: "BACKEND_UNAVAILABLE" });
    expect(await second.readText("f")).toBe("1");
    expect(await registry.getStore("s").readText("f")).toBe("1");
  });

  it("REG-061 an unknown store name is a ConfigError listing the known names", () => {
    const registry = new Registry({ backends: { m: { type: "memory" } }, stores: { cache: { backend: "m" }, reports: { backend: "m" } } });
    const error = configErrorOfSync(() => registry.getStore("report"));
    const issue = issueAt(error, "stores.report");
    expect(issue).toContain("cache, reports");
    expect(issue).toContain('did you mean "reports"?');
    expect(locations(configErrorOfSync(() => new Registry({}).getStore("x")))).toEqual(["stores.x"]);
    expect(() => registry.getStore(undefined as never)).toThrow(TypeError);
  });

  it("REG-062 a factory's library error passes through; other errors become ConfigErrors with cause; failures are not cached", () => {
    let attempts = 0;
    const notFound = new NotFound("no such bucket", { backend: "bucket" });
    cleanups.push(
      registerBackendType("flaky", (options) => {
        attempts++;
        if (options.mode === "library") throw notFound;
        if (attempts === 1) throw new Error("first attempt fails");
        return new MemoryBackend();
      }),
    );
    const registry = new Registry({
      backends: { f: { type: "flaky" }, g: { type: "flaky", options: { mode: "library" } } },
      stores: { s: { backend: "f" }, t: { backend: "g" } },
    });
    const error = configErrorOfSync(() => registry.getStore("s"));
    expect(locations(error)).toEqual(["backends.f"]);
    expect(error.backend).toBe("f");
    expect((error.cause as Error).message).toBe("first attempt fails");
    expect(registry.getStore("s")).toBeInstanceOf(Store);
    expect(attempts).toBe(2);
    expect(() => registry.getStore("t")).toThrow(notFound);
  });

  it("REG-062 a factory result that is not a Backend is a ConfigError", () => {
    cleanups.push(registerBackendType("broken", () => ({ name: "x" }) as unknown as Backend));
    const registry = new Registry({ backends: { b: { type: "broken" } }, stores: { s: { backend: "b" } } });
    expect(locations(configErrorOfSync(() => registry.getStore("s")))).toEqual(["backends.b"]);
  });

  it("REG-063 backends with the same instance key are one instance; differing options are an issue", async () => {
    const registry = new Registry({
      backends: { a: { type: "memory", options: { name: "n", maxSize: 10 } }, b: "memory://n?maxSize=10" },
      stores: { a: { backend: "a" }, b: { backend: "b" } },
    });
    expect(registry.getStore("a").backend).toBe(registry.getStore("b").backend);
    const error = configErrorOfSync(
      () => new Registry({ backends: { a: { type: "memory", options: { name: "n" } }, b: { type: "memory", options: { name: "n", maxSize: 1 } }, c: "memory://n?maxSize=2" } }),
    );
    expect(locations(error)).toEqual(["backends.b.options", "backends.c"]);
  });

  it("REG-064 close closes every created backend, even when one fails, and rethrows the first failure", async () => {
    const { made, closed } = countingType("closing", (backend) => (backend === made[0] || backend === made[1] ? new Error(`close ${made.indexOf(backend)}`) : undefined));
    const registry = new Registry({
      backends: { a: { type: "closing" }, b: { type: "closing" }, c: { type: "closing" }, unused: { type: "closing" } },
      stores: { a: { backend: "a" }, b: { backend: "b" }, c: { backend: "c" } },
    });
    registry.getStore("a");
    registry.getStore("b");
    registry.getStore("c");
    await expect(registry.close()).rejects.toThrow("close 0");
    expect(closed).toHaveLength(3);
    expect(new Set(closed)).toEqual(new Set(made));
  });

  it("REG-064 close is idempotent; stores handed out earlier fail with BackendUnavailable; getStore then makes fresh backends", async () => {
    const registry = new Registry({ backends: { m: { type: "memory" } }, stores: { s: { backend: "m" } } });
    const before = registry.getStore("s");
    await before.writeText("f", "old");
    await registry.close();
    await registry.close();
    await expect(before.readText("f")).rejects.toMatchObject({ code: "BACKEND_UNAVAILABLE" });
    const after = registry.getStore("s");
    expect(after.backend).not.toBe(before.backend);
    expect(await after.exists("f")).toBe(false);
  });

  it("REG-064 await using closes the registry", async () => {
    const { closed } = countingType("disposed");
    {
      await using registry = new Registry({ backends: { d: { type: "disposed" } }, stores: { s: { backend: "d" } } });
      registry.getStore("s");
      expect(closed).toHaveLength(0);
    }
    expect(closed).toHaveLength(1);
  });

  it("REG-064 a store's close never closes the shared backend", async () => {
    const { closed } = countingType("shared");
    const registry = new Registry({ backends: { d: { type: "shared" } }, stores: { s: { backend: "d" } } });
    const store = registry.getStore("s");
    await store.close();
    await using child = registry.getStore("s").child("sub");
    await child.writeText("f", "x");
    expect(closed).toHaveLength(0);
    await registry.close();
    expect(closed).toHaveLength(1);
  });
});
