import { describe, expect, it } from "vitest";
import { MemoryBackend, Store, SyncStore } from "../../src/index.js";
import { batchDelete } from "../../src/ext/batch/index.js";
import { createKeyValue } from "../../src/ext/kv/index.js";
import { copyBetween, syncStores } from "../../src/ext/transfer/index.js";

/** The TypeError ST-093 asks for: names the key, lists the known ones, suggests the likely one. */
function unknownKey(key: string, suggestion?: string): RegExp {
  const mean = suggestion === undefined ? "" : `.*did you mean "${suggestion}"\\?`;
  return new RegExp(`options\\.${key} is not a known option \\(known: .*${mean}\\)`);
}

describe("unknown option keys (spec ST-093)", () => {
  it("ST-093 a typo in write's options is a TypeError naming the key, the known ones and the likely one; nothing is written", async () => {
    const store = new Store({ backend: new MemoryBackend() });
    await store.write("a.txt", "old");
    const write = store.write("a.txt", "new", { overwirte: true } as never);
    await expect(write).rejects.toThrow(TypeError);
    await expect(write).rejects.toThrow(unknownKey("overwirte", "overwrite"));
    await expect(write).rejects.toThrow(/known: overwrite, metadata, contentType, modifiedAt/);
    expect(await store.readText("a.txt")).toBe("old");
  });

  it("ST-093 every Store method with options refuses an unknown key before any change", async () => {
    const store = new Store({ backend: new MemoryBackend() });
    await store.write("f/a.txt", "x");
    const bad = { nope: 1 } as never;
    await expect(store.readText("f/a.txt", bad)).rejects.toThrow(unknownKey("nope"));
    await expect(store.readBytes("f/a.txt", bad)).rejects.toThrow(unknownKey("nope"));
    await expect(store.delete("f/a.txt", bad)).rejects.toThrow(unknownKey("nope"));
    await expect(store.deleteFolder("f", bad)).rejects.toThrow(unknownKey("nope"));
    await expect(store.move("f/a.txt", "g.txt", bad)).rejects.toThrow(unknownKey("nope"));
    await expect(store.copy("f/a.txt", "g.txt", bad)).rejects.toThrow(unknownKey("nope"));
    await expect(store.createFolder("h", bad)).rejects.toThrow(unknownKey("nope"));
    await expect(store.moveFolder("f", "k", bad)).rejects.toThrow(unknownKey("nope"));
    expect(() => store.listFiles("f", { recursiv: true } as never)).toThrow(unknownKey("recursiv", "recursive"));
    expect(() => store.watch("f", { recursiv: true } as never)).toThrow(unknownKey("recursiv", "recursive"));
    await expect(store.startMultipartUpload("m.bin", bad)).rejects.toThrow(unknownKey("nope"));
    expect(() => new Store({ backend: new MemoryBackend(), rootpath: "x" } as never)).toThrow(unknownKey("rootpath", "rootPath"));
    expect((await store.listFiles("", { recursive: true }).toArray()).map((file) => file.path)).toEqual(["f/a.txt"]);
    expect(await store.exists("h")).toBe(false);
  });

  it("ST-093 SyncStore, the extensions and MemoryBackend's constructor check their keys too", async () => {
    const memory = new MemoryBackend();
    const sync = new SyncStore({ backend: memory });
    expect(() => sync.write("a.txt", "x", { overwrit: true } as never)).toThrow(unknownKey("overwrit", "overwrite"));
    expect(sync.exists("a.txt")).toBe(false);
    expect(() => new MemoryBackend({ maxsize: 10 } as never)).toThrow(unknownKey("maxsize", "maxSize"));
    const store = new Store({ backend: memory });
    await expect(batchDelete(store, ["a"], { concurency: 2 } as never)).rejects.toThrow(unknownKey("concurency", "concurrency"));
    expect(() => createKeyValue(store, { defaultTTL: 5 } as never)).toThrow(unknownKey("defaultTTL", "defaultTtl"));
    const other = new Store({ backend: new MemoryBackend() });
    await store.write("s.txt", "x");
    await expect(copyBetween(store, "s.txt", other, "s.txt", { overwite: true } as never)).rejects.toThrow(unknownKey("overwite", "overwrite"));
    await expect(syncStores(store, other, { dryrun: true } as never)).rejects.toThrow(unknownKey("dryrun", "dryRun"));
    expect(await other.exists("s.txt")).toBe(false);
  });
});
