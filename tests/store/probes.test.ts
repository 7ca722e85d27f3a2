import { describe, expect, it } from "vitest";
import { MemoryBackend, Store } from "../../src/index.js";
import { expectCode } from "../errors/expect-code.js";

describe("Store probes", () => {
  it("ST-011 exists/isFile/isFolder report files and folders", async () => {
    const store = new Store({ backend: new MemoryBackend(), rootPath: "r" });
    await store.write("d/f.txt", "x");
    expect([await store.exists("d/f.txt"), await store.isFile("d/f.txt"), await store.isFolder("d/f.txt")]).toEqual([true, true, false]);
    expect([await store.exists("d"), await store.isFile("d"), await store.isFolder("d")]).toEqual([true, false, true]);
  });

  it("ST-011 a missing path, or a path below a file, is false — never NotFound", async () => {
    const store = new Store({ backend: new MemoryBackend() });
    await store.write("f.txt", "x");
    for (const path of ["missing", "missing/deeper", "f.txt/below", "f.txt/below/more"]) {
      expect([await store.exists(path), await store.isFile(path), await store.isFolder(path)]).toEqual([false, false, false]);
    }
  });

  it("ST-011 the root exists and is a folder, even in an empty store", async () => {
    const empty = new Store({ backend: new MemoryBackend() });
    expect([await empty.exists(""), await empty.isFolder(""), await empty.isFile("")]).toEqual([true, true, false]);
  });

  it("ST-011 the root exists and is a folder when the rootPath has never been written", async () => {
    const unwritten = new Store({ backend: new MemoryBackend(), rootPath: "never/written" });
    expect([await unwritten.exists(""), await unwritten.isFolder(""), await unwritten.isFile("")]).toEqual([true, true, false]);
  });

  it("ST-011 malformed paths still raise InvalidPath", async () => {
    const store = new Store({ backend: new MemoryBackend() });
    await expectCode(store.exists(".."), "INVALID_PATH", "..");
    await expectCode(store.isFile("a/../b"), "INVALID_PATH", "a/../b");
    await expectCode(store.isFolder("a\0"), "INVALID_PATH", "a\\0");
  });
});
