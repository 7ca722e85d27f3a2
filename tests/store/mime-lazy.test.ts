import { describe, expect, it, vi } from "vitest";

let loads = 0;
vi.doMock("mrmime", async (importOriginal: () => Promise<Record<string, unknown>>) => {
  loads++;
  return importOriginal();
});

describe("Store content-type loading", () => {
  it("ST-037 the MIME table is loaded on the first guess from an extension, not before, and only once", async () => {
    // The Store and the memory backend alone, as a bundle that uses them (and not SyncStore) holds them.
    const { Store } = await import("../../src/store/store.js");
    const { MemoryBackend } = await import("../../src/backends/memory/memory-backend.js");
    const store = new Store({ backend: new MemoryBackend() });
    await store.write("no-extension", "x");
    await store.write("typed.bin", "x", { contentType: "application/x-mine" });
    await store.write("blob.bin", new Blob(["x"], { type: "text/x-blob" }));
    expect(loads).toBe(0);
    const first = await store.write("a.json", "{}");
    expect(first.contentType).toBe("application/json");
    expect(loads).toBe(1);
    expect((await store.write("b.txt", "x")).contentType).toBe("text/plain");
    expect((await store.getFileInfo("typed.bin")).contentType).toBe("application/x-mine");
    expect(loads).toBe(1);
  });
});
