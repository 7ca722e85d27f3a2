import { describe, expect, it } from "vitest";
import { MemoryBackend, Store, isRemoteStoreError } from "../../src/index.js";
import { expectCode, expectTypeError } from "../errors/expect-code.js";
import { snapshotTree } from "./support/snapshot.js";

function fresh(rootPath = ""): { backend: MemoryBackend; store: Store } {
  let t = Date.UTC(2023, 5, 1);
  const backend = new MemoryBackend({ clock: () => new Date((t += 1000)) });
  return { backend, store: new Store({ backend, rootPath }) };
}

describe("Store writing", () => {
  it("ST-031 writes create missing parent folders", async () => {
    const { store } = fresh("r");
    await store.write("a/b/c/f.txt", "x");
    for (const folder of ["a", "a/b", "a/b/c"]) expect(await store.isFolder(folder)).toBe(true);
  });

  it("ST-031 an existing file without overwrite is AlreadyExists and is kept; with overwrite it is replaced", async () => {
    const { store } = fresh();
    await store.write("f", "one");
    await expectCode(store.write("f", "two"), "ALREADY_EXISTS", "f");
    await expectCode(store.writeText("f", "two", { overwrite: false }), "ALREADY_EXISTS", "f");
    await expectCode(store.writeAtomic("f", "two"), "ALREADY_EXISTS", "f");
    expect(await store.readText("f")).toBe("one");
    await store.write("f", "three", { overwrite: true });
    expect(await store.readText("f")).toBe("three");
  });

  it("ST-031 a folder at the path, or a file in place of a parent, is InvalidPath with or without overwrite", async () => {
    const { store, backend } = fresh();
    await store.write("dir/f", "x");
    const before = await snapshotTree(backend);
    for (const overwrite of [false, true]) {
      await expectCode(store.write("dir", "x", { overwrite }), "INVALID_PATH", "dir");
      await expectCode(store.writeAtomic("dir/", "x", { overwrite }), "INVALID_PATH", "dir");
      await expectCode(store.write("dir/f/g", "x", { overwrite }), "INVALID_PATH", "dir/f/g");
      await expectCode(store.write("dir/f/g/h", "x", { overwrite }), "INVALID_PATH", "dir/f/g/h");
    }
    expect(await snapshotTree(backend)).toEqual(before);
  });

  it("ST-033 of concurrent creators of one path exactly one succeeds; the others get AlreadyExists", async () => {
    const { store } = fresh("root");
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => (i % 3 === 0 ? store.writeAtomic("x/one", `w${i}`) : store.write("x/one", [`w${i}`]))),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(isRemoteStoreError(r.reason, "ALREADY_EXISTS")).toBe(true);
  });

  it("ST-034 writeAtomic has the write contract: parents, AlreadyExists, overwrite, result", async () => {
    const { store } = fresh();
    const result = await store.writeAtomic("p/q.json", "{}", { metadata: { a: "b" } });
    expect(result).toMatchObject({ path: "p/q.json", size: 2, contentType: "application/json", metadata: { a: "b" } });
    await expectCode(store.writeAtomic("p/q.json", "{}"), "ALREADY_EXISTS", "p/q.json");
    await store.writeAtomic("p/q.json", "[1]", { overwrite: true });
    expect(await store.readText("p/q.json")).toBe("[1]");
  });

  it("ST-034 writeText writes a string as UTF-8 and rejects a non-string with a TypeError naming text", async () => {
    const { store } = fresh();
    const result = await store.writeText("t.txt", "naïve ☃");
    expect(result.size).toBe(new TextEncoder().encode("naïve ☃").length);
    expect(await store.readText("t.txt")).toBe("naïve ☃");
    await expectTypeError(store.writeText("u.txt", new Uint8Array(1) as never), "text");
    await expectTypeError(store.writeText("u.txt", ["a"] as never), "text");
    expect(await store.exists("u.txt")).toBe(false);
  });

  it.each([
    ["notes.txt", {}, "text/plain"],
    ["data.json", {}, "application/json"],
    ["page.html", {}, "text/html"],
    ["noext", {}, "application/octet-stream"],
    ["weird.zzzunknown", {}, "application/octet-stream"],
    ["notes.txt", { contentType: "text/markdown" }, "text/markdown"],
    ["dir.json/plain", {}, "application/octet-stream"],
    [".env", {}, "application/octet-stream"],
    ["config/.env", {}, "application/octet-stream"],
    ["config/.hidden.json", {}, "application/json"],
    ["a.b/c.", {}, "application/octet-stream"],
  ] as const)("ST-035 %s with %j is stored as %s", async (path, options, expected) => {
    const { store } = fresh();
    const result = await store.write(path, "x", options);
    expect(result.contentType).toBe(expected);
    expect((await store.getFileInfo(path)).contentType).toBe(expected);
    const [listed] = await store.listFiles("", { recursive: true }).toArray();
    expect(listed?.contentType).toBe(expected);
  });

  it("ST-035 consecutive writes each get their own extension's type (same length, other case, none, a dot in a folder)", async () => {
    const { store } = fresh();
    const sequence = [
      ["a.png", "image/png"], ["b.png", "image/png"], ["c.jpg", "image/jpeg"], ["d.png", "image/png"],
      ["e.PNG", "image/png"], ["f.zzz", "application/octet-stream"], ["g.png", "image/png"],
      ["x.png/h", "application/octet-stream"], ["i.", "application/octet-stream"], ["j.png", "image/png"],
    ] as const;
    for (const [path, expected] of sequence) expect((await store.write(path, "x")).contentType, path).toBe(expected);
  });

  it("ST-035 the explicit contentType beats a Blob's type; copy and move keep the content type", async () => {
    const { store } = fresh();
    await store.write("a.txt", new Blob(["x"], { type: "image/gif" }), { contentType: "application/x-custom" });
    expect((await store.getFileInfo("a.txt")).contentType).toBe("application/x-custom");
    await store.copy("a.txt", "b.json");
    await store.move("a.txt", "c.html");
    expect((await store.getFileInfo("b.json")).contentType).toBe("application/x-custom");
    expect((await store.getFileInfo("c.html")).contentType).toBe("application/x-custom");
  });

  it("ST-036 WriteResult is a frozen { path, size, modifiedAt, contentType, metadata } with a store-relative path", async () => {
    const { store } = fresh("deep/root");
    const result = await store.write("//a\\b.txt", "hello", { metadata: { k: "v" } });
    expect(Object.isFrozen(result)).toBe(true);
    expect(result).toEqual({ path: "a/b.txt", size: 5, modifiedAt: expect.any(Date) as unknown, contentType: "text/plain", metadata: { k: "v" } });
    expect(result.modifiedAt).toEqual((await store.getFileInfo("a/b.txt")).modifiedAt);
    const bare = await store.write("c.bin", new Uint8Array(0));
    expect(bare.size).toBe(0);
    expect(bare.metadata).toBeUndefined();
    expect("metadata" in bare).toBe(false);
  });
});
