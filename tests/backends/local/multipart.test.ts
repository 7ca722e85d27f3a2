import { readdir, readFile, writeFile, mkdir } from "node:fs/promises";
import * as nodePath from "node:path";
import { describe, expect, it } from "vitest";
import type { BackendMultipartOptions } from "../../../src/contract/backend-extensions.js";
import { LocalBackend } from "../../../src/backends/local/index.js";
import { currentOwner } from "../../../src/backends/local/owner.js";
import { Store } from "../../../src/index.js";
import { bytes, chunks, expectFailure, failingChunks, freshBackend, paths, put, text, tree } from "./helpers.js";

const plain: BackendMultipartOptions = { overwrite: false, contentType: "text/plain", metadata: undefined };
const UPLOADS = ".remote-store-uploads";

describe("LocalBackend multipart uploads", () => {
  it("LOC-120 LOC-121 LOC-134 an upload is a hidden folder with a manifest that names its owner; nothing shows in listings or aggregates", async () => {
    const { backend, root } = await freshBackend();
    const id = await backend.startMultipartUpload("docs/report.txt", { overwrite: false, contentType: "text/x-report", metadata: { k: "v" } });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await backend.uploadPart(id, 2, bytes("world"));
    await backend.uploadPart(id, 1, bytes("hello "));
    expect((await readdir(nodePath.join(root, UPLOADS, id))).sort()).toEqual(["manifest.json", expect.stringMatching(/^part-1-[0-9a-f]{32}$/), expect.stringMatching(/^part-2-[0-9a-f]{32}$/)]);
    const manifest = JSON.parse(await readFile(nodePath.join(root, UPLOADS, id, "manifest.json"), "utf8")) as Record<string, unknown>;
    expect(manifest).toMatchObject({ v: 1, path: "docs/report.txt", overwrite: false, contentType: "text/x-report", metadata: { k: "v" } });
    expect(manifest.owner).toEqual({ ...(await currentOwner()) });
    expect(await tree(backend)).toEqual({ files: [], folders: [] });
    expect(await paths(backend.iterChildren(""))).toEqual([]);
    expect(await backend.getFolderInfo("")).toMatchObject({ fileCount: 0, totalSize: 0 });
    const result = await backend.completeMultipartUpload(id, await backend.listParts(id));
    expect(result).toMatchObject({ path: "docs/report.txt", size: 11, contentType: "text/x-report", metadata: { k: "v" } });
    expect(result.modifiedAt).toEqual((await backend.getFileInfo("docs/report.txt")).modifiedAt);
    expect(await text(backend, "docs/report.txt")).toBe("hello world");
    expect(await readdir(root), "the uploads folder goes with its last upload").not.toContain(UPLOADS);
  });

  it("LOC-120 LOC-134 an uploads folder that is a file makes start BackendUnavailable and is left alone", async () => {
    const { backend, root } = await freshBackend();
    await mkdir(root);
    await writeFile(nodePath.join(root, UPLOADS), "not a folder");
    await expectFailure(backend.startMultipartUpload("b.txt", plain), "BACKEND_UNAVAILABLE", "");
    await backend.close();
    expect(await readdir(root)).toEqual([UPLOADS]);
    expect(await readFile(nodePath.join(root, UPLOADS), "utf8")).toBe("not a folder");
  });

  it("LOC-011 LOC-120 the uploads folder cannot be addressed by any user path", async () => {
    const { backend } = await freshBackend();
    const id = await backend.startMultipartUpload("a.txt", plain);
    const store = new Store({ backend });
    for (const path of [UPLOADS, `${UPLOADS}/${id}`, `${UPLOADS}/${id}/manifest.json`]) {
      await expect(store.exists(path)).rejects.toMatchObject({ code: "INVALID_PATH", path });
      await expect(store.readText(path)).rejects.toMatchObject({ code: "INVALID_PATH" });
      await expect(store.deleteFolder(path, { recursive: true })).rejects.toMatchObject({ code: "INVALID_PATH" });
    }
    await expect(store.startMultipartUpload(`${UPLOADS}/x.bin`)).rejects.toMatchObject({ code: "INVALID_PATH", path: `${UPLOADS}/x.bin` });
    expect(await backend.listParts(id)).toEqual([]);
  });

  it("LOC-122 a re-upload replaces the part file and gives a new etag, also for the same bytes", async () => {
    const { backend, root } = await freshBackend();
    const id = await backend.startMultipartUpload("a.txt", plain);
    const first = await backend.uploadPart(id, 1, bytes("same"));
    const second = await backend.uploadPart(id, 1, chunks("sa", "me"));
    expect(second.etag).not.toBe(first.etag);
    expect(second).toMatchObject({ partNumber: 1, size: 4 });
    expect((await readdir(nodePath.join(root, UPLOADS, id))).filter((name) => name.startsWith("part-"))).toHaveLength(1);
    await expectFailure(backend.completeMultipartUpload(id, [first]), "INVALID_ARGUMENT", "a.txt");
    await expectFailure(backend.completeMultipartUpload(id, [{ partNumber: 2, etag: second.etag }]), "INVALID_ARGUMENT", "a.txt");
  });

  it("LOC-122 a failing part source propagates its own error and leaves no temp file", async () => {
    const { backend, root } = await freshBackend();
    const id = await backend.startMultipartUpload("a.txt", plain);
    const boom = new Error("source broke");
    await expect(backend.uploadPart(id, 1, failingChunks("half", boom))).rejects.toBe(boom);
    expect(await readdir(nodePath.join(root, UPLOADS, id))).toEqual(["manifest.json"]);
    expect(await backend.listParts(id)).toEqual([]);
  });

  it("LOC-121 LOC-124 the overwrite rule of write applies at start and at completion", async () => {
    const { backend } = await freshBackend();
    await put(backend, "taken.txt", "old");
    await expectFailure(backend.startMultipartUpload("taken.txt", plain), "ALREADY_EXISTS", "taken.txt");
    await expectFailure(backend.startMultipartUpload("taken.txt/below", plain), "INVALID_PATH", "taken.txt/below");
    const late = await backend.startMultipartUpload("late.txt", plain);
    const part = await backend.uploadPart(late, 1, bytes("late"));
    await put(backend, "late.txt", "first");
    await expectFailure(backend.completeMultipartUpload(late, [part]), "ALREADY_EXISTS", "late.txt");
    expect(await backend.listParts(late)).toEqual([part]);
    const replacing = await backend.startMultipartUpload("taken.txt", { ...plain, overwrite: true });
    await backend.completeMultipartUpload(replacing, [await backend.uploadPart(replacing, 1, bytes("new"))]);
    expect(await text(backend, "taken.txt")).toBe("new");
  });

  it("LOC-125 abort removes the upload's folder; every later call is NotFound", async () => {
    const { backend, root } = await freshBackend();
    const id = await backend.startMultipartUpload("a.txt", plain);
    const part = await backend.uploadPart(id, 1, bytes("x"));
    await backend.abortMultipartUpload(id);
    expect(await readdir(root)).not.toContain(UPLOADS);
    for (const call of [
      () => backend.uploadPart(id, 2, bytes("y")),
      () => backend.listParts(id),
      () => backend.completeMultipartUpload(id, [part]),
      () => backend.abortMultipartUpload(id),
    ]) {
      await expectFailure(call(), "NOT_FOUND");
    }
    for (const bogus of ["", "..", "../root", "not-an-id", id.toUpperCase()]) await expectFailure(backend.listParts(bogus), "NOT_FOUND", "");
  });

  it("LOC-126 LOC-123 uploads survive the backend: a new instance on the same root lists, continues and completes them", async () => {
    const { backend, root } = await freshBackend();
    const first = await backend.startMultipartUpload("kept/a.bin", { overwrite: false, contentType: "application/x-a", metadata: { m: "1" } });
    const part1 = await backend.uploadPart(first, 1, bytes("one-"));
    const second = await backend.startMultipartUpload("b.bin", plain);
    await backend.close();
    const later = new LocalBackend({ root });
    try {
      const listed = await later.listMultipartUploads();
      expect(listed.map((u) => [u.uploadId, u.path])).toEqual([
        [first, "kept/a.bin"],
        [second, "b.bin"],
      ]);
      expect(listed[0]?.startedAt).toBeInstanceOf(Date);
      const part2 = await later.uploadPart(first, 2, bytes("two"));
      expect(await later.listParts(first)).toEqual([part1, part2]);
      const result = await later.completeMultipartUpload(first, [part2, part1]);
      expect(result).toMatchObject({ size: 7, contentType: "application/x-a", metadata: { m: "1" } });
      expect(await text(later, "kept/a.bin")).toBe("one-two");
      expect((await later.listMultipartUploads()).map((u) => u.uploadId)).toEqual([second]);
    } finally {
      await later.close();
    }
  });

  it("LOC-126 folders without a readable manifest are not listed", async () => {
    const { backend, root } = await freshBackend();
    const id = await backend.startMultipartUpload("a.txt", plain);
    await mkdir(nodePath.join(root, UPLOADS, "0b9a3c2e-1111-4222-8333-944455556666"));
    await mkdir(nodePath.join(root, UPLOADS, "11111111-2222-4333-8444-555566667777"));
    await writeFile(nodePath.join(root, UPLOADS, "11111111-2222-4333-8444-555566667777", "manifest.json"), "{broken");
    await mkdir(nodePath.join(root, UPLOADS, "stray"));
    expect((await backend.listMultipartUploads()).map((u) => u.uploadId)).toEqual([id]);
  });

  it("LOC-127 LOC-123 concurrent part uploads to one upload all land; listParts is in part-number order; the file assembles in part-number order", async () => {
    const { backend } = await freshBackend();
    const id = await backend.startMultipartUpload("many.txt", plain);
    const numbers = Array.from({ length: 24 }, (_, i) => 24 - i);
    const parts = await Promise.all(numbers.map((n) => backend.uploadPart(id, n, chunks(`<${n}`, ">"))));
    expect((await backend.listParts(id)).map((p) => p.partNumber)).toEqual([...numbers].reverse());
    await backend.completeMultipartUpload(id, parts);
    expect(await text(backend, "many.txt")).toBe(Array.from({ length: 24 }, (_, i) => `<${i + 1}>`).join(""));
  });

  it("LOC-091 a closed backend refuses every multipart call with BackendUnavailable", async () => {
    const { backend } = await freshBackend();
    const id = await backend.startMultipartUpload("a.txt", plain);
    await backend.close();
    await expectFailure(backend.startMultipartUpload("b.txt", plain), "BACKEND_UNAVAILABLE");
    await expectFailure(backend.uploadPart(id, 1, bytes("x")), "BACKEND_UNAVAILABLE");
    await expectFailure(backend.listParts(id), "BACKEND_UNAVAILABLE");
    await expectFailure(backend.completeMultipartUpload(id, []), "BACKEND_UNAVAILABLE");
    await expectFailure(backend.abortMultipartUpload(id), "BACKEND_UNAVAILABLE");
    await expectFailure(backend.listMultipartUploads(), "BACKEND_UNAVAILABLE");
  });
});
