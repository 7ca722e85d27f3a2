import { readdir, utimes } from "node:fs/promises";
import * as nodePath from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { expectFailure, freshBackend, put, text, tree } from "./helpers.js";

/** Simulated faults: each returns an errno code to fail the call with, or undefined to let it run. */
type Fault = (from: string, to: string) => string | undefined;
const faults = vi.hoisted(() => ({ rename: undefined as Fault | undefined, copyFile: undefined as Fault | undefined, link: undefined as Fault | undefined }));

vi.mock("node:fs/promises", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs/promises")>();
  const fail = (code: string) => Promise.reject(Object.assign(new Error(`${code} (simulated)`), { code }));
  return {
    ...real,
    rename: (from: string, to: string) => {
      const code = faults.rename?.(from, to);
      return code === undefined ? real.rename(from, to) : fail(code);
    },
    copyFile: (from: string, to: string, mode?: number) => {
      const code = faults.copyFile?.(from, to);
      return code === undefined ? real.copyFile(from, to, mode) : fail(code);
    },
    link: (from: string, to: string) => {
      const code = faults.link?.(from, to);
      return code === undefined ? real.link(from, to) : fail(code);
    },
  };
});

beforeEach(() => {
  faults.rename = undefined;
  faults.copyFile = undefined;
  faults.link = undefined;
});

const base = (path: string): string => nodePath.basename(path);

/** Every entry name below a real folder, reserved ones included, sorted. */
async function rawTree(folder: string): Promise<string[]> {
  return (await readdir(folder, { recursive: true })).map((entry) => entry.split(nodePath.sep).join("/")).sort();
}

describe("LocalBackend folder operations when the file system fails", () => {
  it("LOC-112 when renaming the source into place fails, the replaced destination is put back", async () => {
    const { backend, root } = await freshBackend();
    await put(backend, "s/a.txt", "new");
    await put(backend, "d/a.txt", "old", { metadata: { keep: "me" } });
    const before = await rawTree(root);
    faults.rename = (from, to) => (base(from) === "s" && base(to) === "d" ? "EIO" : undefined);
    await expectFailure(backend.moveFolder("s", "d", { overwrite: true }), "BACKEND_UNAVAILABLE", "d");
    expect(await rawTree(root)).toEqual(before);
    expect([await text(backend, "d/a.txt"), (await backend.getFileInfo("d/a.txt")).metadata]).toEqual(["old", { keep: "me" }]);
  });

  it("LOC-114 a copy that fails part-way leaves nothing: no partial folder, no temp folder, no new parents", async () => {
    const { backend, root } = await freshBackend();
    await put(backend, "s/a.txt", "a");
    await put(backend, "s/sub/b.txt", "b");
    await put(backend, "s/sub/c.txt", "c");
    await put(backend, "d/old.txt", "old");
    const before = await rawTree(root);
    faults.copyFile = (from) => (base(from) === "c.txt" ? "ENOSPC" : undefined);
    await expectFailure(backend.copyFolder("s", "new/parents/c", { overwrite: false }), "QUOTA_EXCEEDED", "new/parents/c");
    await expectFailure(backend.copyFolder("s", "d", { overwrite: true }), "QUOTA_EXCEEDED", "d");
    expect(await rawTree(root)).toEqual(before);
  });

  it("LOC-114 a copy whose final rename fails leaves the destination as it was", async () => {
    const { backend, root } = await freshBackend();
    await put(backend, "s/a.txt", "a");
    await put(backend, "d/old.txt", "old");
    const before = await rawTree(root);
    let fired = false;
    faults.rename = (from, to) => {
      if (fired || !base(from).startsWith(".remote-store-tmp-") || base(to) !== "d") return undefined;
      fired = true;
      return "EACCES";
    };
    await expectFailure(backend.copyFolder("s", "d", { overwrite: true }), "PERMISSION_DENIED", "d");
    expect(await rawTree(root)).toEqual(before);
  });

  it("LOC-115 across devices a move copies with every file's time, places the copy, then removes the source", async () => {
    const { backend, root } = await freshBackend();
    await put(backend, "s/a.txt", "A", { metadata: { k: "v" } });
    await backend.createFolder("s/empty", { existOk: false });
    const old = new Date("2012-03-04T05:06:07.890Z");
    await utimes(nodePath.join(root, "s", "a.txt"), old, old);
    await put(backend, "d/x.txt", "replaced");
    faults.rename = (from) => (base(from) === "s" ? "EXDEV" : undefined);
    await backend.moveFolder("s", "d", { overwrite: true });
    const info = await backend.getFileInfo("d/a.txt");
    expect([info.modifiedAt.toISOString(), info.metadata]).toEqual([old.toISOString(), { k: "v" }]);
    expect(await tree(backend)).toEqual({ files: ["d/a.txt"], folders: ["d", "d/empty"] });
    await backend.close();
    expect(await rawTree(root)).toEqual(["d", "d/.remote-store", "d/.remote-store/a.txt", "d/a.txt", "d/empty"]);
  });

  it("LOC-134 LOC-121 an upload comes into being in one rename of its temp folder; when that fails, nothing is left", async () => {
    const { backend, root } = await freshBackend();
    const options = { overwrite: false, contentType: "text/plain", metadata: undefined };
    const renames: string[] = [];
    faults.rename = (from, to) => {
      renames.push(`${base(from).replace(/^(\.remote-store-tmp-).*$/, "$1…")} -> ${base(to)}`);
      return undefined;
    };
    const id = await backend.startMultipartUpload("a.txt", options);
    expect(renames).toEqual([`.remote-store-tmp-… -> ${id}`]);
    expect(await readdir(nodePath.join(root, ".remote-store-uploads", id))).toEqual(["manifest.json"]);
    await backend.abortMultipartUpload(id);
    faults.rename = (from) => (base(from).startsWith(".remote-store-tmp-") ? "EACCES" : undefined);
    await expectFailure(backend.startMultipartUpload("b.txt", options), "PERMISSION_DENIED", "b.txt");
    expect(await backend.listMultipartUploads()).toEqual([]);
    await backend.close();
    expect(await rawTree(root)).toEqual([]);
  });

  it("LOC-124 LOC-134 a completion whose commit fails leaves the upload active with its parts, and no temp file", async () => {
    const { backend, root } = await freshBackend();
    const options = { overwrite: false, contentType: "text/plain", metadata: undefined };
    const id = await backend.startMultipartUpload("dir/big.txt", options);
    const part = await backend.uploadPart(id, 1, new TextEncoder().encode("part one"));
    faults.link = (_from, to) => (base(to) === "big.txt" ? "ENOSPC" : undefined);
    await expectFailure(backend.completeMultipartUpload(id, [part]), "QUOTA_EXCEEDED", "dir/big.txt");
    expect(await tree(backend)).toEqual({ files: [], folders: [] });
    expect(await backend.listParts(id)).toEqual([part]);
    faults.link = undefined;
    await backend.completeMultipartUpload(id, [part]);
    expect(await text(backend, "dir/big.txt")).toBe("part one");
    await backend.close();
    expect(await rawTree(root)).toEqual(["dir", "dir/big.txt"]);
  });
});
