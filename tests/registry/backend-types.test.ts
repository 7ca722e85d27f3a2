import { afterEach, describe, expect, it } from "vitest";
import * as z from "zod";
import type { Backend } from "../../src/contract/backend.js";
import { MemoryBackend } from "../../src/backends/memory/index.js";
import { isRemoteStoreError } from "../../src/errors/remote-store-error.js";
import { Registry, registerBackendType, registeredBackendTypes } from "../../src/index.js";
import { configErrorOfSync, issueAt, locations } from "./config-errors.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

function register(...args: Parameters<typeof registerBackendType>): void {
  cleanups.push(registerBackendType(...args));
}

const bucketSchema = z.strictObject({ bucket: z.string().min(1), port: z.number().int().positive().optional(), secure: z.boolean().optional() });

describe("registerBackendType", () => {
  it("REG-020 a registered type's factory receives the validated options", () => {
    const seen: unknown[] = [];
    cleanups.push(
      registerBackendType(
        "bucket",
        (options: z.output<typeof bucketSchema>) => {
          seen.push(options);
          return new MemoryBackend();
        },
        { schema: bucketSchema },
      ),
    );
    const registry = new Registry({ backends: { b: { type: "bucket", options: { bucket: "x", port: 9 } } }, stores: { s: { backend: "b" } } });
    expect(seen).toEqual([]);
    registry.getStore("s");
    expect(seen).toEqual([{ bucket: "x", port: 9 }]);
  });

  it("REG-020 a third-party schema gets the same validation and messages as the built-in ones", () => {
    register("bucket", () => new MemoryBackend(), { schema: bucketSchema });
    const error = configErrorOfSync(
      () => new Registry({ backends: { b: { type: "bucket", options: { port: 0, secure: "yes", buckit: "x" } } } }),
    );
    expect(locations(error).sort()).toEqual(["backends.b.options.bucket", "backends.b.options.buckit", "backends.b.options.port", "backends.b.options.secure"]);
    expect(issueAt(error, "backends.b.options.buckit")).toContain('did you mean "bucket"?');
  });

  it("REG-020 a schema's refinement message is kept", () => {
    register("even", () => new MemoryBackend(), { schema: z.strictObject({ n: z.number().refine((n) => n % 2 === 0, { message: "must be even" }) }) });
    const error = configErrorOfSync(() => new Registry({ backends: { e: { type: "even", options: { n: 3 } } } }));
    expect(issueAt(error, "backends.e.options.n")).toContain("must be even");
  });

  it("REG-020 without a schema the options table passes through unchanged", () => {
    const seen: unknown[] = [];
    register("loose", (options) => {
      seen.push(options);
      return new MemoryBackend();
    });
    new Registry({ backends: { l: { type: "loose", options: { anything: [1, 2] } } }, stores: { s: { backend: "l" } } }).getStore("s");
    expect(seen).toEqual([{ anything: [1, 2] }]);
    const error = configErrorOfSync(() => new Registry({ backends: { l: { type: "loose", options: [1] } } } as never));
    expect(locations(error)).toEqual(["backends.l.options"]);
  });

  it("REG-021 registering an existing type needs replace; bad arguments are TypeErrors", () => {
    register("dup", () => new MemoryBackend());
    let thrown: unknown;
    try {
      registerBackendType("dup", () => new MemoryBackend());
    } catch (error) {
      thrown = error;
    }
    expect(isRemoteStoreError(thrown, "CONFIG_INVALID")).toBe(true);
    register("dup", () => new MemoryBackend(), { replace: true });
    expect(() => registerBackendType("Bad Name", () => new MemoryBackend())).toThrow(TypeError);
    expect(() => registerBackendType("ok", "nope" as never)).toThrow(TypeError);
    expect(() => registerBackendType("ok", () => new MemoryBackend(), { schema: {} as never })).toThrow(TypeError);
    expect(() => registerBackendType("ok", () => new MemoryBackend(), { capabilities: ["fly" as never] })).toThrow(TypeError);
    expect(() => registerBackendType("ok", () => new MemoryBackend(), { url: { scheme: "x:", parse: () => ({ options: {} }) } })).toThrow(TypeError);
    expect(registeredBackendTypes()).not.toContain("ok");
  });

  it("REG-021 a URL scheme can belong to one type only", () => {
    register("one", () => new MemoryBackend(), { url: { scheme: "one", parse: () => ({ options: {} }) } });
    const error = configErrorOfSync(() => registerBackendType("two", () => new MemoryBackend(), { url: { scheme: "one", parse: () => ({ options: {} }) } }));
    expect(error.issues).toHaveLength(1);
  });

  it("REG-022 the returned function removes the registration", () => {
    const remove = registerBackendType("temp", () => new MemoryBackend());
    expect(registeredBackendTypes()).toContain("temp");
    remove();
    expect(registeredBackendTypes()).not.toContain("temp");
    remove();
    expect(registeredBackendTypes()).not.toContain("temp");
  });

  it("REG-022 removing a replaced registration leaves the replacement", () => {
    const removeFirst = registerBackendType("temp2", () => new MemoryBackend());
    register("temp2", () => new MemoryBackend(), { replace: true });
    removeFirst();
    expect(registeredBackendTypes()).toContain("temp2");
  });

  it("REG-023 a built registry keeps the definitions it was built with", () => {
    const made: string[] = [];
    const remove = registerBackendType("v", () => {
      made.push("first");
      return new MemoryBackend();
    });
    const registry = new Registry({ backends: { b: { type: "v" } }, stores: { s: { backend: "b" } } });
    remove();
    register("v", () => {
      made.push("second");
      return new MemoryBackend();
    });
    registry.getStore("s");
    expect(made).toEqual(["first"]);
  });

  it("REG-023 a type registered after nothing was built is usable; unregistered is not", () => {
    const error = configErrorOfSync(() => new Registry({ backends: { b: { type: "later" } } }));
    expect(locations(error)).toEqual(["backends.b.type"]);
    register("later", () => new MemoryBackend());
    expect(new Registry({ backends: { b: { type: "later" } } }).backendNames).toEqual(["b"]);
  });

  it("REG-024 an unknown type lists the registered types", () => {
    const error = configErrorOfSync(() => new Registry({ backends: { b: { type: "memroy" } } }));
    const issue = issueAt(error, "backends.b.type");
    for (const type of registeredBackendTypes()) expect(issue).toContain(type);
    expect(issue).toContain('did you mean "memory"?');
  });

  it("REG-025 memory options: maxSize is a non-negative integer, name a valid name", () => {
    const error = configErrorOfSync(
      () =>
        new Registry({
          backends: {
            a: { type: "memory", options: { maxSize: 1.5 } },
            b: { type: "memory", options: { maxSize: -1 } },
            c: { type: "memory", options: { name: "a/b" } },
            d: { type: "memory", options: { name: "" } },
          },
        }),
    );
    expect(locations(error)).toEqual(["backends.a.options.maxSize", "backends.b.options.maxSize", "backends.c.options.name", "backends.d.options.name"]);
  });

  it("REG-025 memory maxSize reaches the backend", async () => {
    const registry = new Registry({ backends: { m: { type: "memory", options: { maxSize: 3 } } }, stores: { s: { backend: "m" } } });
    const store = registry.getStore("s");
    await store.write("a", "abc");
    await expect(store.write("b", "d")).rejects.toMatchObject({ code: "QUOTA_EXCEEDED" });
  });

  it("REG-027 registeredBackendTypes is sorted and includes memory", () => {
    register("aaa", () => new MemoryBackend());
    const types = registeredBackendTypes();
    expect(types).toContain("memory");
    expect(types).toEqual([...types].sort());
  });

  it("REG-020 the factory's typed options come from the schema", () => {
    const factory = (options: { bucket: string }): Backend => new MemoryBackend({ name: options.bucket });
    cleanups.push(registerBackendType("typed", factory, { schema: z.strictObject({ bucket: z.string() }) }));
    const store = new Registry({ backends: { t: { type: "typed", options: { bucket: "bkt" } } }, stores: { s: { backend: "t" } } }).getStore("s");
    expect(store.backend.name).toBe("bkt");
  });
});
