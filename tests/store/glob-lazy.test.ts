import { describe, expect, it, vi } from "vitest";

let loads = 0;
vi.doMock("minimatch", async (importOriginal: () => Promise<Record<string, unknown>>) => {
  loads++;
  return importOriginal();
});

describe("Store glob loading", () => {
  it("ST-073 minimatch is loaded on the first glob call, not before", async () => {
    const { MemoryBackend, Store } = await import("../../src/index.js");
    const store = new Store({ backend: new MemoryBackend() });
    await store.write("a/x.txt", "x");
    await store.listFiles("", { recursive: true }).toArray();
    await store.getFolderInfo("");
    expect(loads).toBe(0);
    expect((await store.glob("**/*.txt").toArray()).map((f) => f.path)).toEqual(["a/x.txt"]);
    expect(loads).toBe(1);
    await store.glob("*").toArray();
    expect(loads).toBe(1);
  });
});
