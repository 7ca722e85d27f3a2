import { stat, utimes } from "node:fs/promises";
import * as nodePath from "node:path";
import { describe, expect, it } from "vitest";
import { expectFailure, freshBackend, put, text, tree } from "./helpers.js";

describe("LocalBackend move and copy", () => {
  it("LOC-080 move keeps the inode, the modification time and the attributes; the source folder stays", async () => {
    const { backend, root } = await freshBackend();
    await put(backend, "src/a.txt", "payload", { contentType: "text/x-a", metadata: { k: "v" } });
    const old = new Date("2020-01-02T03:04:05.000Z");
    await utimes(nodePath.join(root, "src", "a.txt"), old, old);
    const inode = (await stat(nodePath.join(root, "src", "a.txt"))).ino;
    await backend.move("src/a.txt", "dst/deep/b.txt", { overwrite: false });
    const info = await backend.getFileInfo("dst/deep/b.txt");
    expect(info).toMatchObject({ size: 7, contentType: "text/x-a", metadata: { k: "v" } });
    expect(info.modifiedAt.toISOString()).toBe(old.toISOString());
    expect((await stat(nodePath.join(root, "dst", "deep", "b.txt"))).ino).toBe(inode);
    expect(await tree(backend)).toEqual({ files: ["dst/deep/b.txt"], folders: ["dst", "dst/deep", "src"] });
  });

  it("LOC-080 move with overwrite replaces; without it an existing destination is AlreadyExists and nothing changes", async () => {
    const { backend } = await freshBackend();
    await put(backend, "a.txt", "A");
    await put(backend, "b.txt", "B", { metadata: { from: "b" } });
    await expectFailure(backend.move("a.txt", "b.txt", { overwrite: false }), "ALREADY_EXISTS", "b.txt");
    expect([await text(backend, "a.txt"), await text(backend, "b.txt")]).toEqual(["A", "B"]);
    await backend.move("a.txt", "b.txt", { overwrite: true });
    expect(await text(backend, "b.txt")).toBe("A");
    expect((await backend.getFileInfo("b.txt")).metadata).toBeUndefined();
    expect(await backend.exists("a.txt")).toBe(false);
  });

  it("LOC-080 LOC-081 the contract's check order: source first, then same path, then destination", async () => {
    const { backend } = await freshBackend();
    await put(backend, "f.txt", "F");
    await put(backend, "d/x.txt");
    for (const op of ["move", "copy"] as const) {
      await expectFailure(backend[op]("nope.txt", "f.txt/below", { overwrite: false }), "NOT_FOUND", "nope.txt");
      await expectFailure(backend[op]("nope.txt", "nope.txt", { overwrite: true }), "NOT_FOUND", "nope.txt");
      await expectFailure(backend[op]("d", "d", { overwrite: true }), "INVALID_PATH", "d");
      await expectFailure(backend[op]("d", "e.txt", { overwrite: true }), "INVALID_PATH", "d");
      await expectFailure(backend[op]("f.txt", "d", { overwrite: true }), "INVALID_PATH", "d");
      await expectFailure(backend[op]("f.txt", "f.txt/below", { overwrite: true }), "INVALID_PATH", "f.txt/below");
      await expectFailure(backend[op]("f.txt", "d/x.txt", { overwrite: false }), "ALREADY_EXISTS", "d/x.txt");
      await backend[op]("f.txt", "f.txt", { overwrite: false });
      expect(await text(backend, "f.txt")).toBe("F");
    }
    expect(await tree(backend)).toEqual({ files: ["d/x.txt", "f.txt"], folders: ["d"] });
  });

  it("LOC-081 copy stamps a new modification time and keeps content type and metadata", async () => {
    const { backend, root } = await freshBackend();
    await put(backend, "a.bin", "data", { contentType: "text/x-bin", metadata: { k: "v" } });
    const old = new Date("2001-01-01T00:00:00.000Z");
    await utimes(nodePath.join(root, "a.bin"), old, old);
    const before = Date.now();
    await backend.copy("a.bin", "c/b.txt", { overwrite: false });
    const copied = await backend.getFileInfo("c/b.txt");
    expect(copied).toMatchObject({ size: 4, contentType: "text/x-bin", metadata: { k: "v" } });
    expect(copied.modifiedAt.getTime()).toBeGreaterThanOrEqual(before - 2000);
    expect((await backend.getFileInfo("a.bin")).modifiedAt.toISOString()).toBe(old.toISOString());
    expect(await text(backend, "c/b.txt")).toBe("data");
  });

  it("LOC-081 a failed copy leaves no new parent folders", async () => {
    const { backend } = await freshBackend();
    await put(backend, "f.txt");
    await expectFailure(backend.copy("f.txt", "f.txt/x/y", { overwrite: false }), "INVALID_PATH", "f.txt/x/y");
    await expectFailure(backend.copy("gone.txt", "n/m/y", { overwrite: false }), "NOT_FOUND", "gone.txt");
    expect(await tree(backend)).toEqual({ files: ["f.txt"], folders: [] });
  });

  it("LOC-080 of concurrent exclusive moves onto one name, exactly one wins and no file is lost", async () => {
    const { backend } = await freshBackend();
    for (let i = 0; i < 6; i++) await put(backend, `m${i}.txt`, `m${i}`);
    const outcomes = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => backend.move(`m${i}.txt`, "target.txt", { overwrite: false })));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const { files } = await tree(backend);
    expect(files).toHaveLength(6);
    expect(files).toContain("target.txt");
  });
});
