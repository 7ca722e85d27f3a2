import { describe, expect, it } from "vitest";
import { InvalidPath, MemoryBackend, NotFound, Store, isRemoteStoreError } from "../../src/index.js";
import { RootScope } from "../../src/paths/root-scope.js";
import { expectCode, expectSyncCode, expectTypeError } from "../errors/expect-code.js";
import { ForwardingBackend } from "../store/support/forwarding-backend.js";

describe("root scoping", () => {
  it.each([
    ["/data/", "data"],
    ["data", "data"],
    ["\\data\\x\\", "data/x"],
    ["./a//b/.", "a/b"],
    ["", ""],
    [".", ""],
    ["/", ""],
  ])("PATH-010 rootPath %j is normalised to %j", (raw, expected) => {
    expect(new Store({ backend: new MemoryBackend(), rootPath: raw }).rootPath).toBe(expected);
  });

  it("PATH-010 a rootPath is optional and defaults to the backend root", () => {
    expect(new Store({ backend: new MemoryBackend() }).rootPath).toBe("");
  });

  it.each(["..", "a/..", "../x", "a/../b", "a\0b"])("PATH-010 rootPath %j is InvalidPath at construction", async (raw) => {
    await expectSyncCode(() => new Store({ backend: new MemoryBackend(), rootPath: raw }), "INVALID_PATH", raw.replaceAll("\0", "\\0"));
  });

  it("PATH-010 a non-string rootPath is a TypeError naming rootPath", async () => {
    await expectTypeError(() => new Store({ backend: new MemoryBackend(), rootPath: 5 as never }), "rootPath");
  });

  it("PATH-010 a root that normalises to nothing is the backend root", async () => {
    const backend = new MemoryBackend();
    await new Store({ backend, rootPath: "/./" }).write("x", "1");
    expect(await new Store({ backend }).readText("x")).toBe("1");
  });

  it("PATH-011 BE-002 a store-relative path maps to rootPath/p in the backend", async () => {
    const backend = new ForwardingBackend();
    const store = new Store({ backend, rootPath: "/data/set/" });
    await store.write("/a\\b.txt", "x");
    await store.exists("");
    await store.exists("q");
    expect(backend.callsOf("write")[0]?.args[0]).toBe("data/set/a/b.txt");
    expect(backend.callsOf("exists").map((c) => c.args[0])).toEqual(["data/set", "data/set/q"]);
    const unscoped = new Store({ backend: new ForwardingBackend() });
    await unscoped.write("a/b", "y");
    expect((unscoped.backend as ForwardingBackend).callsOf("write")[0]?.args[0]).toBe("a/b");
  });

  it("PATH-011 RootScope.toBackend joins the root and the relative path", () => {
    expect(new RootScope("r/s").toBackend("a/b")).toBe("r/s/a/b");
    expect(new RootScope("r/s").toBackend("")).toBe("r/s");
    expect(new RootScope("").toBackend("a")).toBe("a");
    expect(new RootScope("").toBackend("")).toBe("");
  });

  it("PATH-012 RootScope.toStore strips the root and refuses paths outside it", () => {
    const scope = new RootScope("r/s");
    expect(scope.toStore("r/s/a/b")).toBe("a/b");
    expect(scope.toStore("r/s")).toBe("");
    expect(() => scope.toStore("r/sibling")).toThrow();
    expect(() => scope.toStore("r/s-x/a")).toThrow();
    expect(new RootScope("").toStore("a/b")).toBe("a/b");
  });

  it("PATH-012 every returned path is store-relative, normalised, and usable again", async () => {
    const store = new Store({ backend: new MemoryBackend(), rootPath: "deep/root" });
    const written = await store.write("//x\\y/./f.txt", "abc");
    expect(written.path).toBe("x/y/f.txt");
    const file = await store.getFileInfo(written.path);
    expect(file.path).toBe("x/y/f.txt");
    const [listed] = await store.listFiles("", { recursive: true }).toArray();
    expect(listed?.path).toBe("x/y/f.txt");
    const folders = await store.listFolders("", { recursive: true }).toArray();
    expect(folders.map((f) => f.path)).toEqual(["x", "x/y"]);
    const children = await store.iterChildren("x/y").toArray();
    expect(children.map((c) => c.path)).toEqual(["x/y/f.txt"]);
    expect((await store.getFolderInfo("")).path).toBe("");
    expect((await store.getFolderInfo("x/")).path).toBe("x");
    const [globbed] = await store.glob("**/*.txt").toArray();
    expect(globbed?.path).toBe("x/y/f.txt");
    for (const folder of folders) expect(await store.isFolder(folder.path)).toBe(true);
    expect(await store.readText(file.path)).toBe("abc");
  });

  it("PATH-013 error.path is the store-relative normalised path and never contains the root", async () => {
    const store = new Store({ backend: new MemoryBackend(), rootPath: "secret/root" });
    await store.write("file", "x");
    const errors = [
      await expectCode(store.readBytes("/missing//x"), "NOT_FOUND", "missing/x"),
      await expectCode(store.write("file", "y"), "ALREADY_EXISTS", "file"),
      await expectCode(store.write("file/below", "y"), "INVALID_PATH", "file/below"),
      await expectCode(store.move("nope", "b"), "NOT_FOUND", "nope"),
      await expectCode(store.copy("file", "file/x"), "INVALID_PATH", "file/x"),
      await expectCode(store.getFolderInfo("file"), "INVALID_PATH", "file"),
      await expectCode(store.deleteFolder("gone"), "NOT_FOUND", "gone"),
    ];
    for (const error of errors) {
      expect(error.message).not.toContain("secret");
      expect(String(error.stack)).not.toContain("secret/root");
    }
  });

  it("PATH-013 ERR-008 RootScope.relocateError makes path and named paths store-relative and renders the message from them, keeping class and fields", () => {
    const scope = new RootScope("r/s");
    const cause = new Error("cause");
    const original = new NotFound('File not found: "r/s/a/b" near {near} (backend m)', { path: "r/s/a/b", paths: { near: "r/s" }, backend: "m", cause });
    const moved = scope.relocateError(original);
    expect(moved).toBeInstanceOf(NotFound);
    expect(isRemoteStoreError(moved, "NOT_FOUND")).toBe(true);
    const e = moved as NotFound;
    expect(e.path).toBe("a/b");
    expect(e.backend).toBe("m");
    expect(e.cause).toBe(cause);
    expect(e.message).toBe('File not found: "a/b" near "" (backend m)');
    expect(e.paths).toEqual({ near: "" });
    expect(original.path).toBe("r/s/a/b");
    const atRoot = scope.relocateError(new InvalidPath("x", { path: "r/s" })) as InvalidPath;
    expect(atRoot.path).toBe("");
    const plain = new TypeError("not ours");
    expect(scope.relocateError(plain)).toBe(plain);
  });

  it("PATH-014 child(sub) is rooted at rootPath/sub and does not reach outside", async () => {
    const backend = new MemoryBackend();
    const store = new Store({ backend, rootPath: "base" });
    const nested = store.child("a").child("b");
    const direct = store.child("/a\\b/");
    expect(nested.rootPath).toBe("base/a/b");
    expect(direct.rootPath).toBe("base/a/b");
    await nested.write("f.txt", "same");
    expect(await direct.readText("f.txt")).toBe("same");
    expect(await new Store({ backend }).readText("base/a/b/f.txt")).toBe("same");
  });

  it.each(["..", "a/..", "../b", "a\0"])("PATH-014 child(%j) is InvalidPath", async (sub) => {
    const store = new Store({ backend: new MemoryBackend(), rootPath: "base" });
    await expectSyncCode(() => store.child(sub), "INVALID_PATH", sub.replaceAll("\0", "\\0"));
  });
});
