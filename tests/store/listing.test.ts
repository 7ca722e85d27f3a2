import { describe, expect, it } from "vitest";
import { MemoryBackend, Store } from "../../src/index.js";
import { expectRangeError, expectTypeError } from "../errors/expect-code.js";

async function tree(): Promise<Store> {
  const store = new Store({ backend: new MemoryBackend(), rootPath: "base" });
  for (const path of ["a.txt", "d/b.txt", "d/e/c.txt", "d/e/f/g.txt", "z/h.json"]) await store.write(path, path, { metadata: { p: path } });
  await store.write("empty/keep", "");
  await store.delete("empty/keep");
  return store;
}

const paths = async (listing: AsyncIterable<{ path: string }> & { toArray(): Promise<Array<{ path: string }>> }): Promise<string[]> =>
  (await listing.toArray()).map((e) => e.path);

describe("Store listings", () => {
  it("ST-060 listFiles yields frozen FileInfo with contentType and metadata", async () => {
    const store = await tree();
    const [file] = await store.listFiles("z").toArray();
    expect(file).toEqual({ kind: "file", path: "z/h.json", name: "h.json", size: 8, modifiedAt: expect.any(Date) as unknown, contentType: "application/json", metadata: { p: "z/h.json" } });
    expect(Object.isFrozen(file)).toBe(true);
  });

  it("ST-060 listFolders yields FolderEntry; iterChildren yields both", async () => {
    const store = await tree();
    expect(await store.listFolders().toArray()).toEqual([
      { kind: "folder", path: "d", name: "d" },
      { kind: "folder", path: "empty", name: "empty" },
      { kind: "folder", path: "z", name: "z" },
    ]);
    expect((await store.iterChildren("d").toArray()).map((e) => [e.kind, e.path])).toEqual([["file", "d/b.txt"], ["folder", "d/e"]]);
  });

  it("ST-060 a missing folder, a file, or a path below a file lists nothing", async () => {
    const store = await tree();
    for (const path of ["missing", "a.txt", "a.txt/below", "missing/deeper"]) {
      expect(await store.listFiles(path, { recursive: true }).toArray()).toEqual([]);
      expect(await store.listFolders(path, { recursive: true }).toArray()).toEqual([]);
      expect(await store.iterChildren(path).toArray()).toEqual([]);
    }
    expect(await store.listFiles("empty").toArray()).toEqual([]);
  });

  it("ST-061 maxDepth 0 lists own entries, 1 adds the subfolders' entries; recursive alone is unlimited", async () => {
    const store = await tree();
    expect(await paths(store.listFiles("d"))).toEqual(["d/b.txt"]);
    expect(await paths(store.listFiles("d", { maxDepth: 0 }))).toEqual(["d/b.txt"]);
    expect(await paths(store.listFiles("d", { maxDepth: 1 }))).toEqual(["d/b.txt", "d/e/c.txt"]);
    expect(await paths(store.listFiles("d", { maxDepth: 2 }))).toEqual(["d/b.txt", "d/e/c.txt", "d/e/f/g.txt"]);
    expect(await paths(store.listFiles("d", { recursive: true }))).toEqual(["d/b.txt", "d/e/c.txt", "d/e/f/g.txt"]);
    expect(await paths(store.listFiles("d", { maxDepth: Number.POSITIVE_INFINITY }))).toEqual(["d/b.txt", "d/e/c.txt", "d/e/f/g.txt"]);
    expect(await paths(store.listFiles("d", { recursive: false, maxDepth: 1 }))).toEqual(["d/b.txt", "d/e/c.txt"]);
    expect(await paths(store.listFolders("", { maxDepth: 1 }))).toEqual(["d", "d/e", "empty", "z"]);
    expect(await paths(store.listFolders("", { recursive: true }))).toEqual(["d", "d/e", "d/e/f", "empty", "z"]);
  });

  it.each([-1, 0.5, Number.NaN, Number.NEGATIVE_INFINITY])("ST-061 maxDepth %s is a RangeError", async (maxDepth) => {
    const store = await tree();
    await expectRangeError(() => store.listFiles("", { maxDepth }));
    await expectRangeError(() => store.listFolders("", { maxDepth }));
  });

  it("ST-061 a non-number maxDepth or non-boolean recursive is a TypeError naming it", async () => {
    const store = await tree();
    await expectTypeError(() => store.listFiles("", { maxDepth: "1" as never }), "maxDepth");
    await expectTypeError(() => store.listFolders("", { recursive: 1 as never }), "recursive");
    await expectTypeError(() => store.listFiles("", 3 as never), "options");
  });

  it("ST-062 listings come in code point order", async () => {
    const store = new Store({ backend: new MemoryBackend() });
    for (const path of ["😀", "～", "é", "a", "B", "a/b/x.txt", "a/b.txt", "a/b-c.txt"]) await store.write(path.startsWith("a/") ? path : `top/${path}`, "x");
    expect((await store.listFiles("top").toArray()).map((f) => f.name)).toEqual(["B", "a", "é", "～", "😀"]);
    expect(await paths(store.listFiles("a", { recursive: true }))).toEqual(["a/b-c.txt", "a/b.txt", "a/b/x.txt"]);
  });

  it("ST-063 a listing is a snapshot taken when iteration starts", async () => {
    const store = await tree();
    const listing = store.listFiles("", { recursive: true });
    await store.write("after-call.txt", "x");
    const seen: string[] = [];
    for await (const file of listing) {
      if (seen.length === 0) {
        await store.write("during.txt", "x");
        await store.delete("z/h.json");
      }
      seen.push(file.path);
    }
    expect(seen).toContain("after-call.txt");
    expect(seen).not.toContain("during.txt");
    expect(seen).toContain("z/h.json");
    const again = await paths(listing);
    expect(again).toContain("during.txt");
    expect(again).not.toContain("z/h.json");
  });

  it("ST-006 Listing.toArray collects everything and the listing can be iterated again", async () => {
    const store = await tree();
    const listing = store.iterChildren();
    const first = await listing.toArray();
    const second = await listing.toArray();
    expect(second).toEqual(first);
    expect(first.map((e) => e.path)).toEqual(["a.txt", "d", "empty", "z"]);
    const partial: string[] = [];
    for await (const entry of listing) {
      partial.push(entry.path);
      break;
    }
    expect(partial).toEqual(["a.txt"]);
  });
});
