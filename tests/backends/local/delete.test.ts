import { readdir, symlink } from "node:fs/promises";
import * as nodePath from "node:path";
import { describe, expect, it } from "vitest";
import { canMakeFifo, mkfifo } from "./fifo.js";
import { collect, expectFailure, freshBackend, put, tree } from "./helpers.js";

describe("LocalBackend deletes", () => {
  it("LOC-060 delete removes the file and keeps its folder", async () => {
    const { backend } = await freshBackend();
    await put(backend, "d/a.txt");
    await put(backend, "d/b.txt");
    await backend.delete("d/a.txt", { missingOk: false });
    expect(await tree(backend)).toEqual({ files: ["d/b.txt"], folders: ["d"] });
    await backend.delete("d/b.txt", { missingOk: false });
    expect(await backend.isFolder("d")).toBe(true);
  });

  it("LOC-060 missing files: NotFound unless missingOk; a folder is InvalidPath even with missingOk", async () => {
    const { backend } = await freshBackend();
    await put(backend, "f.txt");
    await put(backend, "d/x.txt");
    await expectFailure(backend.delete("nope.txt", { missingOk: false }), "NOT_FOUND", "nope.txt");
    await backend.delete("nope.txt", { missingOk: true });
    await expectFailure(backend.delete("f.txt/child", { missingOk: false }), "NOT_FOUND", "f.txt/child");
    await backend.delete("f.txt/child", { missingOk: true });
    await expectFailure(backend.delete("d", { missingOk: true }), "INVALID_PATH", "d");
    expect(await backend.isFile("d/x.txt")).toBe(true);
  });

  it("LOC-061 deleteFolder: empty folders go, non-empty need recursive, files are InvalidPath", async () => {
    const { backend, root } = await freshBackend();
    await put(backend, "full/a.txt", "x", { metadata: { k: "v" } });
    await put(backend, "full/sub/b.txt");
    await put(backend, "f.txt");
    await backend.delete("f.txt", { missingOk: false });
    await put(backend, "g.txt");
    await expectFailure(backend.deleteFolder("full", { recursive: false, missingOk: false }), "DIRECTORY_NOT_EMPTY", "full");
    await expectFailure(backend.deleteFolder("g.txt", { recursive: true, missingOk: true }), "INVALID_PATH", "g.txt");
    await expectFailure(backend.deleteFolder("nope", { recursive: false, missingOk: false }), "NOT_FOUND", "nope");
    await expectFailure(backend.deleteFolder("g.txt/below", { recursive: false, missingOk: false }), "NOT_FOUND", "g.txt/below");
    await backend.deleteFolder("nope", { recursive: true, missingOk: true });
    await backend.deleteFolder("full", { recursive: true, missingOk: false });
    await backend.close();
    expect(await readdir(root)).toEqual(["g.txt"]);
  });

  it("LOC-061 a folder whose only entries are reserved counts as empty", async () => {
    const { backend, root } = await freshBackend();
    await put(backend, "s/a.txt", "x", { contentType: "text/x-kept" });
    await backend.delete("s/a.txt", { missingOk: false });
    await put(backend, "s/b.txt", "x", { contentType: "text/x-kept" });
    await backend.move("s/b.txt", "b.txt", { overwrite: false });
    expect(await collect(backend.iterChildren("s"))).toEqual([]);
    await backend.deleteFolder("s", { recursive: false, missingOk: false });
    await backend.close();
    expect((await readdir(root)).sort()).toEqual([".remote-store", "b.txt"]);
  });

  it("LOC-061 entries that listings skip still make a folder non-empty", async () => {
    const { backend, root } = await freshBackend();
    await put(backend, "l/a.txt");
    await symlink(nodePath.join(root, "l", "a.txt"), nodePath.join(root, "l", "link"));
    await backend.delete("l/a.txt", { missingOk: false });
    expect(await collect(backend.iterChildren("l"))).toEqual([]);
    await expectFailure(backend.deleteFolder("l", { recursive: false, missingOk: false }), "DIRECTORY_NOT_EMPTY", "l");
    await backend.deleteFolder("l", { recursive: true, missingOk: false });
    expect(await backend.exists("l")).toBe(false);
  });

  it.skipIf(!canMakeFifo)("LOC-013 a FIFO is neither a file nor a folder: skipped by listings, InvalidPath for reads", async () => {
    const { backend, root } = await freshBackend();
    await put(backend, "p/a.txt");
    await mkfifo(nodePath.join(root, "p", "pipe"));
    expect((await collect(backend.iterChildren("p"))).map((e) => e.path)).toEqual(["p/a.txt"]);
    expect(await backend.exists("p/pipe")).toBe(true);
    expect(await backend.isFile("p/pipe")).toBe(false);
    expect(await backend.isFolder("p/pipe")).toBe(false);
    await expectFailure(backend.getFileInfo("p/pipe"), "INVALID_PATH", "p/pipe");
    await expectFailure(backend.readBytes("p/pipe", { offset: 0, length: undefined }), "INVALID_PATH", "p/pipe");
  });
});
