import { describe, expect, it } from "vitest";
import { MemoryBackend, Store } from "../../src/index.js";
import { expectSyncCode, expectTypeError } from "../errors/expect-code.js";

async function globStore(): Promise<Store> {
  const store = new Store({ backend: new MemoryBackend(), rootPath: "root" });
  for (const path of ["a.txt", "d/b.txt", "a*b", "lit/x"]) await store.write(path, path);
  return store;
}

async function globbed(store: Store, pattern: string): Promise<string[]> {
  return (await store.glob(pattern).toArray()).map((f) => f.path);
}

describe("glob patterns", () => {
  it.each([1, null, undefined, {}, ["*"]])("PATH-020 a non-string pattern (%s) is a TypeError naming pattern", async (pattern) => {
    const store = await globStore();
    await expectTypeError(() => store.glob(pattern as never), "pattern");
  });

  it.each(["\0", "*\0", "a/\0/*"])("PATH-020 a NUL in the pattern (%j) is InvalidPath, thrown synchronously", async (pattern) => {
    const store = await globStore();
    await expectSyncCode(() => store.glob(pattern), "INVALID_PATH", pattern);
  });

  it.each(["..", "../*", "a/../*", "./../x", "/../*", "**/.."])("PATH-020 a '..' segment (%j) is InvalidPath", async (pattern) => {
    const store = await globStore();
    await expectSyncCode(() => store.glob(pattern), "INVALID_PATH", pattern);
  });

  it.each(["", "./", "/", "//", "./././"])("PATH-020 a pattern empty after trimming (%j) is InvalidPath", async (pattern) => {
    const store = await globStore();
    await expectSyncCode(() => store.glob(pattern), "INVALID_PATH", pattern);
  });

  it("PATH-020 leading ./ and / are ignored", async () => {
    const store = await globStore();
    expect(await globbed(store, "./*.txt")).toEqual(["a.txt"]);
    expect(await globbed(store, "/*.txt")).toEqual(["a.txt"]);
    expect(await globbed(store, "/.//d/*.txt")).toEqual(["d/b.txt"]);
  });

  it("PATH-020 a backslash is a minimatch escape, not a separator", async () => {
    const store = await globStore();
    expect(await globbed(store, "a\\*b")).toEqual(["a*b"]);
    expect(await globbed(store, "d\\b.txt")).toEqual([]);
    expect(await globbed(store, "lit\\x")).toEqual([]);
  });
});
