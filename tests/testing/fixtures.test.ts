import { existsSync } from "node:fs";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as nodePath from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalBackend } from "../../src/backends/local/index.js";
import { MemoryBackend, Store } from "../../src/index.js";
import { createFixtureStore, dumpStore, type FixtureTree } from "../../src/testing/index.js";

const SRC = nodePath.resolve(nodePath.dirname(fileURLToPath(import.meta.url)), "../../src");

// The cases count the fixture folders in the temp folder: a private one for this file, so that
// fixtures made by other files or other processes on the machine do not count (spec TEST-008).
const savedTmpdir = process.env.TMPDIR;
let privateTmp: string | undefined;
beforeAll(async () => {
  privateTmp = await mkdtemp(nodePath.join(tmpdir(), "rs-fixture-tests-"));
  process.env.TMPDIR = privateTmp;
});
afterAll(async () => {
  if (savedTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmpdir;
  if (privateTmp !== undefined) await rm(privateTmp, { recursive: true, force: true });
});

/** The temp folders fixture stores have made and not yet removed. */
async function fixtureDirs(): Promise<string[]> {
  return (await readdir(tmpdir())).filter((name) => name.startsWith("remote-store-fixture-")).sort();
}

/** The root folder of a local fixture store. */
function localRoot(store: Store): string {
  expect(store.backend).toBeInstanceOf(LocalBackend);
  return (store.backend as LocalBackend).root;
}

const TREE: FixtureTree = {
  "a/b.txt": "hello",
  "bin.dat": new Uint8Array([0xff, 0x00, 0x80]),
  "empty/": null,
  "deep/er/est/": null,
  "deep/file.md": "# doc",
};

describe("createFixtureStore", () => {
  it("FIX-010 FIX-011 seeds a fresh memory store by default, and dumpStore gives the tree back", async () => {
    await using store = await createFixtureStore(TREE);
    expect(store.backend).toBeInstanceOf(MemoryBackend);
    expect(store.rootPath).toBe("");
    expect(await store.readText("a/b.txt")).toBe("hello");
    expect(await store.readBytes("bin.dat")).toEqual(new Uint8Array([0xff, 0x00, 0x80]));
    expect(await store.isFolder("empty")).toBe(true);
    expect((await store.getFileInfo("deep/file.md")).contentType).toBe("text/markdown");
    expect(await dumpStore(store)).toEqual(TREE);
  });

  it("FIX-010 FIX-011 FIX-012 with backend local the tree is on a real temp folder, removed by close", async () => {
    const store = await createFixtureStore(TREE, { backend: "local" });
    const root = localRoot(store);
    expect(root.startsWith(tmpdir())).toBe(true);
    expect(await readFile(nodePath.join(root, "a", "b.txt"), "utf8")).toBe("hello");
    expect([...(await readFile(nodePath.join(root, "bin.dat")))]).toEqual([0xff, 0x00, 0x80]);
    expect(await readdir(nodePath.join(root, "deep", "er", "est"))).toEqual([]);
    expect(await dumpStore(store)).toEqual(TREE);
    await store.close();
    expect(existsSync(nodePath.dirname(root))).toBe(false);
    await store.close();
  });

  it("FIX-012 `await using` removes the temp folder at the end of the scope", async () => {
    const roots: string[] = [];
    {
      await using store = await createFixtureStore({ "x.txt": "x" }, { backend: "local" });
      roots.push(localRoot(store));
      expect(existsSync(roots[0] ?? "")).toBe(true);
    }
    expect(roots).toHaveLength(1);
    expect(existsSync(nodePath.dirname(roots[0] ?? ""))).toBe(false);
  });

  it("FIX-001 FIX-010 keys are normalised Store paths; a rootPath seeds below it", async () => {
    for (const backend of ["memory", "local"] as const) {
      await using store = await createFixtureStore({ "/a//b.txt": "b", "./c//": null }, { backend, rootPath: "/base/sub/" });
      expect(store.rootPath).toBe("base/sub");
      expect(await dumpStore(store)).toEqual({ "a/b.txt": "b", "c/": null });
      const whole = new Store({ backend: store.backend });
      expect(await dumpStore(whole)).toEqual({ "base/sub/a/b.txt": "b", "base/sub/c/": null });
    }
  });

  it("FIX-001 an empty tree gives an empty store; a folder key that also holds files is fine", async () => {
    await using empty = await createFixtureStore({});
    expect(await dumpStore(empty)).toEqual({});
    await using both = await createFixtureStore({ "d/": null, "d/f.txt": "f" });
    expect(await dumpStore(both)).toEqual({ "d/f.txt": "f" });
  });

  it("FIX-002 a malformed tree is a TypeError naming tree or the key, and nothing is created", async () => {
    const before = await fixtureDirs();
    const badTrees: unknown[] = [null, undefined, [], "a.txt", 42, new Map([["a", "b"]]), new Date()];
    for (const tree of badTrees) {
      await expect(createFixtureStore(tree as FixtureTree, { backend: "local" })).rejects.toThrow(TypeError);
      await expect(createFixtureStore(tree as FixtureTree, { backend: "local" })).rejects.toThrow(/tree/);
    }
    const badEntries: [string, unknown][] = [
      ["n.txt", 42],
      ["u.txt", undefined],
      ["ab.bin", new ArrayBuffer(2)],
      ["o.txt", { text: "x" }],
      ["folder", null],
      ["file/", "content"],
      ["bytes/", new Uint8Array(1)],
    ];
    for (const [key, value] of badEntries) {
      const attempt = createFixtureStore({ "ok.txt": "ok", [key]: value } as FixtureTree, { backend: "local" });
      await expect(attempt).rejects.toThrow(TypeError);
      await expect(createFixtureStore({ [key]: value } as FixtureTree)).rejects.toThrow(JSON.stringify(key));
    }
    expect(await fixtureDirs()).toEqual(before);
  });

  it("FIX-011 bad options are a TypeError naming the option", async () => {
    await expect(createFixtureStore({}, "local" as never)).rejects.toThrow(/options/);
    await expect(createFixtureStore({}, null as never)).rejects.toThrow(TypeError);
    await expect(createFixtureStore({}, { backend: "s3" as never })).rejects.toThrow(/backend/);
    await expect(createFixtureStore({}, { rootPath: 5 as never })).rejects.toThrow(/rootPath/);
  });

  it("FIX-013 a tree the store refuses rejects with the Store's error and leaves no temp folder", async () => {
    const before = await fixtureDirs();
    const refused: [FixtureTree, string, string][] = [
      [{ "a.txt": "x", "a.txt/b.txt": "y" }, "INVALID_PATH", "a.txt/b.txt"],
      [{ "f.txt": "1", "/f.txt": "2" }, "ALREADY_EXISTS", "f.txt"],
      [{ "x/../y.txt": "1" }, "INVALID_PATH", "x/../y.txt"],
      [{ "f.txt/": null, "f.txt": "x" }, "INVALID_PATH", "f.txt"],
      [{ ".remote-store/x.txt": "x" }, "INVALID_PATH", ".remote-store/x.txt"],
    ];
    for (const [tree, code, path] of refused) {
      await expect(createFixtureStore(tree, { backend: "local" })).rejects.toMatchObject({ code, path });
    }
    await expect(createFixtureStore({ "a/": null }, { backend: "local", rootPath: "../up" })).rejects.toMatchObject({ code: "INVALID_PATH" });
    expect(await fixtureDirs()).toEqual(before);
  });

  it("FIX-014 nothing the testing entry imports statically imports a node: module; local loads through import()", async () => {
    const seen = new Set<string>();
    const nodeImports: string[] = [];
    const visit = async (file: string): Promise<void> => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = await readFile(file, "utf8");
      for (const specifier of staticImports(source)) {
        if (specifier.startsWith("node:")) nodeImports.push(`${nodePath.relative(SRC, file)} → ${specifier}`);
        else if (specifier.startsWith(".")) await visit(nodePath.resolve(nodePath.dirname(file), specifier.replace(/\.js$/, ".ts")));
      }
    };
    await visit(nodePath.join(SRC, "testing", "index.ts"));
    expect(nodeImports).toEqual([]);
    expect(seen).toContain(nodePath.join(SRC, "testing", "fixtures", "create-fixture-store.ts"));
    expect(seen).not.toContain(nodePath.join(SRC, "testing", "fixtures", "local-fixture.ts"));
    expect([...seen].some((file) => file.includes(`${nodePath.sep}backends${nodePath.sep}local${nodePath.sep}`))).toBe(false);
    const creator = await readFile(nodePath.join(SRC, "testing", "fixtures", "create-fixture-store.ts"), "utf8");
    expect(creator).toContain('await import("./local-fixture.js")');
  });
});

describe("dumpStore", () => {
  it("FIX-020 text for valid UTF-8 (BOM and NUL kept), a fresh Uint8Array otherwise", async () => {
    await using store = await createFixtureStore({});
    const samples: [string, Uint8Array][] = [
      ["bom.txt", new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69])],
      ["nul.txt", new Uint8Array([0x61, 0x00, 0x62])],
      ["emoji.txt", new TextEncoder().encode("😀 é")],
      ["empty.txt", new Uint8Array(0)],
      ["bad.bin", new Uint8Array([0xc3, 0x28])],
      ["cut.bin", new TextEncoder().encode("😀").slice(0, 3)],
    ];
    for (const [path, bytes] of samples) await store.write(path, bytes);
    const dump = await dumpStore(store);
    expect(dump).toEqual({
      "bad.bin": new Uint8Array([0xc3, 0x28]),
      "bom.txt": "\uFEFFhi",
      "cut.bin": new TextEncoder().encode("😀").slice(0, 3),
      "emoji.txt": "😀 é",
      "empty.txt": "",
      "nul.txt": "a\0b",
    });
    (dump["bad.bin"] as Uint8Array)[0] = 0;
    expect(await store.readBytes("bad.bin")).toEqual(new Uint8Array([0xc3, 0x28]));
  });

  it("FIX-020 only empty folders appear as keys, relative to the dumped folder, in code point order", async () => {
    await using store = await createFixtureStore({ "s/x/y/": null, "s/x/f.txt": "f", "s/e/": null, "s/\u{1F600}.txt": "a", "s/\uFF5E.txt": "b", "t.txt": "t" });
    const dump = await dumpStore(store, "/s/");
    expect(dump).toEqual({ "e/": null, "x/f.txt": "f", "x/y/": null, "\uFF5E.txt": "b", "\u{1F600}.txt": "a" });
    expect(Object.keys(dump)).toEqual(["e/", "x/f.txt", "x/y/", "\uFF5E.txt", "\u{1F600}.txt"]);
    expect(await dumpStore(store, "s/e")).toEqual({});
  });

  it("FIX-021 a missing folder or a file dumps to {}; an invalid path is the Store's error", async () => {
    await using store = await createFixtureStore({ "f.txt": "f" });
    expect(await dumpStore(store, "missing")).toEqual({});
    expect(await dumpStore(store, "f.txt")).toEqual({});
    await expect(dumpStore(store, "a/../..")).rejects.toMatchObject({ code: "INVALID_PATH" });
    await expect(dumpStore(store, 7 as never)).rejects.toThrow(TypeError);
  });

  it("FIX-022 attributes are not part of the dump; the same tree dumps alike on memory and local", async () => {
    await using memory = await createFixtureStore({});
    await memory.write("m.txt", "m", { contentType: "text/x-m", metadata: { k: "v" } });
    await memory.createFolder("e/f");
    await using local = await createFixtureStore(await dumpStore(memory), { backend: "local" });
    expect(await dumpStore(local)).toEqual(await dumpStore(memory));
    expect(await dumpStore(local)).toEqual({ "e/f/": null, "m.txt": "m" });
  });
});

/** Specifiers of the static `import`/`export … from` statements of a TypeScript source (not `import()`). */
function staticImports(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/gm)) found.push(match[1] ?? "");
  for (const match of source.matchAll(/^\s*import\s+["']([^"']+)["']/gm)) found.push(match[1] ?? "");
  return found;
}
