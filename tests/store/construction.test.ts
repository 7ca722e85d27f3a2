import { describe, expect, it } from "vitest";
import { CAPABILITIES, MemoryBackend, Store, capabilitySet, type Backend, type Capability } from "../../src/index.js";
import { expectCode, expectSyncCode, expectTypeError } from "../errors/expect-code.js";
import { ForwardingBackend } from "./support/forwarding-backend.js";

function withoutMethods(names: readonly string[], capabilities?: readonly Capability[]): Backend {
  const backend = new ForwardingBackend(capabilities === undefined ? {} : { capabilities });
  for (const name of names) Object.defineProperty(backend, name, { value: undefined });
  return backend;
}

describe("Store construction and lifecycle", () => {
  it.each([undefined, null, 5, "memory"])("ST-001 a backend that is not an object (%s) is a TypeError naming backend", async (backend) => {
    await expectTypeError(() => new Store({ backend: backend as never }), "backend");
  });

  it("ST-001 a backend passed in place of the options is a TypeError that shows new Store({ backend })", () => {
    const backend = new MemoryBackend();
    expect(() => new Store(backend as never)).toThrow(TypeError);
    expect(() => new Store(backend as never)).toThrow("new Store() takes an options object: new Store({ backend }); got a backend (MemoryBackend)");
  });

  it.each(["close", "read", "write", "delete", "listFiles", "getFileInfo", "move", "copy"])("ST-001 BE-020 a backend without %s (required: always, or by a capability it declares) is a TypeError listing it", async (method) => {
    const error = await expectTypeError(() => new Store({ backend: withoutMethods([method]) }), "backend");
    expect(error.message).toContain(method);
  });

  it("ST-001 BE-020 kindOf is required unless both isFile and isFolder stand in for it", async () => {
    expect(new Store({ backend: withoutMethods(["kindOf"]) }).backend.name).toBe("forwarding");
    for (const also of ["isFile", "isFolder"]) {
      const error = await expectTypeError(() => new Store({ backend: withoutMethods(["kindOf", also]) }), "backend");
      expect(error.message).toContain("kindOf");
    }
  });

  it("ST-001 BE-020 the optional methods may be missing; a method of an undeclared capability is not needed", () => {
    const optional = ["exists", "isFile", "isFolder", "readBytes", "writeAtomic", "iterChildren", "getFolderInfo", "listFolders", "deleteFolder"];
    const flat = CAPABILITIES.filter((c) => c !== "createFolder");
    expect(new Store({ backend: withoutMethods(optional, flat) }).supports("list")).toBe(true);
    expect(new Store({ backend: withoutMethods(["read", "write", "delete", "listFiles", "getFileInfo", "move", "copy"], []) }).supports("read")).toBe(false);
  });

  it("ST-001 BE-020 a backend that declares createFolder (empty folders persist) must list and delete folders itself", async () => {
    for (const method of ["listFolders", "deleteFolder"]) {
      const memory = new MemoryBackend();
      Object.defineProperty(memory, method, { value: undefined });
      const error = await expectTypeError(() => new Store({ backend: memory }), "backend");
      expect(error.message).toMatch(new RegExp(`${method} \\(declared (list|delete) and createFolder\\)`));
    }
  });

  it("ST-001 a backend needs a non-empty name and a Set of capabilities", async () => {
    const noName = Object.assign(new ForwardingBackend(), {});
    Object.defineProperty(noName, "name", { value: "" });
    expect((await expectTypeError(() => new Store({ backend: noName }), "backend")).message).toContain("name");
    const noSet = new ForwardingBackend();
    Object.defineProperty(noSet, "capabilities", { value: ["read"] });
    expect((await expectTypeError(() => new Store({ backend: noSet }), "backend")).message).toContain("capabilities");
  });

  it("ST-001 options must be an object", async () => {
    await expectTypeError(() => new Store(7 as never), "options");
  });

  it("ST-001 a complete backend with any capability set is accepted", () => {
    const store = new Store({ backend: new ForwardingBackend({ capabilities: [] }) });
    expect(store.backend.name).toBe("forwarding");
    expect(store.rootPath).toBe("");
  });

  it("ST-002 a Store built with new Store owns its backend: close() closes both", async () => {
    const backend = new MemoryBackend();
    const store = new Store({ backend });
    await store.write("f", "x");
    await store.close();
    await expectCode(backend.exists("f"), "BACKEND_UNAVAILABLE", undefined);
  });

  it("ST-002 a child store does not own its backend: closing it leaves the backend and the parent open", async () => {
    const backend = new ForwardingBackend();
    const parent = new Store({ backend });
    const child = parent.child("sub");
    await child.write("f", "x");
    await child.close();
    expect(backend.callsOf("close")).toEqual([]);
    expect(await parent.readText("sub/f")).toBe("x");
    await expectCode(child.readText("f"), "BACKEND_UNAVAILABLE", undefined);
    await parent.close();
    expect(backend.callsOf("close")).toHaveLength(1);
  });

  it("ST-003 close() is idempotent and closes an owned backend once", async () => {
    const backend = new ForwardingBackend();
    const store = new Store({ backend });
    await store.close();
    await store.close();
    expect(backend.callsOf("close")).toHaveLength(1);
  });

  it("ST-003 after close every method rejects (listings throw) with BackendUnavailable, before any backend call", async () => {
    const backend = new ForwardingBackend();
    const store = new Store({ backend });
    await store.write("f.txt", "x");
    await store.close();
    backend.calls.length = 0;
    const promised: Array<() => Promise<unknown>> = [
      () => store.exists("f.txt"), () => store.isFile("f.txt"), () => store.isFolder(""),
      () => store.read("f.txt"), () => store.readBytes("f.txt"), () => store.readText("f.txt"),
      () => store.write("g", "x"), () => store.writeText("g", "x"), () => store.writeAtomic("g", "x"),
      () => store.delete("f.txt"), () => store.deleteFolder("d"), () => store.getFileInfo("f.txt"), () => store.getFolderInfo(),
      () => store.move("f.txt", "g"), () => store.copy("f.txt", "g"), () => store.url("f.txt"),
      () => store.createFolder("n"), () => store.moveFolder("d", "e"), () => store.copyFolder("d", "e"),
      () => store.startMultipartUpload("m"), () => store.listMultipartUploads(),
    ];
    for (const call of promised) await expectCode(call, "BACKEND_UNAVAILABLE", undefined);
    for (const call of [() => store.listFiles(), () => store.listFolders(), () => store.iterChildren(), () => store.glob("*")]) {
      await expectSyncCode(call, "BACKEND_UNAVAILABLE", undefined);
    }
    expect(backend.calls).toEqual([]);
  });

  it("ST-003 `await using` closes the store at the end of the scope", async () => {
    const backend = new ForwardingBackend();
    {
      await using store = new Store({ backend });
      await store.write("f", "x");
      expect(backend.callsOf("close")).toHaveLength(0);
    }
    expect(backend.callsOf("close")).toHaveLength(1);
    const store = new Store({ backend: new MemoryBackend() });
    await store[Symbol.asyncDispose]();
    await expectCode(store.exists(""), "BACKEND_UNAVAILABLE", undefined);
  });

  it("ST-004 child() on a closed store throws BackendUnavailable", async () => {
    const store = new Store({ backend: new MemoryBackend() });
    await store.close();
    await expectSyncCode(() => store.child("sub"), "BACKEND_UNAVAILABLE", undefined);
  });

  it("ST-004 child() shares the backend and roots deeper", async () => {
    const backend = new MemoryBackend();
    const child = new Store({ backend, rootPath: "a" }).child("b/c");
    expect(child.backend).toBe(backend);
    expect(child.rootPath).toBe("a/b/c");
    expect(capabilitySet(child.backend.capabilities).size).toBe(backend.capabilities.size);
  });
});
