import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Store } from "../../src/index.js";
import { ForwardingBackend, capabilitiesWithout } from "./support/forwarding-backend.js";

function rangeless(): { store: Store; backend: ForwardingBackend } {
  const backend = new ForwardingBackend({ capabilities: capabilitiesWithout("rangeRead") });
  return { store: new Store({ backend, rootPath: "root" }), backend };
}

const FULL = { offset: 0, length: undefined };

describe("Store range emulation", { timeout: 60_000 }, () => {
  it("ST-022 BE-005 without rangeRead the backend only ever receives {offset: 0, length: undefined}", async () => {
    const { store, backend } = rangeless();
    await store.write("f.bin", "0123456789");
    expect(await store.readText("f.bin", { offset: 2, length: 3 })).toBe("234");
    expect(new TextDecoder().decode(await store.readBytes("f.bin", { offset: 7 }))).toBe("789");
    expect(await new Response(await store.read("f.bin", { length: 2 })).text()).toBe("01");
    expect(await store.readText("f.bin")).toBe("0123456789");
    const reads = backend.calls.filter((c) => c.method === "read" || c.method === "readBytes");
    expect(reads.length).toBeGreaterThan(0);
    for (const call of reads) expect(call.args[1]).toEqual(FULL);
  });

  it("ST-022 BE-005 with rangeRead the backend receives the range", async () => {
    const backend = new ForwardingBackend();
    const store = new Store({ backend });
    await store.write("f.bin", "0123456789");
    expect(await store.readText("f.bin", { offset: 2, length: 3 })).toBe("234");
    expect(backend.callsOf("readBytes")[0]?.args[1]).toEqual({ offset: 2, length: 3 });
  });

  it("ST-022 emulated ranges equal slices of the content for any chunking and range (property)", async () => {
    const { store, backend } = rangeless();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 6 }),
        fc.nat(300),
        fc.option(fc.nat(300), { nil: undefined }),
        async (chunks, offset, length) => {
          const path = `p${n++}.bin`;
          await store.write(path, chunks);
          const whole = new Uint8Array(chunks.flatMap((c) => [...c]));
          const expected = whole.slice(offset, length === undefined ? undefined : offset + length);
          const range = length === undefined ? { offset } : { offset, length };
          expect(await store.readBytes(path, range)).toEqual(expected);
          expect(new Uint8Array(await new Response(await store.read(path, range)).arrayBuffer())).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
    for (const call of backend.calls.filter((c) => c.method === "read" || c.method === "readBytes")) expect(call.args[1]).toEqual(FULL);
  });

  it("ST-022 errors of an emulated read are the backend's (NotFound, InvalidPath)", async () => {
    const { store } = rangeless();
    await store.write("dir/f", "x");
    await expect(store.readBytes("missing", { offset: 1 })).rejects.toMatchObject({ code: "NOT_FOUND", path: "missing" });
    await expect(store.readBytes("dir", { offset: 1 })).rejects.toMatchObject({ code: "INVALID_PATH", path: "dir" });
  });
});
