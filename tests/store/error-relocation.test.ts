import { describe, expect, it } from "vitest";
import { MemoryBackend, NotFound, PermissionDenied, Store } from "../../src/index.js";
import { expectCode } from "../errors/expect-code.js";
import { ForwardingBackend } from "./support/forwarding-backend.js";

const ROOT = "tenant-7/private";

function leaks(error: Error & { path?: string | undefined }): boolean {
  return String(error.path).includes("tenant-7") || error.message.includes("tenant-7");
}

describe("Store error relocation", () => {
  it("ST-010 BE-003 backend errors keep class, code, backend and cause; path and message become store-relative", async () => {
    const backend = new ForwardingBackend();
    const cause = new Error("EACCES");
    backend.getFileInfo = (path) => Promise.reject(new PermissionDenied(`Access denied: ${JSON.stringify(path)} (backend forwarding)`, { path, backend: "forwarding", cause }));
    const store = new Store({ backend, rootPath: ROOT });
    const error = await expectCode(store.getFileInfo("docs/a.txt"), "PERMISSION_DENIED", "docs/a.txt");
    expect(error).toBeInstanceOf(PermissionDenied);
    expect(error.backend).toBe("forwarding");
    expect(error.cause).toBe(cause);
    expect(error.message).toContain(JSON.stringify("docs/a.txt"));
    expect(leaks(error)).toBe(false);
  });

  it("ST-010 errors about the root folder itself become path \"\"", async () => {
    const backend = new ForwardingBackend();
    backend.getFolderInfo = (path) => Promise.reject(new PermissionDenied(`Access denied: ${JSON.stringify(path)}`, { path, backend: "forwarding" }));
    const error = await expectCode(new Store({ backend, rootPath: ROOT }).getFolderInfo(""), "PERMISSION_DENIED", "");
    expect(leaks(error)).toBe(false);
  });

  it("ST-010 listing errors raised during iteration are relocated too", async () => {
    const backend = new ForwardingBackend();
    backend.iterChildren = (path) => ({
      [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new PermissionDenied(`No: ${JSON.stringify(path)}`, { path, backend: "forwarding" })) }),
    });
    const error = await expectCode(new Store({ backend, rootPath: ROOT }).iterChildren("sub").toArray(), "PERMISSION_DENIED", "sub");
    expect(leaks(error)).toBe(false);
  });

  it("ST-010 MemoryBackend errors through a rooted store never reveal the root", async () => {
    const store = new Store({ backend: new MemoryBackend({ name: "mem" }), rootPath: ROOT });
    await store.write("f", "x");
    await store.write("dir/g", "y");
    const errors = await Promise.all([
      expectCode(store.readBytes("nope"), "NOT_FOUND", "nope"),
      expectCode(store.readBytes("dir"), "INVALID_PATH", "dir"),
      expectCode(store.write("f", "x"), "ALREADY_EXISTS", "f"),
      expectCode(store.write("dir", "x", { overwrite: true }), "INVALID_PATH", "dir"),
      expectCode(store.write("f/under", "x"), "INVALID_PATH", "f/under"),
      expectCode(store.delete("dir"), "INVALID_PATH", "dir"),
      expectCode(store.deleteFolder("dir"), "DIRECTORY_NOT_EMPTY", "dir"),
      expectCode(store.deleteFolder("f"), "INVALID_PATH", "f"),
      expectCode(store.getFileInfo("f/x"), "NOT_FOUND", "f/x"),
      expectCode(store.getFolderInfo("missing"), "NOT_FOUND", "missing"),
      expectCode(store.move("f", "dir/g"), "ALREADY_EXISTS", "dir/g"),
      expectCode(store.copy("f", "dir"), "INVALID_PATH", "dir"),
      expectCode(store.move("ghost", "f"), "NOT_FOUND", "ghost"),
    ]);
    for (const error of errors) {
      expect(error.backend).toBe("mem");
      expect(leaks(error)).toBe(false);
    }
  });

  it("ST-010 errors of an unrooted store are passed through unchanged", async () => {
    const backend = new ForwardingBackend();
    const original = new NotFound('x: "a/b"', { path: "a/b", backend: "forwarding" });
    backend.readBytes = () => Promise.reject(original);
    const { error } = await new Store({ backend }).readBytes("a/b").then(
      () => ({ error: undefined }),
      (e: unknown) => ({ error: e }),
    );
    expect(error).toBe(original);
  });
});
