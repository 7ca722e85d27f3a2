import { lstat, mkdir, readdir, readFile, stat, symlink, utimes, writeFile } from "node:fs/promises";
import * as nodePath from "node:path";
import { describe, expect, it } from "vitest";
import { Store } from "../../../src/index.js";
import { expectFailure, freshBackend, put, tempDir, text, tree } from "./helpers.js";

/** Every entry name below a real folder, reserved ones included, sorted. */
async function rawTree(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true });
  return entries.map((entry) => entry.split(nodePath.sep).join("/")).sort();
}

describe("LocalBackend createFolder", () => {
  it("LOC-110 creates real directories with their parents; an existing one is AlreadyExists unless existOk", async () => {
    const { backend, root } = await freshBackend();
    await backend.createFolder("a/b/c", { existOk: false });
    expect((await stat(nodePath.join(root, "a", "b", "c"))).isDirectory()).toBe(true);
    await expectFailure(backend.createFolder("a/b", { existOk: false }), "ALREADY_EXISTS", "a/b");
    await backend.createFolder("a/b", { existOk: true });
    expect(await tree(backend)).toEqual({ files: [], folders: ["a", "a/b", "a/b/c"] });
  });

  it("LOC-110 a file at the path or above it is InvalidPath, and no parent is left behind", async () => {
    const { backend } = await freshBackend();
    await put(backend, "f.txt");
    await expectFailure(backend.createFolder("f.txt", { existOk: true }), "INVALID_PATH", "f.txt");
    await expectFailure(backend.createFolder("f.txt/x/y", { existOk: true }), "INVALID_PATH", "f.txt/x/y");
    await expectFailure(backend.createFolder("", { existOk: true }), "INVALID_PATH", "");
    expect(await tree(backend)).toEqual({ files: ["f.txt"], folders: [] });
  });

  it("LOC-110 LOC-011 reserved names and links leaving the root are InvalidPath", async () => {
    const { backend, root, dir } = await freshBackend();
    await expectFailure(backend.createFolder(".remote-store-uploads", { existOk: true }), "INVALID_PATH", ".remote-store-uploads");
    await expectFailure(backend.createFolder("a/.remote-store/x", { existOk: true }), "INVALID_PATH", "a/.remote-store/x");
    await backend.createFolder("in", { existOk: false });
    const outside = await tempDir();
    await symlink(outside, nodePath.join(root, "out"));
    await expectFailure(backend.createFolder("out/x", { existOk: true }), "INVALID_PATH", "out/x", dir);
    expect(await readdir(outside)).toEqual([]);
  });
});

describe("LocalBackend moveFolder", () => {
  it("LOC-112 LOC-113 one rename: same inode, sidecars travel inside, times kept", async () => {
    const { backend, root } = await freshBackend();
    await put(backend, "src/a.txt", "A", { contentType: "text/x-a", metadata: { k: "v" } });
    await put(backend, "src/sub/b.bin", "B");
    const old = new Date("2015-06-07T08:09:10.123Z");
    await utimes(nodePath.join(root, "src", "a.txt"), old, old);
    const inode = (await stat(nodePath.join(root, "src"))).ino;
    await backend.moveFolder("src", "x/dst", { overwrite: false });
    expect((await stat(nodePath.join(root, "x", "dst"))).ino).toBe(inode);
    const info = await backend.getFileInfo("x/dst/a.txt");
    expect([info.contentType, info.metadata, info.modifiedAt.toISOString()]).toEqual(["text/x-a", { k: "v" }, old.toISOString()]);
    await backend.close();
    expect(await rawTree(root)).toEqual(["x", "x/dst", "x/dst/.remote-store", "x/dst/.remote-store/a.txt", "x/dst/a.txt", "x/dst/sub", "x/dst/sub/.remote-store", "x/dst/sub/.remote-store/b.bin", "x/dst/sub/b.bin"]);
  });

  it("LOC-112 overwrite replaces the destination as a whole and leaves no hidden folder behind", async () => {
    const { backend, root } = await freshBackend();
    await put(backend, "s/a.txt", "new");
    await put(backend, "d/a.txt", "old", { metadata: { was: "d" } });
    await put(backend, "d/only.txt", "gone");
    await expectFailure(backend.moveFolder("s", "d", { overwrite: false }), "ALREADY_EXISTS", "d");
    await backend.moveFolder("s", "d", { overwrite: true });
    expect(await text(backend, "d/a.txt")).toBe("new");
    expect((await backend.getFileInfo("d/a.txt")).metadata).toBeUndefined();
    await backend.close();
    expect(await rawTree(root)).toEqual(["d", "d/a.txt"]);
  });

  it("LOC-111 the contract's check order, with paths", async () => {
    const { backend } = await freshBackend();
    await put(backend, "f.txt");
    await put(backend, "s/a.txt");
    await put(backend, "d/b.txt");
    for (const op of ["moveFolder", "copyFolder"] as const) {
      await expectFailure(backend[op]("missing", "f.txt", { overwrite: true }), "NOT_FOUND", "missing");
      await expectFailure(backend[op]("f.txt/below", "n", { overwrite: true }), "NOT_FOUND", "f.txt/below");
      await expectFailure(backend[op]("f.txt", "d", { overwrite: false }), "INVALID_PATH", "f.txt");
      await expectFailure(backend[op]("s", "f.txt", { overwrite: true }), "INVALID_PATH", "f.txt");
      await expectFailure(backend[op]("s", "f.txt/x/y", { overwrite: true }), "INVALID_PATH", "f.txt/x/y");
      await expectFailure(backend[op]("s", "d", { overwrite: false }), "ALREADY_EXISTS", "d");
      await expectFailure(backend[op]("s", ".remote-store-tmp-x", { overwrite: false }), "INVALID_PATH", ".remote-store-tmp-x");
    }
    expect(await tree(backend)).toEqual({ files: ["d/b.txt", "f.txt", "s/a.txt"], folders: ["d", "s"] });
  });

  it("LOC-111 a destination inside the source through a symbolic link is InvalidPath; nothing is created", async () => {
    const { backend, root } = await freshBackend();
    await put(backend, "s/a.txt");
    await symlink(nodePath.join(root, "s"), nodePath.join(root, "link"));
    for (const op of ["moveFolder", "copyFolder"] as const) {
      await expectFailure(backend[op]("s", "link/inner", { overwrite: false }), "INVALID_PATH", "link/inner");
      await expectFailure(backend[op]("s", "link/deep/inner", { overwrite: false }), "INVALID_PATH", "link/deep/inner");
      await expectFailure(backend[op]("s", "link", { overwrite: true }), "INVALID_PATH", "link");
    }
    expect(await rawTree(nodePath.join(root, "s"))).toEqual(["a.txt"]);
  });

  it("LOC-116 a linked source folder is moved as a link; a copy follows it", async () => {
    const { backend, root } = await freshBackend();
    await put(backend, "real/a.txt", "A");
    await symlink(nodePath.join(root, "real"), nodePath.join(root, "alias"));
    await backend.copyFolder("alias", "copied", { overwrite: false });
    expect((await lstat(nodePath.join(root, "copied"))).isDirectory()).toBe(true);
    expect(await text(backend, "copied/a.txt")).toBe("A");
    await backend.moveFolder("alias", "moved", { overwrite: false });
    expect((await lstat(nodePath.join(root, "moved"))).isSymbolicLink()).toBe(true);
    expect(await text(backend, "moved/a.txt")).toBe("A");
    expect(await backend.exists("alias")).toBe(false);
  });

  it("LOC-113 of concurrent moves of one folder exactly one wins; the others are NotFound naming the source", async () => {
    const { backend } = await freshBackend();
    await put(backend, "c/a.txt");
    const outcomes = await Promise.allSettled(["t1", "t2/x", "t3", "t4/y/z"].map((dst) => backend.moveFolder("c", dst, { overwrite: false })));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === "rejected") expect(outcome.reason).toMatchObject({ code: "NOT_FOUND", path: "c" });
    }
    const files = (await tree(backend)).files;
    expect(files).toHaveLength(1);
    expect((await tree(backend)).folders.filter((f) => !files[0]?.startsWith(f))).toEqual([]);
  });
});

describe("LocalBackend copyFolder", () => {
  it("LOC-114 copies files, empty folders and the copied files' sidecars, with one new time; links and stale sidecars stay behind", async () => {
    const { backend, root } = await freshBackend();
    await put(backend, "s/a.txt", "A", { contentType: "text/x-a", metadata: { k: "v" } });
    await put(backend, "s/plain.txt", "P");
    await backend.createFolder("s/empty/deeper", { existOk: false });
    await writeFile(nodePath.join(root, "s", ".remote-store", "ghost.txt"), '{"v":1,"contentType":"x/ghost"}');
    await symlink(nodePath.join(root, "s", "a.txt"), nodePath.join(root, "s", "link.txt"));
    const old = new Date("2001-01-01T00:00:00.000Z");
    await utimes(nodePath.join(root, "s", "a.txt"), old, old);
    const before = Date.now();
    await backend.copyFolder("s", "c", { overwrite: false });
    expect(await rawTree(nodePath.join(root, "c"))).toEqual([".remote-store", ".remote-store/a.txt", "a.txt", "empty", "empty/deeper", "plain.txt"]);
    const [a, p] = [await backend.getFileInfo("c/a.txt"), await backend.getFileInfo("c/plain.txt")];
    expect([a.contentType, a.metadata, p.contentType]).toEqual(["text/x-a", { k: "v" }, "text/plain"]);
    expect(a.modifiedAt.getTime()).toBe(p.modifiedAt.getTime());
    expect(a.modifiedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect((await backend.getFileInfo("s/a.txt")).modifiedAt.toISOString()).toBe(old.toISOString());
    expect(await readFile(nodePath.join(root, "c", ".remote-store", "a.txt"), "utf8")).toBe(await readFile(nodePath.join(root, "s", ".remote-store", "a.txt"), "utf8"));
  });

  it("LOC-114 overwrite replaces the destination as a whole; no temp folder stays", async () => {
    const { backend, root } = await freshBackend();
    await put(backend, "s/a.txt", "new");
    await put(backend, "d/old.txt", "old");
    await backend.copyFolder("s", "d", { overwrite: true });
    await backend.close();
    expect(await rawTree(root)).toEqual(["d", "d/a.txt", "s", "s/a.txt"]);
  });

  it("LOC-114 LOC-011 reserved entries inside the source are not copied", async () => {
    const { backend, root } = await freshBackend();
    await put(backend, "s/a.txt");
    await mkdir(nodePath.join(root, "s", ".remote-store-tmp-stale"));
    await writeFile(nodePath.join(root, "s", ".remote-store-tmp-stale", "x"), "x");
    await backend.copyFolder("s", "c", { overwrite: false });
    expect(await rawTree(nodePath.join(root, "c"))).toEqual(["a.txt"]);
  });

  it("LOC-114 the Store sees copies and moves through the same reserved-name rules", async () => {
    const { backend } = await freshBackend();
    const store = new Store({ backend });
    await store.writeText("s/a.txt", "a");
    await store.copyFolder("s", "t");
    await store.moveFolder("t", "u", { overwrite: false });
    expect((await store.listFiles("", { recursive: true }).toArray()).map((f) => f.path)).toEqual(["s/a.txt", "u/a.txt"]);
    await expect(store.moveFolder("s", ".remote-store-uploads")).rejects.toMatchObject({ code: "INVALID_PATH", path: ".remote-store-uploads" });
  });
});
