import { afterEach, describe, expect, it } from "vitest";
import { MemoryBackend } from "../../src/backends/memory/index.js";
import { ConfigError } from "../../src/errors/classes.js";
import { openStore, Registry, registerBackendType } from "../../src/index.js";
import * as z from "zod";
import { configErrorOfSync, issueAt, locations } from "./config-errors.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

describe("URL backend entries", () => {
  it("REG-040 the scheme selects the type; an unknown scheme lists the supported ones", () => {
    const error = configErrorOfSync(() => new Registry({ backends: { a: "ftp://host/x", b: "memroy://" } }));
    expect(locations(error)).toEqual(["backends.a", "backends.b"]);
    expect(issueAt(error, "backends.a")).toContain("memory:");
    expect(issueAt(error, "backends.b")).toContain('did you mean "memory:"?');
  });

  it("REG-040 a string that is not a URL asks for a type or a URL", () => {
    const error = configErrorOfSync(() => new Registry({ backends: { a: "memory", b: "" } }));
    expect(locations(error)).toEqual(["backends.a", "backends.b"]);
  });

  it("REG-040 a third-party type can claim a scheme; its parse errors are issues at the entry", () => {
    const seen: unknown[] = [];
    cleanups.push(
      registerBackendType(
        "bucket",
        (options) => {
          seen.push(options);
          return new MemoryBackend();
        },
        {
          url: {
            scheme: "bucket",
            parse: (url) => {
              const u = new URL(url);
              if (u.hostname === "") throw new ConfigError("bad", { issues: ["a bucket URL needs a bucket name"] });
              if (u.hostname === "boom") throw new Error("exploded");
              return { options: { bucket: u.hostname }, rootPath: u.pathname };
            },
          },
        },
      ),
    );
    const registry = new Registry({ backends: { b: "bucket://data/prefix" }, stores: { s: { backend: "b", rootPath: "x" } } });
    expect(registry.getStore("s").rootPath).toBe("prefix/x");
    expect(seen).toEqual([{ bucket: "data" }]);
    const error = configErrorOfSync(() => new Registry({ backends: { a: "bucket:///x", b: "bucket://boom" } }));
    expect(locations(error)).toEqual(["backends.a", "backends.b"]);
  });

  it("REG-041 query parameters become options; numbers are converted by the schema", async () => {
    const registry = new Registry({ backends: { m: "memory://?maxSize=4" }, stores: { s: { backend: "m" } } });
    expect(registry.toJSON().backends.m!.options).toEqual({ maxSize: 4 });
    const store = registry.getStore("s");
    await store.write("a", "abcd");
    await expect(store.write("b", "e")).rejects.toMatchObject({ code: "QUOTA_EXCEEDED" });
  });

  it("REG-041 a bad or repeated parameter is an issue at the entry", () => {
    const error = configErrorOfSync(
      () => new Registry({ backends: { a: "memory://?maxSize=big", b: "memory://?maxSize=1&maxSize=2", c: "memory://?colour=red" } }),
    );
    expect(locations(error)).toEqual(["backends.a", "backends.b", "backends.c"]);
  });

  it("REG-041 booleans are converted from true/false", () => {
    const seen: unknown[] = [];
    cleanups.push(
      registerBackendType(
        "flags",
        (options) => {
          seen.push(options);
          return new MemoryBackend();
        },
        {
          schema: z.strictObject({ on: z.boolean(), n: z.number().optional() }),
          url: { scheme: "flags", parse: (url) => ({ options: Object.fromEntries(new URL(url).searchParams) }) },
        },
      ),
    );
    new Registry({ backends: { f: "flags://?on=true&n=-1.5e1" }, stores: { s: { backend: "f" } } }).getStore("s");
    expect(seen).toEqual([{ on: true, n: -15 }]);
    expect(locations(configErrorOfSync(() => new Registry({ backends: { f: "flags://?on=yes" } })))).toEqual(["backends.f"]);
  });

  it("REG-042 memory:// entries are private trees", async () => {
    const registry = new Registry({ backends: { a: "memory://", b: "memory://" }, stores: { a: { backend: "a" }, b: { backend: "b" } } });
    await registry.getStore("a").writeText("f", "x");
    expect(await registry.getStore("b").exists("f")).toBe(false);
    expect(await registry.getStore("a").exists("f")).toBe(true);
  });

  it("REG-042 memory://name is one tree for every entry naming it in one registry", async () => {
    const registry = new Registry({
      backends: { a: "memory://shared", b: "memory://shared/sub", c: { type: "memory", options: { name: "shared" } } },
      stores: { a: { backend: "a" }, b: { backend: "b" }, c: { backend: "c", rootPath: "sub" } },
    });
    await registry.getStore("a").writeText("sub/f.txt", "hi");
    expect(await registry.getStore("b").readText("f.txt")).toBe("hi");
    expect(await registry.getStore("c").readText("f.txt")).toBe("hi");
    expect(await registry.getStore("a").url("sub/f.txt")).toBe("memory://shared/sub/f.txt");
    const other = new Registry({ backends: { a: "memory://shared" }, stores: { a: { backend: "a" } } });
    expect(await other.getStore("a").exists("sub/f.txt")).toBe(false);
  });

  it("REG-042 malformed memory URLs are issues", () => {
    const error = configErrorOfSync(
      () =>
        new Registry({
          backends: { a: "memory:", b: "memory:name", c: "memory://u:p@host", d: "memory://host:99", e: "memory://bad%20name", f: "memory://x#frag", g: "memory://x?name=y" },
        }),
    );
    expect(locations(error)).toEqual(["backends.a", "backends.b", "backends.c", "backends.d", "backends.e", "backends.f", "backends.g"]);
  });

  it("REG-043 the URL's path is prefixed to the rootPath of every store on the backend", () => {
    const registry = new Registry({
      backends: { m: "memory://shared/base/dir", n: "memory://other/a%20b" },
      stores: { s: { backend: "m", rootPath: "x" }, t: { backend: "m" }, u: { backend: "n" } },
    });
    expect(registry.getStore("s").rootPath).toBe("base/dir/x");
    expect(registry.getStore("t").rootPath).toBe("base/dir");
    expect(registry.getStore("u").rootPath).toBe("a b");
  });

  it("REG-043 dot segments never climb above the root; a '..' that survives decoding is an issue", () => {
    expect(new Registry({ backends: { m: "memory://x/a/../../b" }, stores: { s: { backend: "m" } } }).getStore("s").rootPath).toBe("b");
    expect(locations(configErrorOfSync(() => new Registry({ backends: { m: "memory://x/a%2F..%2F..%2Fetc" } })))).toEqual(["backends.m"]);
  });
});

describe("openStore", () => {
  it("REG-045 openStore is synchronous and returns a Store on a fresh backend", async () => {
    const store = openStore("memory://");
    await store.writeText("a.txt", "x");
    expect(await store.readText("a.txt")).toBe("x");
    expect(await openStore("memory://").exists("a.txt")).toBe(false);
  });

  it("REG-045 the URL path is the store's rootPath; query parameters are options", async () => {
    const store = openStore("memory://cache/dir/sub?maxSize=2");
    expect(store.rootPath).toBe("dir/sub");
    expect(store.backend.name).toBe("cache");
    await store.write("a", "ab");
    await expect(store.write("b", "c")).rejects.toMatchObject({ code: "QUOTA_EXCEEDED" });
  });

  it("REG-045 each call makes its own backend, even for the same name", async () => {
    await openStore("memory://same").writeText("f", "x");
    expect(await openStore("memory://same").exists("f")).toBe(false);
  });

  it("REG-045 the store owns its backend", async () => {
    const store = openStore("memory://");
    await store.close();
    await expect(store.backend.kindOf("")).rejects.toMatchObject({ code: "BACKEND_UNAVAILABLE" });
  });

  it("REG-045 a bad URL is a ConfigError located at url; a non-string is a TypeError", () => {
    expect(locations(configErrorOfSync(() => openStore("nope://x")))).toEqual(["url"]);
    expect(locations(configErrorOfSync(() => openStore("memory://?maxSize=-1")))).toEqual(["url"]);
    expect(() => openStore(5 as never)).toThrow(TypeError);
  });
});
