import { chmod, mkdir, stat, writeFile } from "node:fs/promises";
import * as nodePath from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { LocalBackend } from "../../../src/backends/local/index.js";
import { CAPABILITIES } from "../../../src/contract/capabilities.js";
import { MemoryBackend } from "../../../src/index.js";
import { expectFailure, put, tempDir, text } from "./helpers.js";

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

describe("LocalBackend construction and root", () => {
  it("LOC-001 name is local and the constructor does no I/O", async () => {
    const dir = await tempDir();
    const root = nodePath.join(dir, "not", "yet");
    const backend = new LocalBackend({ root });
    expect(backend.name).toBe("local");
    expect(backend.root).toBe(root);
    await expect(stat(root)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("LOC-001 bad options are a TypeError naming the argument", () => {
    const bad: unknown[] = [undefined, null, 42, {}, { root: 42 }, { root: "" }, { root: "a\0b" }, { root: new URL("https://example.com/x") }];
    for (const options of bad) {
      expect(() => new LocalBackend(options as never), String(JSON.stringify(options))).toThrow(TypeError);
    }
    expect(() => new LocalBackend({ root: 42 } as never)).toThrow(/root/);
    expect(() => new LocalBackend(null as never)).toThrow(/options/);
  });

  it("LOC-001 a relative root resolves against the working directory, a file: URL is accepted", async () => {
    expect(new LocalBackend({ root: "some/where" }).root).toBe(nodePath.resolve("some/where"));
    const dir = await tempDir();
    const backend = new LocalBackend({ root: pathToFileURL(nodePath.join(dir, "via-url")) });
    await put(backend, "a.txt", "hi");
    expect(await text(backend, "a.txt")).toBe("hi");
    expect((await stat(nodePath.join(dir, "via-url", "a.txt"))).isFile()).toBe(true);
  });

  it("LOC-002 a missing root is created, with its parents, by the first operation", async () => {
    const dir = await tempDir();
    const root = nodePath.join(dir, "deep", "er", "root");
    const backend = new LocalBackend({ root });
    expect(await backend.isFolder("")).toBe(true);
    expect((await stat(root)).isDirectory()).toBe(true);
  });

  it("LOC-002 an existing root keeps its content", async () => {
    const dir = await tempDir();
    await writeFile(nodePath.join(dir, "seed.txt"), "seeded");
    const backend = new LocalBackend({ root: dir });
    expect(await text(backend, "seed.txt")).toBe("seeded");
  });

  it("LOC-003 a root that is a file rejects every operation with BackendUnavailable and the op's path", async () => {
    const dir = await tempDir();
    const root = nodePath.join(dir, "file-root");
    await writeFile(root, "not a folder");
    const backend = new LocalBackend({ root });
    await expectFailure(backend.exists("a.txt"), "BACKEND_UNAVAILABLE", "a.txt", dir);
    await expectFailure(backend.write("b/c.txt", new Uint8Array(1), { overwrite: false, contentType: "x/y", metadata: undefined }), "BACKEND_UNAVAILABLE", "b/c.txt", dir);
    await expectFailure(backend.getFolderInfo(""), "BACKEND_UNAVAILABLE", "", dir);
  });

  it("LOC-003 a root below a file rejects with BackendUnavailable", async () => {
    const dir = await tempDir();
    await writeFile(nodePath.join(dir, "blocker"), "x");
    const backend = new LocalBackend({ root: nodePath.join(dir, "blocker", "root") });
    await expectFailure(backend.isFile("x"), "BACKEND_UNAVAILABLE", "x", dir);
  });

  it("LOC-002 a failed root preparation is retried by the next operation", async () => {
    const dir = await tempDir();
    const root = nodePath.join(dir, "later");
    await writeFile(root, "in the way");
    const backend = new LocalBackend({ root });
    await expectFailure(backend.exists("a"), "BACKEND_UNAVAILABLE", "a");
    const { rm } = await import("node:fs/promises");
    await rm(root);
    expect(await backend.exists("a")).toBe(false);
    expect(await backend.isFolder("")).toBe(true);
  });

  it.skipIf(isRoot)("LOC-003 a root that cannot be created for lack of permission → PermissionDenied (skipped when running as root: root ignores permissions)", async () => {
    const dir = await tempDir();
    const locked = nodePath.join(dir, "locked");
    await mkdir(locked);
    await chmod(locked, 0o500);
    try {
      const backend = new LocalBackend({ root: nodePath.join(locked, "root") });
      await expectFailure(backend.exists("a"), "PERMISSION_DENIED", "a", dir);
    } finally {
      await chmod(locked, 0o700);
    }
  });

  it("LOC-004 declares every capability the memory backend declares", () => {
    const backend = new LocalBackend({ root: "unused" });
    const expected = [...new MemoryBackend().capabilities];
    expect([...backend.capabilities].sort()).toEqual(expected.sort());
    expect([...backend.capabilities].sort()).toEqual([...CAPABILITIES].sort());
    for (const capability of backend.capabilities) expect(CAPABILITIES).toContain(capability);
    expect(Object.isFrozen(backend.capabilities)).toBe(true);
  });
});
