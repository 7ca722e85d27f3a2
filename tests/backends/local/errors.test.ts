import { describe, expect, it } from "vitest";
import { mapFsError } from "../../../src/backends/local/errno.js";
import { NotFound } from "../../../src/errors/classes.js";
import { isRemoteStoreError, type ErrorCode } from "../../../src/errors/remote-store-error.js";
import { expectFailure, freshBackend, put } from "./helpers.js";

function nativeError(code: string): Error {
  return Object.assign(new Error(`${code}: failed, open '/secret/local/dir/x'`), { code, path: "/secret/local/dir/x" });
}

describe("LocalBackend error mapping", () => {
  const table: [string, ErrorCode][] = [
    ["ENOENT", "NOT_FOUND"],
    ["EEXIST", "ALREADY_EXISTS"],
    ["ENOTEMPTY", "DIRECTORY_NOT_EMPTY"],
    ["EISDIR", "INVALID_PATH"],
    ["ENOTDIR", "INVALID_PATH"],
    ["ENAMETOOLONG", "INVALID_PATH"],
    ["EINVAL", "INVALID_PATH"],
    ["ELOOP", "INVALID_PATH"],
    ["EACCES", "PERMISSION_DENIED"],
    ["EPERM", "PERMISSION_DENIED"],
    ["EROFS", "PERMISSION_DENIED"],
    ["ENOSPC", "QUOTA_EXCEEDED"],
    ["EDQUOT", "QUOTA_EXCEEDED"],
    ["EIO", "BACKEND_UNAVAILABLE"],
    ["EMFILE", "BACKEND_UNAVAILABLE"],
  ];

  for (const [errno, code] of table) {
    it(`LOC-020 LOC-021 BE-003 ${errno} → ${code}, with the backend path, the native cause, and no local directory`, () => {
      const native = nativeError(errno);
      const mapped = mapFsError(native, "docs/x.txt");
      expect(isRemoteStoreError(mapped, code)).toBe(true);
      expect(mapped.path).toBe("docs/x.txt");
      expect(mapped.backend).toBe("local");
      expect(mapped.cause).toBe(native);
      expect(mapped.message).toContain('"docs/x.txt"');
      expect(mapped.message).not.toContain("/secret/local/dir");
    });
  }

  it("LOC-020 an error without an errno becomes BackendUnavailable; a library error passes through", () => {
    expect(mapFsError(new Error("odd"), "p").code).toBe("BACKEND_UNAVAILABLE");
    const library = new NotFound("gone", { path: "q" });
    expect(mapFsError(library, "p")).toBe(library);
  });

  it("LOC-021 errors from real operations name the backend path, never the local directory", async () => {
    const { backend, dir } = await freshBackend();
    await put(backend, "f.txt");
    await put(backend, "d/e.txt");
    const all = { offset: 0, length: undefined };
    await expectFailure(backend.readBytes("nope.txt", all), "NOT_FOUND", "nope.txt", dir);
    await expectFailure(backend.readBytes("f.txt/below", all), "NOT_FOUND", "f.txt/below", dir);
    await expectFailure(backend.readBytes("d", all), "INVALID_PATH", "d", dir);
    await expectFailure(backend.getFileInfo("d"), "INVALID_PATH", "d", dir);
    await expectFailure(backend.getFolderInfo("f.txt"), "INVALID_PATH", "f.txt", dir);
    await expectFailure(backend.getFolderInfo("nope"), "NOT_FOUND", "nope", dir);
    await expectFailure(backend.delete("d", { missingOk: true }), "INVALID_PATH", "d", dir);
    await expectFailure(backend.deleteFolder("f.txt", { recursive: true, missingOk: true }), "INVALID_PATH", "f.txt", dir);
    await expectFailure(backend.move("nope.txt", "d", { overwrite: true }), "NOT_FOUND", "nope.txt", dir);
    await expectFailure(backend.move("f.txt", "d", { overwrite: true }), "INVALID_PATH", "d", dir);
    await expectFailure(backend.copy("d", "x.txt", { overwrite: true }), "INVALID_PATH", "d", dir);
    await expectFailure(backend.copy("f.txt", "d/e.txt", { overwrite: false }), "ALREADY_EXISTS", "d/e.txt", dir);
    await expectFailure(backend.copy("f.txt", "f.txt/x", { overwrite: false }), "INVALID_PATH", "f.txt/x", dir);
  });
});
