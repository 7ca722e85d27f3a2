import { mkdir, readFile, readdir, stat, symlink, writeFile } from "node:fs/promises";
import * as nodePath from "node:path";
import { describe, expect, it } from "vitest";
import { bytes, collect, expectFailure, freshBackend, put, text, writeOptions } from "./helpers.js";

/** A backend whose root holds links to an outside folder that has a file and a subfolder. */
async function withOutsideLinks() {
  const setup = await freshBackend();
  const outside = nodePath.join(setup.dir, "outside");
  await mkdir(nodePath.join(outside, "sub"), { recursive: true });
  await writeFile(nodePath.join(outside, "secret.txt"), "secret");
  await writeFile(nodePath.join(outside, "sub", "deep.txt"), "deep");
  await put(setup.backend, "inside/keep.txt", "keep");
  await symlink(outside, nodePath.join(setup.root, "out-dir"));
  await symlink(nodePath.join(outside, "secret.txt"), nodePath.join(setup.root, "out-file"));
  await symlink(nodePath.join(outside, "missing"), nodePath.join(setup.root, "out-dangling"));
  await symlink("../../outside", nodePath.join(setup.root, "inside", "rel-out"));
  return { ...setup, outside };
}

async function outsideUnchanged(outside: string): Promise<void> {
  expect((await readdir(outside)).sort()).toEqual(["secret.txt", "sub"]);
  expect(await readFile(nodePath.join(outside, "secret.txt"), "utf8")).toBe("secret");
  expect(await readdir(nodePath.join(outside, "sub"))).toEqual(["deep.txt"]);
}

describe("LocalBackend containment", () => {
  it("LOC-012 reads through links that leave the root are InvalidPath, whether the target exists or not", async () => {
    const { backend, outside, dir } = await withOutsideLinks();
    const all = { offset: 0, length: undefined };
    for (const path of ["out-file", "out-dir/secret.txt", "out-dir/sub/deep.txt", "inside/rel-out/secret.txt", "out-dir/nope.txt", "out-dir/nope/deeper.txt"]) {
      await expectFailure(backend.readBytes(path, all), "INVALID_PATH", path, dir);
      await expectFailure(backend.read(path, all), "INVALID_PATH", path, dir);
      await expectFailure(backend.getFileInfo(path), "INVALID_PATH", path, dir);
    }
    await expectFailure(backend.getFolderInfo("out-dir"), "INVALID_PATH", "out-dir", dir);
    await outsideUnchanged(outside);
  });

  it("LOC-012 probes answer false and listings list nothing for paths that leave the root", async () => {
    const { backend, outside } = await withOutsideLinks();
    for (const path of ["out-file", "out-dir", "out-dir/secret.txt", "out-dir/sub", "inside/rel-out", "out-dir/nope"]) {
      expect(await backend.exists(path), path).toBe(false);
      expect(await backend.isFile(path), path).toBe(false);
      expect(await backend.isFolder(path), path).toBe(false);
      expect(await collect(backend.listFiles(path, { maxDepth: Infinity })), path).toEqual([]);
      expect(await collect(backend.listFolders(path, { maxDepth: Infinity })), path).toEqual([]);
      expect(await collect(backend.iterChildren(path)), path).toEqual([]);
    }
    await outsideUnchanged(outside);
  });

  it("LOC-012 LOC-013 listings and aggregates of the root skip every link", async () => {
    const { backend } = await withOutsideLinks();
    expect((await collect(backend.listFiles("", { maxDepth: Infinity }))).map((f) => f.path)).toEqual(["inside/keep.txt"]);
    expect((await collect(backend.listFolders("", { maxDepth: Infinity }))).map((f) => f.path)).toEqual(["inside"]);
    expect((await collect(backend.iterChildren(""))).map((f) => f.path)).toEqual(["inside"]);
    const info = await backend.getFolderInfo("");
    expect([info.fileCount, info.totalSize]).toEqual([1, 4]);
  });

  it("LOC-012 LOC-014 writes, copies and moves cannot place anything outside the root", async () => {
    const { backend, outside, dir } = await withOutsideLinks();
    const cases: [string, () => Promise<unknown>][] = [
      ["out-dir/new.txt", () => backend.write("out-dir/new.txt", bytes("x"), writeOptions())],
      ["out-dir/new2.txt", () => backend.writeAtomic("out-dir/new2.txt", bytes("x"), writeOptions())],
      ["out-dir/sub/deep.txt", () => backend.write("out-dir/sub/deep.txt", bytes("x"), writeOptions({ overwrite: true }))],
      ["out-dir/a/b/c.txt", () => backend.write("out-dir/a/b/c.txt", bytes("x"), writeOptions())],
      ["inside/rel-out/x.txt", () => backend.write("inside/rel-out/x.txt", bytes("x"), writeOptions())],
      ["out-dir/copied.txt", () => backend.copy("inside/keep.txt", "out-dir/copied.txt", { overwrite: false })],
      ["out-dir/moved.txt", () => backend.move("inside/keep.txt", "out-dir/moved.txt", { overwrite: true })],
      ["out-dir/secret.txt", () => backend.move("out-dir/secret.txt", "stolen.txt", { overwrite: false })],
      ["out-file", () => backend.copy("out-file", "stolen.txt", { overwrite: false })],
    ];
    for (const [path, operation] of cases) await expectFailure(operation(), "INVALID_PATH", path, dir);
    await outsideUnchanged(outside);
    expect(await text(backend, "inside/keep.txt")).toBe("keep");
    expect(await backend.exists("stolen.txt")).toBe(false);
  });

  it("LOC-012 LOC-014 deletes cannot remove anything outside the root", async () => {
    const { backend, outside, dir } = await withOutsideLinks();
    await expectFailure(backend.delete("out-dir/secret.txt", { missingOk: true }), "INVALID_PATH", "out-dir/secret.txt", dir);
    await expectFailure(backend.delete("out-file", { missingOk: false }), "INVALID_PATH", "out-file", dir);
    await expectFailure(backend.deleteFolder("out-dir/sub", { recursive: true, missingOk: true }), "INVALID_PATH", "out-dir/sub", dir);
    await expectFailure(backend.deleteFolder("out-dir", { recursive: true, missingOk: false }), "INVALID_PATH", "out-dir", dir);
    await outsideUnchanged(outside);
  });

  it("LOC-014 a dangling link at the target is replaced, never followed out", async () => {
    const { backend, outside } = await withOutsideLinks();
    await expectFailure(backend.write("out-dangling", bytes("x"), writeOptions()), "ALREADY_EXISTS", "out-dangling");
    await backend.write("out-dangling", bytes("mine"), writeOptions({ overwrite: true }));
    expect(await text(backend, "out-dangling")).toBe("mine");
    await expect(stat(nodePath.join(outside, "missing"))).rejects.toMatchObject({ code: "ENOENT" });
    await outsideUnchanged(outside);
  });

  it("LOC-013 links that stay inside the root are followed by reads; removing one removes the link", async () => {
    const { backend, root } = await freshBackend();
    await put(backend, "real/file.txt", "content");
    await symlink(nodePath.join(root, "real", "file.txt"), nodePath.join(root, "alias.txt"));
    await symlink("real", nodePath.join(root, "alias-dir"));
    expect(await text(backend, "alias.txt")).toBe("content");
    expect(await text(backend, "alias-dir/file.txt")).toBe("content");
    expect(await backend.isFile("alias.txt")).toBe(true);
    expect(await backend.isFolder("alias-dir")).toBe(true);
    expect((await backend.getFileInfo("alias.txt")).size).toBe(7);
    await backend.delete("alias.txt", { missingOk: false });
    await backend.deleteFolder("alias-dir", { recursive: true, missingOk: false });
    expect(await text(backend, "real/file.txt")).toBe("content");
    expect(await backend.exists("alias.txt")).toBe(false);
    expect(await backend.exists("alias-dir")).toBe(false);
  });

  it("LOC-010 non-normalised segments are InvalidPath before any I/O", async () => {
    const { backend, root } = await freshBackend();
    expect(await backend.isFolder("")).toBe(true);
    for (const path of ["../escape.txt", "a/../../b", "a//b", "./a", "a/.", "/abs", "a\0b"]) {
      await expectFailure(backend.write(path, bytes("x"), writeOptions()), "INVALID_PATH", path);
      await expectFailure(backend.exists(path), "INVALID_PATH", path);
    }
    expect(await readdir(root)).toEqual([]);
  });

  it("LOC-011 names starting with .remote-store are InvalidPath for every operation", async () => {
    const { backend, dir } = await freshBackend();
    await put(backend, "a/b.txt", "x", { contentType: "text/x-special" });
    const all = { offset: 0, length: undefined };
    const reserved = [".remote-store", "a/.remote-store/b.txt", ".remote-store-tmp-1", "a/.remote-storefoo"];
    for (const path of reserved) {
      await expectFailure(backend.write(path, bytes("x"), writeOptions()), "INVALID_PATH", path, dir);
      await expectFailure(backend.readBytes(path, all), "INVALID_PATH", path, dir);
      await expectFailure(backend.exists(path), "INVALID_PATH", path, dir);
      await expectFailure(backend.getFileInfo(path), "INVALID_PATH", path, dir);
      await expectFailure(backend.delete(path, { missingOk: true }), "INVALID_PATH", path, dir);
      await expectFailure(backend.deleteFolder(path, { recursive: true, missingOk: true }), "INVALID_PATH", path, dir);
      await expectFailure(collect(backend.listFiles(path, { maxDepth: 0 })), "INVALID_PATH", path, dir);
      await expectFailure(backend.move("a/b.txt", path, { overwrite: true }), "INVALID_PATH", path, dir);
      await expectFailure(backend.copy(path, "a/c.txt", { overwrite: true }), "INVALID_PATH", path, dir);
      await expectFailure(backend.url(path), "INVALID_PATH", path, dir);
    }
    expect((await backend.getFileInfo("a/b.txt")).contentType).toBe("text/x-special");
  });

  it("LOC-011 names that merely contain the prefix later are ordinary", async () => {
    const { backend } = await freshBackend();
    await put(backend, "x.remote-store", "1");
    await put(backend, "remote-store/y", "2");
    expect(await text(backend, "x.remote-store")).toBe("1");
    expect((await collect(backend.listFiles("", { maxDepth: Infinity }))).map((f) => f.path)).toEqual(["remote-store/y", "x.remote-store"]);
  });

  it("LOC-022 a name longer than the OS allows is InvalidPath with the path, for every kind of operation", async () => {
    const { backend, dir } = await freshBackend();
    const long = "n".repeat(300);
    const nested = `a/${long}/b.txt`;
    await expectFailure(backend.write(long, bytes("x"), writeOptions()), "INVALID_PATH", long, dir);
    await expectFailure(backend.write(nested, bytes("x"), writeOptions()), "INVALID_PATH", nested, dir);
    await expectFailure(backend.exists(long), "INVALID_PATH", long, dir);
    await expectFailure(backend.readBytes(long, { offset: 0, length: undefined }), "INVALID_PATH", long, dir);
    await expectFailure(collect(backend.listFiles(long, { maxDepth: 0 })), "INVALID_PATH", long, dir);
    expect(await backend.exists("a")).toBe(false);
  });
});
