import { describe, expect, it } from "vitest";
import {
  InvalidPath, Listing, MemoryBackend, MultipartUpload, PermissionDenied, Store, STORE_OPERATIONS, wrapStore,
  type StoreCall, type StoreLayer, type StoreOperation,
} from "../../../src/index.js";
import { recordEvents } from "../../../src/testing/index.js";
import { expectCode } from "../../ext/support/expect.js";

/** A memory store and a wrapper that records every call its layer sees. */
function recorded(layer: Partial<StoreLayer> = {}): { inner: Store; store: Store; calls: { operation: StoreOperation; path: string | undefined; to: string | undefined }[] } {
  const inner = new Store({ backend: new MemoryBackend() });
  const calls: { operation: StoreOperation; path: string | undefined; to: string | undefined }[] = [];
  const store = wrapStore(inner, {
    name: "recorded",
    intercept(call) {
      calls.push({ operation: call.operation, path: call.path, to: call.to });
      return call.next();
    },
    ...layer,
  });
  return { inner, store, calls };
}

describe("wrapStore", () => {
  it("WRAP-001 a wrapped store is a Store with the inner store's backend and rootPath", () => {
    const inner = new Store({ backend: new MemoryBackend(), rootPath: "r" });
    const store = wrapStore(inner, {});
    expect(store).toBeInstanceOf(Store);
    expect(store.backend).toBe(inner.backend);
    expect(store.rootPath).toBe("r");
  });

  it("WRAP-001 a bad inner store or layer is a TypeError before anything is wrapped", () => {
    const inner = new Store({ backend: new MemoryBackend() });
    expect(() => wrapStore({} as Store, {})).toThrow(TypeError);
    expect(() => wrapStore(inner, null as never)).toThrow(TypeError);
    expect(() => wrapStore(inner, { intercept: 1 } as never)).toThrow(/intercept/);
    expect(() => wrapStore(inner, { child: "x" } as never)).toThrow(/child/);
    expect(() => wrapStore(inner, { name: 3 } as never)).toThrow(/name/);
  });

  it("WRAP-002 WRAP-007 every Store method and every upload method reaches the layer exactly once", async () => {
    const { store, calls } = recorded();
    expect(store.supports("read")).toBe(true);
    await store.write("a.txt", "hi");
    await store.writeText("b.txt", "hi");
    await store.writeAtomic("c.txt", new Uint8Array([1]));
    await store.exists("a.txt");
    await store.isFile("a.txt");
    await store.isFolder();
    await (await store.read("a.txt")).cancel();
    await store.readBytes("a.txt");
    await store.readText("a.txt");
    await store.getFileInfo("a.txt");
    await store.getFolderInfo();
    await store.listFiles().toArray();
    await store.listFolders().toArray();
    await store.iterChildren().toArray();
    await store.glob("*.txt").toArray();
    await store.copy("a.txt", "d.txt");
    await store.move("d.txt", "e.txt");
    await store.delete("e.txt");
    await store.createFolder("f");
    await store.copyFolder("f", "g");
    await store.moveFolder("g", "h");
    await store.deleteFolder("h");
    const upload = await store.startMultipartUpload("m.bin");
    expect(upload).toBeInstanceOf(MultipartUpload);
    await upload.uploadPart(1, "x");
    await upload.listParts();
    await upload.complete();
    const other = await store.startMultipartUpload("n.bin");
    await store.listMultipartUploads();
    await other.abort();
    await store.url("a.txt");
    store.child("f");
    const watcher = store.watch("f", { recursive: true });
    await watcher.ready;
    await watcher.close();
    await store.close();
    const seen = new Set(calls.map((c) => c.operation));
    expect([...STORE_OPERATIONS].filter((op) => !seen.has(op))).toEqual([]);
    // readText is one call, not a readText and a readBytes: the inner store's own calls do not pass through.
    expect(calls.filter((c) => c.operation === "readBytes")).toHaveLength(1);
    expect(calls.find((c) => c.operation === "uploadPart")).toEqual({ operation: "uploadPart", path: "m.bin", to: undefined });
    expect(calls.find((c) => c.operation === "watch")).toEqual({ operation: "watch", path: "f", to: undefined });
  });

  it("WRAP-011 watch passes through: the inner store's watcher, events for changes made through the wrapper, closed with the store", async () => {
    const { inner, store, calls } = recorded();
    await using log = await recordEvents(store.child("d"), "", { recursive: true });
    await store.write("d/a.txt", "hi");
    await inner.write("d/b.txt", "behind");
    await log.waitFor((events) => events.filter((e) => e.type === "created" && e.kind === "file").length === 2, "two files created");
    expect(log.events.map((e) => (e.type === "overflow" ? e.type : `${e.type} ${e.kind} ${e.path}`))).toEqual(["created folder ", "created file a.txt", "created file b.txt"]);
    expect(calls.filter((c) => c.operation === "watch")).toEqual([{ operation: "watch", path: "", to: undefined }]);
    await store.close();
    expect(log.watcher.closed).toBe(true);
  });

  it("WRAP-004 WRAP-011 watch throws synchronously what intercept throws, and must return a Watcher", () => {
    const failing = recorded({ intercept: () => { throw new PermissionDenied("no watching"); } }).store;
    expect(() => failing.watch()).toThrow(PermissionDenied);
    const bad = recorded({ intercept: (call) => (call.operation === "watch" ? 42 : call.next()) }).store;
    expect(() => bad.watch()).toThrow(/watch must return a Watcher/);
    const plain = wrapStore(new Store({ backend: new MemoryBackend() }), {});
    expect(() => plain.watch("", { bufferSize: 0 })).toThrow(RangeError);
  });

  it("WRAP-003 paths are normalised and relative to the store; to is the destination", async () => {
    const { store, calls } = recorded();
    await store.write("./a//b.txt", "x");
    await store.copy("/a/b.txt", "c\\d.txt");
    await store.exists();
    await store.glob("**").toArray();
    await expectCode(() => store.readBytes("../x"), "INVALID_PATH");
    expect(calls).toEqual([
      { operation: "write", path: "a/b.txt", to: undefined },
      { operation: "copy", path: "a/b.txt", to: "c/d.txt" },
      { operation: "exists", path: "", to: undefined },
      { operation: "glob", path: undefined, to: undefined },
      { operation: "readBytes", path: "../x", to: undefined },
    ]);
  });

  it("WRAP-003 next(args) runs the call with other arguments, and a narrowed call is typed", async () => {
    const inner = new Store({ backend: new MemoryBackend() });
    const store = wrapStore(inner, {
      intercept(call: StoreCall) {
        if (call.operation === "writeText") return call.next([call.args[0], call.args[1].toUpperCase(), call.args[2]]);
        return call.next();
      },
    });
    await store.writeText("a.txt", "loud");
    expect(await inner.readText("a.txt")).toBe("LOUD");
    expect(await store.readText("a.txt")).toBe("LOUD");
  });

  it("WRAP-004 a synchronous throw in intercept rejects a Promise method and throws from a listing", async () => {
    const inner = new Store({ backend: new MemoryBackend() });
    const store = wrapStore(inner, {
      intercept(call) {
        if (call.operation === "child" || call.operation === "supports") return call.next();
        throw new PermissionDenied("no", { path: call.path ?? "" });
      },
    });
    const pending = store.readBytes("a.txt");
    expect(pending).toBeInstanceOf(Promise);
    await expectCode(() => pending, "PERMISSION_DENIED", "a.txt");
    expect(() => store.listFiles("x")).toThrow(PermissionDenied);
  });

  it("WRAP-004 a listing must come back as a Listing, a child as a Store; plain values become Promises", async () => {
    const inner = new Store({ backend: new MemoryBackend() });
    const store = wrapStore(inner, { intercept: (call) => (call.operation === "exists" ? true : call.operation === "listFiles" ? [] : call.operation === "child" ? {} : call.next()) });
    await expect(store.exists("nothing")).resolves.toBe(true);
    expect(() => store.listFiles()).toThrow(TypeError);
    expect(() => store.child("a")).toThrow(TypeError);
    expect(store.listFolders()).toBeInstanceOf(Listing);
  });

  it("WRAP-005 a layer without intercept passes everything through", async () => {
    const inner = new Store({ backend: new MemoryBackend() });
    const store = wrapStore(inner, {});
    await store.write("a.txt", "x");
    expect(await inner.readText("a.txt")).toBe("x");
    expect(await store.listFiles().toArray()).toHaveLength(1);
    const upload = await store.startMultipartUpload("m");
    await upload.uploadPart(1, "y");
    await upload.complete();
    expect(await store.readText("m")).toBe("y");
    expect(store.child("sub")).toBeInstanceOf(Store);
  });

  it("WRAP-006 a child is wrapped, in layer.child(sub), with paths relative to the child", async () => {
    const subs: string[] = [];
    const seen: (string | undefined)[] = [];
    const inner = new Store({ backend: new MemoryBackend() });
    const layerFor = (prefix: string): StoreLayer => ({
      name: `at-${prefix || "root"}`,
      intercept(call) {
        seen.push(`${prefix}|${call.path ?? ""}`);
        return call.next();
      },
      child(sub) {
        subs.push(sub);
        return layerFor(prefix + sub + "/");
      },
    });
    const store = wrapStore(inner, layerFor(""));
    const child = store.child("./a//b");
    await child.write("c.txt", "x");
    const grandchild = child.child("d");
    await grandchild.exists("e");
    expect(subs).toEqual(["a/b", "d"]);
    expect(seen).toEqual(["|a/b", "a/b/|c.txt", "a/b/|d", "a/b/d/|e"]);
    expect(child.rootPath).toBe("a/b");
    expect(await inner.readText("a/b/c.txt")).toBe("x");
    expect(String(grandchild)).toMatch(/^at-a\/b\/d\/\(Store\(/);
    // Without layer.child the same layer serves the child.
    const { store: plain, calls } = recorded();
    await plain.child("x").write("y.txt", "1");
    expect(calls.at(-1)).toEqual({ operation: "write", path: "y.txt", to: undefined });
  });

  it("WRAP-008 close and asyncDispose pass through and close the inner store", async () => {
    const { inner, store, calls } = recorded();
    await store[Symbol.asyncDispose]();
    expect(calls.map((c) => c.operation)).toEqual(["close"]);
    await expectCode(() => inner.exists("a"), "BACKEND_UNAVAILABLE");
    // A wrapped child does not close the backend (ST-002).
    const parent = new Store({ backend: new MemoryBackend() });
    await wrapStore(parent.child("c"), {}).close();
    await expect(parent.exists("a")).resolves.toBe(false);
  });

  it("WRAP-009 toString names the layers; stacked layers see a call outside-in", async () => {
    const order: string[] = [];
    const inner = new Store({ backend: new MemoryBackend({ name: "m" }) });
    const tag = (name: string): StoreLayer => ({ name, intercept: (call) => (order.push(name), call.next()) });
    const stacked = wrapStore(wrapStore(inner, tag("a")), tag("b"));
    await stacked.exists("x");
    expect(order).toEqual(["b", "a"]);
    expect(String(stacked)).toBe('b(a(Store(backend=m, rootPath="")))');
    expect(String(wrapStore(inner, {}))).toBe('wrapped(Store(backend=m, rootPath=""))');
  });

  it("WRAP-004 errors of the inner store pass through unchanged, with their store-relative path", async () => {
    const inner = new Store({ backend: new MemoryBackend(), rootPath: "root" });
    const { store } = { store: wrapStore(inner, { intercept: (call) => call.next() }) };
    const error = await expectCode(() => store.readBytes("missing.txt"), "NOT_FOUND", "missing.txt");
    expect(error).not.toBeInstanceOf(InvalidPath);
  });
});
