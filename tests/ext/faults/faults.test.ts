import { describe, expect, it } from "vitest";
import { BackendUnavailable, CapabilityNotSupported, MemoryBackend, NotFound, PermissionDenied, Store } from "../../../src/index.js";
import { withFaults, type FaultRule } from "../../../src/ext/faults/index.js";
import { expectCode } from "../support/expect.js";

function memory(): Store {
  return new Store({ backend: new MemoryBackend({ name: "m" }) });
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<{ bytes: number; error?: unknown }> {
  const reader = stream.getReader();
  let bytes = 0;
  try {
    for (let next = await reader.read(); next.done !== true; next = await reader.read()) bytes += next.value.byteLength;
    return { bytes };
  } catch (error) {
    return { bytes, error };
  }
}

describe("withFaults", () => {
  it("FAULT-001 without a matching rule the store behaves as the inner one", async () => {
    const inner = memory();
    const store = withFaults(inner, [{ operations: ["delete"], error: "PERMISSION_DENIED" }]);
    expect(store).toBeInstanceOf(Store);
    await store.write("a.txt", "x");
    expect(await store.readText("a.txt")).toBe("x");
    expect(await inner.exists("a.txt")).toBe(true);
  });

  it("FAULT-002 FAULT-003 rules choose by operation and path glob; the error is the library's class with the call's path", async () => {
    const inner = memory();
    const store = withFaults(inner, [{ operations: ["write", "writeText"], paths: "reports/**", error: "PERMISSION_DENIED" }]);
    const error = await expectCode(() => store.writeText("reports/2026/q1.csv", "x"), "PERMISSION_DENIED", "reports/2026/q1.csv");
    expect(error).toBeInstanceOf(PermissionDenied);
    expect(error.backend).toBe("m");
    expect(await inner.exists("reports/2026/q1.csv")).toBe(false);
    expect(await inner.exists("reports")).toBe(false);
    await store.writeText("other/q1.csv", "x");
    await store.readText("other/q1.csv");
    // A child matches paths relative to the faulty store, and reports its own relative path.
    await expectCode(() => store.child("reports").write("q2.csv", "y"), "PERMISSION_DENIED", "q2.csv");
    // The destination of a copy counts too.
    const copies = withFaults(inner, [{ operations: ["copy"], paths: "reports/**", error: "QUOTA_EXCEEDED" }]);
    await expectCode(() => copies.copy("other/q1.csv", "reports/x.csv"), "QUOTA_EXCEEDED", "other/q1.csv");
  });

  it("FAULT-003 every error code has its class; listings fail when a pass runs; bad arguments still fail first", async () => {
    const inner = memory();
    await inner.write("d/a.txt", "1");
    const store = withFaults(inner, [
      { operations: ["listFiles"], error: "BACKEND_UNAVAILABLE" },
      { operations: ["getFileInfo"], error: "NOT_FOUND" },
      { operations: ["url"], error: "CAPABILITY_NOT_SUPPORTED" },
    ]);
    const listing = store.listFiles("d");
    await expectCode(() => listing.toArray(), "BACKEND_UNAVAILABLE");
    expect(() => store.listFiles("../x")).toThrow();
    expect(await expectCode(() => store.getFileInfo("d/a.txt"), "NOT_FOUND", "d/a.txt")).toBeInstanceOf(NotFound);
    const capability = await expectCode(() => store.url("d/a.txt"), "CAPABILITY_NOT_SUPPORTED", "d/a.txt");
    expect(capability).toBeInstanceOf(CapabilityNotSupported);
    expect((capability as CapabilityNotSupported).capability).toBe("url");
  });

  it("FAULT-004 afterBytes cuts a read stream after exactly n bytes", async () => {
    const inner = memory();
    await inner.write("big.bin", new Uint8Array(5000));
    await inner.write("small.bin", new Uint8Array(10));
    const store = withFaults(inner, [{ operations: ["read", "readBytes"], afterBytes: 1024 }]);
    const cut = await readAll(await store.read("big.bin"));
    expect(cut.bytes).toBe(1024);
    expect(cut.error).toBeInstanceOf(BackendUnavailable);
    expect((cut.error as BackendUnavailable).path).toBe("big.bin");
    expect(await readAll(await store.read("small.bin"))).toEqual({ bytes: 10 });
    await expectCode(() => store.readBytes("big.bin"), "BACKEND_UNAVAILABLE", "big.bin");
    expect(await store.readBytes("small.bin")).toHaveLength(10);
  });

  it("FAULT-004 a streamed write cut after n bytes changes nothing", async () => {
    const inner = memory();
    await inner.write("keep.txt", "old");
    const store = withFaults(inner, [{ operations: ["write", "writeAtomic", "writeText"], afterBytes: 4, error: "PERMISSION_DENIED" }]);
    await expectCode(() => store.write("new/a.txt", "0123456789"), "PERMISSION_DENIED", "new/a.txt");
    await expectCode(() => store.writeAtomic("keep.txt", new Blob(["0123456789"]), { overwrite: true }), "PERMISSION_DENIED", "keep.txt");
    await expectCode(() => store.writeText("keep.txt", "0123456789", { overwrite: true }), "PERMISSION_DENIED", "keep.txt");
    expect(await inner.exists("new")).toBe(false);
    expect(await inner.readText("keep.txt")).toBe("old");
    // Content within the limit passes, with the Blob's content type.
    await store.write("b.txt", new Blob(["abc"], { type: "text/x-test" }));
    expect((await inner.getFileInfo("b.txt")).contentType).toBe("text/x-test");
  });

  it("FAULT-004 latencyMs waits through the delay option before the call", async () => {
    const waits: number[] = [];
    const inner = memory();
    const store = withFaults(inner, [{ operations: ["exists", "listFolders"], latencyMs: 250 }], { delay: async (ms) => void waits.push(ms) });
    expect(await store.exists("a")).toBe(false);
    const listing = store.listFolders();
    expect(waits).toEqual([250]);
    await listing.toArray();
    expect(waits).toEqual([250, 250]);
  });

  it("FAULT-005 probability draws from the seeded generator: the same seed replays the same faults; times limits the candidates", async () => {
    const rules: FaultRule[] = [{ operations: ["exists"], error: "BACKEND_UNAVAILABLE", probability: 0.5 }];
    const outcomes = async (seed: number): Promise<boolean[]> => {
      const store = withFaults(memory(), rules, { seed });
      const seen: boolean[] = [];
      for (let i = 0; i < 32; i++) seen.push(await store.exists("a").then(() => true, () => false));
      return seen;
    };
    const first = await outcomes(7);
    expect(await outcomes(7)).toEqual(first);
    expect(first.filter((ok) => !ok).length).toBeGreaterThan(0);
    expect(first.filter((ok) => ok).length).toBeGreaterThan(0);
    expect(await outcomes(8)).not.toEqual(first);
    const twice = withFaults(memory(), [{ error: "BACKEND_UNAVAILABLE", times: 2 }]);
    await expectCode(() => twice.exists("x"), "BACKEND_UNAVAILABLE");
    await expectCode(() => twice.isFile("x"), "BACKEND_UNAVAILABLE");
    await expect(twice.exists("x")).resolves.toBe(false);
  });

  it("FAULT-006 calls journals every call, relative paths and the rule that acted", async () => {
    const store = withFaults(memory(), [
      { operations: ["readText"], error: "NOT_FOUND" },
      { paths: "b/**", error: "PERMISSION_DENIED" },
    ]);
    await store.write("a.txt", "x");
    await store.readText("a.txt").catch(() => undefined);
    await store.child("b").write("c.txt", "y").catch(() => undefined);
    await store.move("a.txt", "z.txt");
    expect(store.supports("read")).toBe(true);
    expect(store.calls).toEqual([
      { operation: "write", path: "a.txt" },
      { operation: "readText", path: "a.txt", rule: 0 },
      { operation: "write", path: "b/c.txt", rule: 1 },
      { operation: "move", path: "a.txt", to: "z.txt" },
    ]);
    expect(Object.isFrozen(store.calls)).toBe(true);
  });

  it("FAULT-009 bad rules and options are a TypeError or RangeError naming the option, before anything is wrapped", () => {
    const inner = memory();
    const bad = (rules: unknown, options?: unknown): (() => unknown) => () => withFaults(inner, rules as FaultRule[], options as never);
    expect(bad({})).toThrow(TypeError);
    expect(bad([5])).toThrow(/^rules\[0\] /);
    expect(bad([{ error: "NOT_FOUND", probabilty: 0.5 }])).toThrow(/rules\[0\]\.probabilty .*did you mean "probability"/);
    expect(bad([{ error: "NOT_FOUND", probability: 1.5 }])).toThrow(RangeError);
    expect(bad([{ error: "NOT_FOUND", probability: -0.1 }])).toThrow(/^rules\[0\]\.probability /);
    expect(bad([{ error: "NOT_FOUN" }])).toThrow(RangeError);
    expect(bad([{ error: "NOT_FOUND", operations: ["reed"] }])).toThrow(/rules\[0\]\.operations\[0\]/);
    expect(bad([{ error: "NOT_FOUND", operations: ["child"] }])).toThrow(RangeError);
    expect(bad([{ latencyMs: -1 }])).toThrow(RangeError);
    expect(bad([{ afterBytes: 1.5 }])).toThrow(/afterBytes/);
    expect(bad([{ error: "NOT_FOUND", times: 0 }])).toThrow(/times/);
    expect(bad([{ paths: "**" }])).toThrow(/needs an action/);
    expect(bad([{ error: "NOT_FOUND", paths: "" }])).toThrow(/paths/);
    expect(bad([], { seed: 1.5 })).toThrow(RangeError);
    expect(bad([], { sed: 1 })).toThrow(/sed/);
    expect(bad([], { delay: 1 })).toThrow(/delay/);
    expect(() => withFaults({} as Store, [])).toThrow(TypeError);
  });
});
