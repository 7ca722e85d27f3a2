import { describe, expect, it } from "vitest";
import { CAPABILITIES, MemoryBackend, Store, capabilitySet, isRemoteStoreError, type Capability } from "../../src/index.js";
import { restrictBackend } from "../../src/testing/conformance/support/gated-backend.js";
import { capture, expectCode } from "../errors/expect-code.js";
import { ForwardingBackend, capabilitiesWithout } from "./support/forwarding-backend.js";

type Call = (store: Store) => unknown;

/** Every gated Store method with valid arguments, and the capability it needs (ST-008). */
const GATED: ReadonlyArray<readonly [string, Capability, Call]> = [
  ["read", "read", (s) => s.read("f.txt")],
  ["readBytes", "read", (s) => s.readBytes("f.txt")],
  ["readText", "read", (s) => s.readText("f.txt")],
  ["write", "write", (s) => s.write("new.txt", "x")],
  ["writeText", "write", (s) => s.writeText("new.txt", "x")],
  ["writeAtomic", "atomicWrite", (s) => s.writeAtomic("new.txt", "x")],
  ["delete", "delete", (s) => s.delete("f.txt")],
  ["deleteFolder", "delete", (s) => s.deleteFolder("d", { recursive: true })],
  ["listFiles", "list", (s) => s.listFiles()],
  ["listFolders", "list", (s) => s.listFolders()],
  ["iterChildren", "list", (s) => s.iterChildren()],
  ["glob", "list", (s) => s.glob("**")],
  ["getFileInfo", "metadata", (s) => s.getFileInfo("f.txt")],
  ["getFolderInfo", "metadata", (s) => s.getFolderInfo()],
  ["move", "move", (s) => s.move("f.txt", "moved.txt")],
  ["copy", "copy", (s) => s.copy("f.txt", "copied.txt")],
  ["url", "url", (s) => s.url("f.txt")],
];

async function storeWithout(...missing: Capability[]): Promise<{ store: Store; backend: ForwardingBackend }> {
  const backend = new ForwardingBackend({ capabilities: capabilitiesWithout(...missing) });
  await backend.inner.write("f.txt", new Uint8Array([1]), { overwrite: false, contentType: "text/plain", metadata: undefined });
  await backend.inner.write("d/g.txt", new Uint8Array([2]), { overwrite: false, contentType: "text/plain", metadata: undefined });
  return { store: new Store({ backend }), backend };
}

describe("Store capability gates", () => {
  it.each(GATED)("ST-008 %s needs %s: CapabilityNotSupported before any backend call", async (_method, capability, call) => {
    const { store, backend } = await storeWithout(capability);
    const { error, synchronous } = await capture(() => call(store));
    expect(isRemoteStoreError(error, "CAPABILITY_NOT_SUPPORTED")).toBe(true);
    expect(error).toMatchObject({ capability, backend: "forwarding" });
    const isListing = ["list"].includes(capability);
    expect(synchronous).toBe(isListing);
    expect(backend.calls).toEqual([]);
  });

  it.each(GATED)("ST-008 %s works when %s is declared", async (_method, _capability, call) => {
    const { store } = await storeWithout();
    const result = call(store);
    if (result instanceof Promise) await result;
    else await (result as { toArray(): Promise<unknown> }).toArray();
  });

  it("ST-008 exists, isFile, isFolder, child, supports and close need no capability", async () => {
    const backend = new ForwardingBackend({ capabilities: [] });
    await backend.inner.write("d/f", new Uint8Array(1), { overwrite: false, contentType: "x/y", metadata: undefined });
    const store = new Store({ backend });
    expect(await store.exists("d/f")).toBe(true);
    expect(await store.isFile("d/f")).toBe(true);
    expect(await store.isFolder("d")).toBe(true);
    const child = store.child("d");
    expect(await child.isFile("f")).toBe(true);
    expect(store.supports("read")).toBe(false);
    await store.close();
    expect(backend.callsOf("close")).toHaveLength(1);
  });

  it("ST-008 BE-010 a backend that declares url but has no url() method is CapabilityNotSupported", async () => {
    const backend = new ForwardingBackend();
    Object.defineProperty(backend, "url", { value: undefined });
    const error = await expectCode(new Store({ backend }).url("f.txt"), "CAPABILITY_NOT_SUPPORTED", undefined);
    expect(error).toMatchObject({ capability: "url" });
  });

  it("ST-009 CAP-004 supports(cap) is true exactly for declared capabilities", () => {
    for (const capability of CAPABILITIES) {
      const without = new Store({ backend: new ForwardingBackend({ capabilities: capabilitiesWithout(capability) }) });
      const only = new Store({ backend: new ForwardingBackend({ capabilities: [capability] }) });
      expect(only.supports(capability)).toBe(true);
      if (capability !== "glob") expect(without.supports(capability)).toBe(false);
    }
  });

  it("ST-009 CAP-004 CAP-003 supports('glob') is true for every backend that declares list, and glob then works", async () => {
    const backend = new ForwardingBackend({ capabilities: ["list", "write"] });
    const store = new Store({ backend });
    expect(store.supports("glob")).toBe(true);
    await store.write("a/x.txt", "1");
    expect((await store.glob("**/*.txt").toArray()).map((f) => f.path)).toEqual(["a/x.txt"]);
    const neither = new Store({ backend: new ForwardingBackend({ capabilities: ["read"] }) });
    expect(neither.supports("glob")).toBe(false);
  });

  it("ST-043 non-empty metadata needs userMetadata; {} and undefined are always accepted", async () => {
    const { store, backend } = await storeWithout("userMetadata");
    const error = await expectCode(store.write("m.txt", "x", { metadata: { k: "v" } }), "CAPABILITY_NOT_SUPPORTED", undefined);
    expect(error).toMatchObject({ capability: "userMetadata" });
    await expectCode(store.writeAtomic("m.txt", "x", { metadata: { k: "v" } }), "CAPABILITY_NOT_SUPPORTED", undefined);
    expect(backend.callsOf("write")).toEqual([]);
    await store.write("empty.txt", "x", { metadata: {} });
    await store.write("none.txt", "x");
    expect((await store.getFileInfo("empty.txt")).metadata).toBeUndefined();
    expect(await store.exists("m.txt")).toBe(false);
  });

  it("CAP-001 BE-001 capabilitySet: unknown names are a TypeError; the set refuses add, delete and clear", () => {
    expect(() => capabilitySet(["read", "teleport" as Capability])).toThrow(TypeError);
    expect(() => capabilitySet([42 as unknown as Capability])).toThrow(TypeError);
    const set = capabilitySet(["read", "write", "read"]);
    expect([...set]).toEqual(["read", "write"]);
    const mutable = set as Set<Capability>;
    expect(() => mutable.add("delete")).toThrow(TypeError);
    expect(() => mutable.delete("read")).toThrow(TypeError);
    expect(() => mutable.clear()).toThrow(TypeError);
    expect([...set]).toEqual(["read", "write"]);
    const backend = new MemoryBackend();
    expect(backend.name).not.toBe("");
    expect(() => (backend.capabilities as Set<Capability>).delete("read")).toThrow(TypeError);
    expect(backend.capabilities.has("read")).toBe(true);
  });

  it("CAP-003 quality capabilities never disable a method: without them move, ranged reads and folder operations still work", async () => {
    const quality: Capability[] = ["atomicMove", "rangeRead", "moveFolder", "copyFolder", "atomicMoveFolder", "glob"];
    const { backend, calls } = restrictBackend(new MemoryBackend(), quality);
    const store = new Store({ backend });
    for (const capability of quality.filter((cap) => cap !== "glob")) expect(store.supports(capability)).toBe(false);
    expect(store.supports("glob")).toBe(true);
    await store.write("src/a.txt", "hello");
    await store.write("src/sub/b.txt", "b");
    expect(await store.readText("src/a.txt", { offset: 1, length: 3 })).toBe("ell");
    await store.move("src/a.txt", "src/moved.txt");
    await store.copyFolder("src", "copy");
    await store.moveFolder("src", "dst");
    expect((await store.listFiles("", { recursive: true }).toArray()).map((f) => f.path)).toEqual(["copy/moved.txt", "copy/sub/b.txt", "dst/moved.txt", "dst/sub/b.txt"]);
    expect((await store.glob("**/b.txt").toArray()).map((f) => f.path)).toEqual(["copy/sub/b.txt", "dst/sub/b.txt"]);
    expect(calls.some((call) => call.startsWith("moveFolder(") || call.startsWith("copyFolder("))).toBe(false);
  });

  it("BE-002 BE-007 the Store never sends the root to a file operation, deleteFolder, move or copy", async () => {
    const backend = new ForwardingBackend();
    await backend.inner.write("r/f.txt", new Uint8Array([1]), { overwrite: false, contentType: "text/plain", metadata: undefined });
    const store = new Store({ backend, rootPath: "r" });
    const before = backend.calls.length;
    await expectCode(store.deleteFolder("", { recursive: true }), "INVALID_PATH", "");
    await expectCode(store.move("", "elsewhere"), "INVALID_PATH", "");
    await expectCode(store.move("f.txt", "/"), "INVALID_PATH", "");
    await expectCode(store.copy("", "elsewhere"), "INVALID_PATH", "");
    await expectCode(store.copy("f.txt", "."), "INVALID_PATH", "");
    await expectCode(store.write("", "x"), "INVALID_PATH", "");
    await expectCode(store.readText(""), "INVALID_PATH", "");
    await expectCode(store.delete(""), "INVALID_PATH", "");
    await expectCode(store.getFileInfo(""), "INVALID_PATH", "");
    expect(backend.calls.slice(before)).toEqual([]);
    expect(await backend.inner.isFile("r/f.txt")).toBe(true);
  });
});
