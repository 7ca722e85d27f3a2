import { describe, expect, it } from "vitest";
import { MemoryBackend, Store, normalizePath } from "../../src/index.js";
import { expectCode, expectTypeError } from "../errors/expect-code.js";

function memoryStore(): Store {
  return new Store({ backend: new MemoryBackend() });
}

describe("normalizePath", () => {
  it.each([42, null, undefined, {}, ["a"], Symbol("p"), true])("PATH-001 a non-string (%s) is a TypeError naming the argument", async (value) => {
    await expectTypeError(() => normalizePath(value), "path");
    await expectTypeError(() => normalizePath(value, "src"), "src");
  });

  it("PATH-001 every Store path argument names itself in the TypeError", async () => {
    const store = memoryStore();
    await store.write("f", "x");
    await expectTypeError(store.readBytes(1 as never), "path");
    await expectTypeError(store.exists(1 as never), "path");
    await expectTypeError(store.move(1 as never, "b"), "src");
    await expectTypeError(store.move("f", 1 as never), "dst");
    await expectTypeError(store.copy(1 as never, "b"), "src");
    await expectTypeError(store.copy("f", 1 as never), "dst");
    await expectTypeError(() => store.child(1 as never), "sub");
    await expectTypeError(() => new Store({ backend: new MemoryBackend(), rootPath: 1 as never }), "rootPath");
    await expectTypeError(() => store.glob(1 as never), "pattern");
    await expectTypeError(() => store.listFiles(1 as never), "path");
  });

  it.each(["\0", "a\0b", "a/\0", "\0/a", "./\0", "..\0"])("PATH-002 a NUL byte anywhere (%j) is InvalidPath", async (raw) => {
    await expectCode(() => normalizePath(raw), "INVALID_PATH", raw.replaceAll("\0", "\\0"));
  });

  it("PATH-002 a NUL byte fails every Store method before any I/O, and nothing is written", async () => {
    const backend = new MemoryBackend();
    const store = new Store({ backend });
    await expectCode(store.write("a\0b", "x"), "INVALID_PATH", "a\\0b");
    await expectCode(store.exists("a\0"), "INVALID_PATH", "a\\0");
    expect(backend.usedBytes).toBe(0);
    expect(await store.listFiles("", { recursive: true }).toArray()).toEqual([]);
  });

  it.each([
    ["a\\b", "a/b"],
    ["\\a\\b\\", "a/b"],
    ["a\\\\b", "a/b"],
    [".\\a\\.\\b", "a/b"],
  ])("PATH-003 backslash becomes a slash: %j → %j", (raw, expected) => {
    expect(normalizePath(raw)).toBe(expected);
  });

  it("PATH-003 a\\b and a/b address the same file through a Store", async () => {
    const store = memoryStore();
    await store.write("a\\b.txt", "via backslash");
    expect(await store.readText("a/b.txt")).toBe("via backslash");
    expect(await store.isFolder("a")).toBe(true);
  });

  it.each([
    ["/a//b/", "a/b"],
    ["./a/./b/.", "a/b"],
    ["a", "a"],
    ["///a", "a"],
    ["a/b/c", "a/b/c"],
    ["./", ""],
    ["", ""],
    [".", ""],
    ["/", ""],
    [".//", ""],
  ])("PATH-004 empty and . segments vanish: %j → %j", (raw, expected) => {
    expect(normalizePath(raw)).toBe(expected);
  });

  it.each(["..", "../a", "a/..", "a/../b", "/..", "a\\..\\b", "./../x"])("PATH-005 a '..' segment (%j) is InvalidPath, never resolved", async (raw) => {
    await expectCode(() => normalizePath(raw), "INVALID_PATH", raw);
  });

  it.each(["a..b", "..x", "...", "x..", "a/.../b", ". .", ".a", "a."])("PATH-005 %j is an ordinary name", (raw) => {
    expect(normalizePath(raw)).toBe(raw);
  });

  it.each([
    "%2e%2e",
    "%2e%2e/%2f",
    "~",
    "~/x",
    " a ",
    "A/B",
    "C:",
    "C:/x",
    "a b/c:d/*/?/#",
    "caf\u00e9",
    "cafe\u0301",
    "\u{1F600}",
  ])("PATH-006 nothing else changes: %j is kept as is", (raw) => {
    expect(normalizePath(raw)).toBe(raw);
  });

  it("PATH-006 NFC and NFD spellings, and case variants, are different files", async () => {
    const store = memoryStore();
    await store.write("caf\u00e9", "nfc");
    await store.write("cafe\u0301", "nfd");
    await store.write("Readme", "upper");
    await store.write("readme", "lower");
    await store.write("%2e%2e", "literal");
    expect(await store.readText("caf\u00e9")).toBe("nfc");
    expect(await store.readText("cafe\u0301")).toBe("nfd");
    expect(await store.readText("Readme")).toBe("upper");
    expect(await store.readText("readme")).toBe("lower");
    expect((await store.listFiles().toArray()).map((f) => f.name)).toHaveLength(5);
    expect(await store.readText("%2e%2e")).toBe("literal");
  });

  it("PATH-007 segments are joined by '/', and '' is the root", () => {
    expect(normalizePath("a/b/c/")).toBe("a/b/c");
    expect(normalizePath("")).toBe("");
    expect(normalizePath("a")).toBe("a");
  });
});
