import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import * as nodePath from "node:path";
import { describe, expect, it } from "vitest";
import { defaultContentType } from "../../../src/backends/local/sidecar.js";
import { bytes, collect, freshBackend, put, writeOptions } from "./helpers.js";

describe("LocalBackend sidecars", () => {
  it("LOC-032 the default content type is guessed from the extension", () => {
    expect(defaultContentType("a.txt")).toBe("text/plain");
    expect(defaultContentType("a.JSON")).toBe("application/json");
    expect(defaultContentType("archive.tar.gz")).toBe("application/gzip");
    expect(defaultContentType("README")).toBe("application/octet-stream");
    expect(defaultContentType(".bashrc")).toBe("application/octet-stream");
    expect(defaultContentType("x.unknown-ext")).toBe("application/octet-stream");
  });

  it("LOC-032 a file with default attributes gets no sidecar", async () => {
    const { backend, root } = await freshBackend();
    await put(backend, "a/b.txt", "x", { contentType: "text/plain" });
    expect(await readdir(nodePath.join(root, "a"))).toEqual(["b.txt"]);
    const info = await backend.getFileInfo("a/b.txt");
    expect(info.contentType).toBe("text/plain");
    expect(info.metadata).toBeUndefined();
  });

  it("LOC-031 content type and metadata that differ from the defaults live in the sidecar and read back", async () => {
    const { backend, root } = await freshBackend();
    const result = await backend.write("a/b.txt", bytes("x"), writeOptions({ contentType: "text/markdown", metadata: { author: "ann" } }));
    expect(result.metadata).toEqual({ author: "ann" });
    expect(await readdir(nodePath.join(root, "a", ".remote-store"))).toEqual(["b.txt"]);
    const stored = JSON.parse(await readFile(nodePath.join(root, "a", ".remote-store", "b.txt"), "utf8")) as unknown;
    expect(stored).toEqual({ v: 1, contentType: "text/markdown", metadata: { author: "ann" } });
    const info = await backend.getFileInfo("a/b.txt");
    expect([info.contentType, info.metadata]).toEqual(["text/markdown", { author: "ann" }]);
    const [listed] = await collect(backend.listFiles("a", { maxDepth: 0 }));
    expect([listed?.contentType, listed?.metadata]).toEqual(["text/markdown", { author: "ann" }]);
  });

  it("LOC-031 LOC-011 the sidecar folder never shows in listings or aggregates", async () => {
    const { backend } = await freshBackend();
    await put(backend, "a.txt", "x", { metadata: { k: "v" } });
    expect((await collect(backend.iterChildren(""))).map((e) => e.path)).toEqual(["a.txt"]);
    expect((await collect(backend.listFolders("", { maxDepth: Infinity }))).map((e) => e.path)).toEqual([]);
    expect((await backend.getFolderInfo("")).fileCount).toBe(1);
  });

  it("LOC-031 a sidecar works for a name of the longest length the OS allows", async () => {
    const { backend } = await freshBackend();
    const name = `${"n".repeat(251)}.bin`;
    await put(backend, name, "x", { contentType: "text/x-long", metadata: { a: "b" } });
    expect((await backend.getFileInfo(name)).contentType).toBe("text/x-long");
  });

  it("LOC-033 an overwrite replaces the attributes, and removes the sidecar when defaults suffice", async () => {
    const { backend, root } = await freshBackend();
    await put(backend, "f.txt", "1", { contentType: "text/x-a", metadata: { k: "1" } });
    await put(backend, "f.txt", "2", { overwrite: true, contentType: "text/plain" });
    const info = await backend.getFileInfo("f.txt");
    expect([info.contentType, info.metadata]).toEqual(["text/plain", undefined]);
    await backend.close();
    expect(await readdir(root)).toEqual(["f.txt"]);
  });

  it("LOC-033 a stale sidecar left by an outside deletion never leaks into a new file", async () => {
    const { backend, root } = await freshBackend();
    await put(backend, "f.txt", "1", { contentType: "text/x-old", metadata: { old: "yes" } });
    await rm(nodePath.join(root, "f.txt"));
    await put(backend, "f.txt", "2");
    const info = await backend.getFileInfo("f.txt");
    expect([info.contentType, info.metadata]).toEqual(["text/plain", undefined]);
  });

  it("LOC-033 delete removes the sidecar and the emptied sidecar folder", async () => {
    const { backend, root } = await freshBackend();
    await put(backend, "d/f.txt", "1", { metadata: { k: "v" } });
    await backend.delete("d/f.txt", { missingOk: false });
    expect(await readdir(nodePath.join(root, "d"))).toEqual([]);
  });

  it("LOC-033 move carries the sidecar, copy duplicates it, and a new name can need one", async () => {
    const { backend, root } = await freshBackend();
    await put(backend, "src.txt", "1", { metadata: { k: "v" } });
    await backend.copy("src.txt", "sub/copy.txt", { overwrite: false });
    await backend.move("src.txt", "moved.json", { overwrite: false });
    const copied = await backend.getFileInfo("sub/copy.txt");
    const moved = await backend.getFileInfo("moved.json");
    expect([copied.contentType, copied.metadata]).toEqual(["text/plain", { k: "v" }]);
    expect([moved.contentType, moved.metadata]).toEqual(["text/plain", { k: "v" }]);
    await backend.move("moved.json", "plain.txt", { overwrite: false });
    expect((await backend.getFileInfo("plain.txt")).contentType).toBe("text/plain");
    await backend.write("typed.txt", bytes("x"), writeOptions());
    await backend.move("typed.txt", "typed.json", { overwrite: false });
    expect((await backend.getFileInfo("typed.json")).contentType).toBe("text/plain");
    expect((await readdir(nodePath.join(root, ".remote-store"))).sort()).toEqual(["plain.txt", "typed.json"]);
  });

  it("LOC-032 files put there by other programs read back with the guessed type and no metadata; a malformed sidecar counts as absent", async () => {
    const { backend, root } = await freshBackend();
    await backend.isFolder("");
    await writeFile(nodePath.join(root, "outside.json"), "{}");
    await mkdir(nodePath.join(root, ".remote-store"));
    await writeFile(nodePath.join(root, ".remote-store", "outside.json"), "not json");
    const info = await backend.getFileInfo("outside.json");
    expect([info.contentType, info.metadata]).toEqual(["application/json", undefined]);
  });

  it("LOC-034 empty metadata is none; metadata handed out is a frozen copy", async () => {
    const { backend } = await freshBackend();
    const result = await backend.write("e.txt", bytes("x"), writeOptions({ metadata: {} }));
    expect(result.metadata).toBeUndefined();
    expect((await backend.getFileInfo("e.txt")).metadata).toBeUndefined();
    const input = { k: "v" };
    await backend.write("m.txt", bytes("x"), writeOptions({ metadata: input }));
    input.k = "changed";
    const first = await backend.getFileInfo("m.txt");
    expect(first.metadata).toEqual({ k: "v" });
    expect(Object.isFrozen(first.metadata)).toBe(true);
    expect(Object.isFrozen(first)).toBe(true);
    expect((await backend.getFileInfo("m.txt")).metadata).not.toBe(first.metadata);
  });
});
