import { describe, expect, it } from "vitest";
import { MemoryBackend, Store, exportTree, importTree } from "../../src/index.js";

describe("exportTree without times", () => {
  it("SNAP-003 times: false leaves modifiedAt out of every file, and snapshots of the same tree taken apart are equal", async () => {
    let now = Date.parse("2026-01-01T00:00:00Z");
    const make = async (): Promise<Store> => {
      const store = new Store({ backend: new MemoryBackend({ clock: () => new Date(now) }) });
      await store.writeText("r/a.txt", "a");
      await store.write("r/b.bin", new Uint8Array([0xff]), { metadata: { k: "v" } });
      await store.createFolder("r/empty");
      return store;
    };
    const first = await exportTree(await make(), "r", { times: false });
    now += 60_000;
    const second = await exportTree(await make(), "r", { times: false });
    expect(second).toEqual(first);
    for (const entry of first.entries) expect(entry).not.toHaveProperty("modifiedAt");
    expect(first.entries.map((e) => e.path)).toEqual(["a.txt", "b.bin", "empty"]);
    expect(first.entries[1]).toEqual({ kind: "file", path: "b.bin", base64: "/w==", contentType: "application/octet-stream", metadata: { k: "v" } });
  });

  it("SNAP-003 times defaults to true (SNAP-001), and times: true is the same", async () => {
    const store = new Store({ backend: new MemoryBackend({ clock: () => new Date("2026-01-01T00:00:00Z") }) });
    await store.writeText("a.txt", "a");
    const expected = { kind: "file", path: "a.txt", text: "a", contentType: "text/plain", modifiedAt: "2026-01-01T00:00:00.000Z" };
    expect((await exportTree(store)).entries).toEqual([expected]);
    expect((await exportTree(store, "", { times: true })).entries).toEqual([expected]);
  });

  it("SNAP-003 a times option that is not a boolean is a TypeError", async () => {
    const store = new Store({ backend: new MemoryBackend() });
    await expect(exportTree(store, "", { times: "no" as unknown as boolean })).rejects.toThrow(TypeError);
  });

  it("SNAP-003 a snapshot without times imports with the time of the import", async () => {
    const source = new Store({ backend: new MemoryBackend({ clock: () => new Date("2020-01-01T00:00:00Z") }) });
    await source.writeText("a.txt", "a");
    const target = new Store({ backend: new MemoryBackend({ clock: () => new Date("2026-06-01T00:00:00Z") }) });
    await importTree(target, await exportTree(source, "", { times: false }));
    expect((await target.getFileInfo("a.txt")).modifiedAt.toISOString()).toBe("2026-06-01T00:00:00.000Z");
  });
});
