import { afterEach, describe, expect, it } from "vitest";
import type { Backend } from "../../src/contract/backend.js";
import { MemoryBackend } from "../../src/backends/memory/index.js";
import { capabilitySet } from "../../src/contract/capabilities.js";
import { BackendUnavailable } from "../../src/errors/classes.js";
import { openStore, Registry, registerBackendType } from "../../src/index.js";
import { configErrorOf, locations } from "./config-errors.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

const ALL = [...new MemoryBackend().capabilities];

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("factories that return a Promise", () => {
  it("REG-070 getStore stays synchronous; calls wait for the backend", async () => {
    const gate = deferred<Backend>();
    cleanups.push(registerBackendType("slow", () => gate.promise, { capabilities: ALL }));
    const registry = new Registry({ backends: { s: { type: "slow" } }, stores: { a: { backend: "s", rootPath: "x" }, b: { backend: "s" } } });
    const store = registry.getStore("a");
    expect(store.supports("write")).toBe(true);
    const writing = store.writeText("f.txt", "later");
    gate.resolve(new MemoryBackend({ name: "real" }));
    await writing;
    expect(await registry.getStore("b").readText("x/f.txt")).toBe("later");
    expect(store.backend.name).toBe("real");
    const files = await registry.getStore("b").listFiles("", { recursive: true }).toArray();
    expect(files.map((f) => f.path)).toEqual(["x/f.txt"]);
    expect(await store.url("f.txt")).toBe("memory://real/x/f.txt");
  });

  it("REG-070 BE-021 without declared capabilities a Promise factory works: the first call waits for the backend, then its capabilities gate before any I/O", async () => {
    const gate = deferred<Backend>();
    cleanups.push(registerBackendType("undeclared", () => gate.promise));
    const registry = new Registry({ backends: { u: { type: "undeclared" } }, stores: { s: { backend: "u", rootPath: "r" } } });
    const store = registry.getStore("s");
    expect(store.supports("write")).toBe(false);
    const writing = store.writeText("a.txt", "hi");
    const listing = store.listFiles("", { recursive: true }).toArray();
    const real = new MemoryBackend();
    gate.resolve(real);
    await writing;
    expect((await listing).map((f) => f.path)).toEqual(["a.txt"]);
    expect(store.supports("write")).toBe(true);
    expect(await store.readText("a.txt")).toBe("hi");
    expect(await real.exists("r/a.txt")).toBe(true);
    await registry.close();
  });

  it("REG-070 BE-021 an undeclared read-only backend refuses a write after it arrives, before any I/O", async () => {
    const real = new MemoryBackend();
    let writes = 0;
    const readOnly: Backend = {
      name: "read-only",
      capabilities: capabilitySet(["read", "list", "metadata"]),
      kindOf: (path) => real.kindOf(path),
      close: () => real.close(),
      read: (path, range) => real.read(path, range),
      listFiles: (path, options) => real.listFiles(path, options),
      getFileInfo: (path) => real.getFileInfo(path),
      write: (...args) => {
        writes++;
        return real.write(...args);
      },
    };
    cleanups.push(registerBackendType("later-ro", () => Promise.resolve(readOnly)));
    const store = new Registry({ backends: { l: { type: "later-ro" } }, stores: { s: { backend: "l" } } }).getStore("s");
    const error = await store.writeText("f.txt", "x").then(() => undefined, (e: unknown) => e);
    expect(error).toMatchObject({ code: "CAPABILITY_NOT_SUPPORTED", capability: "write" });
    expect(writes).toBe(0);
    expect(() => store.listFiles("", { maxDepth: -1 })).toThrow(RangeError);
    expect(await store.exists("f.txt")).toBe(false);
  });

  it("REG-070 BE-021 declared capabilities answer supports() until the backend arrives; then the backend's own declaration counts", async () => {
    const gate = deferred<Backend>();
    cleanups.push(registerBackendType("readonly", () => gate.promise, { capabilities: ["read", "list"] }));
    const store = new Registry({ backends: { r: { type: "readonly" } }, stores: { s: { backend: "r" } } }).getStore("s");
    expect(store.supports("write")).toBe(false);
    expect(capabilitySet(store.backend.capabilities)).toEqual(capabilitySet(["read", "list"]));
    gate.resolve(new MemoryBackend());
    await store.exists("");
    expect(store.supports("write")).toBe(true);
  });

  it("REG-070 a backend that lacks a declared capability makes every call reject with ConfigError", async () => {
    const weak = new MemoryBackend();
    Object.defineProperty(weak, "capabilities", { value: capabilitySet(["read"]) });
    cleanups.push(registerBackendType("liar", () => Promise.resolve(weak), { capabilities: ["read", "write"] }));
    const store = new Registry({ backends: { l: { type: "liar" } }, stores: { s: { backend: "l" } } }).getStore("s");
    const error = await configErrorOf(() => store.exists("x"));
    expect(locations(error)).toEqual(["backends.l"]);
  });

  it("REG-071 a rejected creation makes calls reject; the registry tries again on the next getStore", async () => {
    let attempt = 0;
    cleanups.push(
      registerBackendType(
        "retry",
        () => {
          attempt++;
          return attempt === 1 ? Promise.reject(new Error("network down")) : Promise.resolve(new MemoryBackend());
        },
        { capabilities: ALL },
      ),
    );
    const registry = new Registry({ backends: { r: { type: "retry" } }, stores: { s: { backend: "r" } } });
    const first = registry.getStore("s");
    const error = await configErrorOf(() => first.exists("x"));
    expect((error.cause as Error).message).toBe("network down");
    await expect(first.listFiles("").toArray()).rejects.toMatchObject({ code: "CONFIG_INVALID" });
    const second = registry.getStore("s");
    expect(await second.exists("x")).toBe(false);
    expect(attempt).toBe(2);
    await registry.close();
  });

  it("REG-071 a library error from the creation passes through", async () => {
    const unavailable = new BackendUnavailable("endpoint unreachable");
    cleanups.push(registerBackendType("down", () => Promise.reject(unavailable), { capabilities: ALL }));
    const store = new Registry({ backends: { d: { type: "down" } }, stores: { s: { backend: "d" } } }).getStore("s");
    await expect(store.exists("x")).rejects.toBe(unavailable);
  });

  it("REG-071 close waits for a pending creation and closes its backend; a failed creation is no close failure", async () => {
    const gate = deferred<Backend>();
    const real = new MemoryBackend();
    cleanups.push(registerBackendType("pending", () => gate.promise, { capabilities: ALL }));
    cleanups.push(registerBackendType("failing", () => Promise.reject(new Error("no")), { capabilities: ALL }));
    const registry = new Registry({ backends: { p: { type: "pending" }, f: { type: "failing" } }, stores: { p: { backend: "p" }, f: { backend: "f" } } });
    registry.getStore("p");
    registry.getStore("f");
    const closing = registry.close();
    gate.resolve(real);
    await closing;
    await expect(real.exists("")).rejects.toMatchObject({ code: "BACKEND_UNAVAILABLE" });
  });

  it("REG-070 openStore works with a Promise factory and owns the backend", async () => {
    const real = new MemoryBackend();
    cleanups.push(
      registerBackendType("later", () => Promise.resolve(real), { capabilities: ALL, url: { scheme: "later", parse: () => ({ options: {}, rootPath: "r" }) } }),
    );
    const store = openStore("later://x/r");
    await store.writeText("f", "x");
    expect(await real.exists("r/f")).toBe(true);
    await store.close();
    await expect(real.exists("")).rejects.toMatchObject({ code: "BACKEND_UNAVAILABLE" });
  });
});

describe("optional operations through a Promise factory", () => {
  it("REG-070 folder and multipart operations reach the arrived backend", async () => {
    const real = new MemoryBackend();
    cleanups.push(registerBackendType("full", () => Promise.resolve(real), { capabilities: ALL }));
    const registry = new Registry({ backends: { f: { type: "full" } }, stores: { s: { backend: "f", rootPath: "root" } } });
    const store = registry.getStore("s");
    await store.createFolder("empty");
    expect(await real.isFolder("root/empty")).toBe(true);
    await store.writeText("a/x.txt", "x");
    await store.moveFolder("a", "b");
    expect(await real.isFile("root/b/x.txt")).toBe(true);
    const upload = await store.startMultipartUpload("big.bin");
    await upload.uploadPart(1, "hello ");
    await upload.uploadPart(2, "world");
    await upload.complete();
    expect(await store.readText("big.bin")).toBe("hello world");
    await registry.close();
  });

  it("REG-070 an optional operation the arrived backend lacks rejects with CapabilityNotSupported", async () => {
    const plain = new MemoryBackend() as MemoryBackend & { createFolder?: unknown };
    Object.defineProperty(plain, "createFolder", { value: undefined });
    cleanups.push(registerBackendType("plain", () => Promise.resolve(plain), { capabilities: ALL }));
    const store = new Registry({ backends: { p: { type: "plain" } }, stores: { s: { backend: "p" } } }).getStore("s");
    await expect(store.createFolder("d")).rejects.toMatchObject({ code: "CAPABILITY_NOT_SUPPORTED" });
  });
});
