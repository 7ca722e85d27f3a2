import { describe, expect, it } from "vitest";
import { CAPABILITIES, Store, isRemoteStoreError, type Capability } from "../../src/index.js";
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

  it("ST-008 a backend that declares url but has no url() method is CapabilityNotSupported", async () => {
    const backend = new ForwardingBackend();
    Object.defineProperty(backend, "url", { value: undefined });
    const error = await expectCode(new Store({ backend }).url("f.txt"), "CAPABILITY_NOT_SUPPORTED", undefined);
    expect(error).toMatchObject({ capability: "url" });
  });

  it("ST-009 supports(cap) is true exactly for declared capabilities", () => {
    for (const capability of CAPABILITIES) {
      const without = new Store({ backend: new ForwardingBackend({ capabilities: capabilitiesWithout(capability) }) });
      const only = new Store({ backend: new ForwardingBackend({ capabilities: [capability] }) });
      expect(only.supports(capability)).toBe(true);
      if (capability !== "glob") expect(without.supports(capability)).toBe(false);
    }
  });

  it("ST-009 supports('glob') is true for every backend that declares list, and glob then works", async () => {
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
});
