import { describe, expect, it } from "vitest";
import { compareCodePoints } from "../../../src/paths/compare.js";
import { collect, expectFailure, freshBackend, paths, put } from "./helpers.js";

describe("LocalBackend listings", () => {
  it("LOC-071 recursive listings come in code point order of full paths", async () => {
    const { backend } = await freshBackend();
    for (const path of ["a/b/x.txt", "a/b.txt", "a/b-c.txt", "a/b/y/z.txt", "a/B.txt", "a/é.txt", "a/\u{1F600}.txt", "a/\uFF01.txt", "a/b0/q.txt"]) {
      await put(backend, path);
    }
    const files = await paths(backend.listFiles("a", { maxDepth: Infinity }));
    expect(files).toEqual(["a/B.txt", "a/b-c.txt", "a/b.txt", "a/b/x.txt", "a/b/y/z.txt", "a/b0/q.txt", "a/é.txt", "a/\uFF01.txt", "a/\u{1F600}.txt"]);
    expect([...files].sort(compareCodePoints)).toEqual(files);
    const folders = await paths(backend.listFolders("", { maxDepth: Infinity }));
    expect(folders).toEqual(["a", "a/b", "a/b/y", "a/b0"]);
  });

  it("LOC-071 iterChildren mixes files and folders in name order", async () => {
    const { backend } = await freshBackend();
    for (const path of ["c/b/x.txt", "c/b.txt", "c/a", "c/b-c/y.txt"]) await put(backend, path);
    const children = await collect(backend.iterChildren("c"));
    expect(children.map((e) => [e.kind, e.path])).toEqual([
      ["file", "c/a"],
      ["folder", "c/b"],
      ["folder", "c/b-c"],
      ["file", "c/b.txt"],
    ]);
  });

  it("LOC-071 maxDepth counts levels below the listed folder", async () => {
    const { backend } = await freshBackend();
    for (const path of ["pc/a.txt", "pc/d1/b.txt", "pc/d1/d2/c.txt", "pc/d1/d2/d3/d.txt"]) await put(backend, path);
    const at = (maxDepth: number) => paths(backend.listFiles("pc", { maxDepth }));
    expect(await at(0)).toEqual(["pc/a.txt"]);
    expect(await at(1)).toEqual(["pc/a.txt", "pc/d1/b.txt"]);
    expect(await at(2)).toEqual(["pc/a.txt", "pc/d1/b.txt", "pc/d1/d2/c.txt"]);
    expect(await at(Infinity)).toHaveLength(4);
    expect(await paths(backend.listFolders("pc", { maxDepth: 0 }))).toEqual(["pc/d1"]);
    expect(await paths(backend.listFolders("pc", { maxDepth: 1 }))).toEqual(["pc/d1", "pc/d1/d2"]);
  });

  it("LOC-071 missing paths, files and paths below files list nothing", async () => {
    const { backend } = await freshBackend();
    await put(backend, "f.txt");
    for (const path of ["nope", "f.txt", "f.txt/below"]) {
      expect(await collect(backend.listFiles(path, { maxDepth: Infinity }))).toEqual([]);
      expect(await collect(backend.listFolders(path, { maxDepth: Infinity }))).toEqual([]);
      expect(await collect(backend.iterChildren(path))).toEqual([]);
    }
  });

  it("LOC-070 the listing is read when iteration starts", async () => {
    const { backend } = await freshBackend();
    await put(backend, "s/a.txt");
    const listing = backend.listFiles("s", { maxDepth: 0 });
    await put(backend, "s/b.txt");
    const iterator = listing[Symbol.asyncIterator]();
    const seen: string[] = [];
    const first = await iterator.next();
    if (first.done !== true) seen.push(first.value.path);
    await put(backend, "s/c.txt");
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) seen.push(next.value.path);
    expect(seen).toEqual(["s/a.txt", "s/b.txt"]);
  });

  it("LOC-070 listed files carry size, time, content type and metadata", async () => {
    const { backend } = await freshBackend();
    await put(backend, "m/a.md", "hello", { contentType: "text/markdown", metadata: { k: "v" } });
    await put(backend, "m/b.json", "{}", { contentType: "application/json" });
    const files = await collect(backend.listFiles("m", { maxDepth: 0 }));
    const info = await backend.getFileInfo("m/a.md");
    expect(files[0]).toEqual(info);
    expect(files[1]).toMatchObject({ kind: "file", path: "m/b.json", name: "b.json", size: 2, contentType: "application/json" });
    expect(files[1]?.metadata).toBeUndefined();
  });

  it("LOC-072 getFolderInfo aggregates the whole subtree; the root always works", async () => {
    const { backend } = await freshBackend();
    expect(await backend.getFolderInfo("")).toEqual({ path: "", fileCount: 0, totalSize: 0 });
    await put(backend, "g/a.txt", "abc");
    await put(backend, "g/s/b.txt", "de");
    await put(backend, "g/empty/.keep-not-reserved", "");
    await backend.delete("g/empty/.keep-not-reserved", { missingOk: false });
    const info = await backend.getFolderInfo("g");
    expect(info).toMatchObject({ path: "g", fileCount: 2, totalSize: 5 });
    expect(info.modifiedAt?.getTime()).toBe(Math.max(...(await collect(backend.listFiles("g", { maxDepth: Infinity }))).map((f) => f.modifiedAt.getTime())));
    expect(await backend.getFolderInfo("g/empty")).toEqual({ path: "g/empty", fileCount: 0, totalSize: 0 });
    await expectFailure(backend.getFolderInfo("g/a.txt"), "INVALID_PATH", "g/a.txt");
    await expectFailure(backend.getFolderInfo("g/a.txt/x"), "NOT_FOUND", "g/a.txt/x");
  });
});
