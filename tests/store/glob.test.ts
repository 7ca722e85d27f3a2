import { describe, expect, it } from "vitest";
import { MemoryBackend, Store } from "../../src/index.js";
import { ForwardingBackend } from "./support/forwarding-backend.js";

const FILES = [
  "a.txt", "A.TXT", ".hidden.txt", "b.md", "a/b/x.txt", "a/b/y.md", "a/b/c/deep.txt", "a/c/z.txt",
  "a/.dot/in.txt", "b/b/x.txt", "docs/readme.md", "é/ü.txt",
];

async function globStore(): Promise<{ store: Store; backend: ForwardingBackend }> {
  const backend = new ForwardingBackend();
  const store = new Store({ backend, rootPath: "root" });
  for (const path of FILES) await store.write(path, path);
  backend.calls.length = 0;
  return { store, backend };
}

async function globbed(store: Store, pattern: string): Promise<string[]> {
  return (await store.glob(pattern).toArray()).map((f) => f.path);
}

describe("Store glob", () => {
  it.each([
    ["*.txt", ["a.txt"]],
    ["*.TXT", ["A.TXT"]],
    [".*.txt", [".hidden.txt"]],
    ["**/*.txt", ["a.txt", "a/b/c/deep.txt", "a/b/x.txt", "a/c/z.txt", "b/b/x.txt", "é/ü.txt"]],
    ["a/**", ["a/b/c/deep.txt", "a/b/x.txt", "a/b/y.md", "a/c/z.txt"]],
    ["a/**/x.txt", ["a/b/x.txt"]],
    ["a/b/**/*.txt", ["a/b/c/deep.txt", "a/b/x.txt"]],
    ["{a,b}/b/x.txt", ["a/b/x.txt", "b/b/x.txt"]],
    ["*/b/*.{txt,md}", ["a/b/x.txt", "a/b/y.md", "b/b/x.txt"]],
    ["?.md", ["b.md"]],
    ["[ab].txt", ["a.txt"]],
    ["a/.dot/*", ["a/.dot/in.txt"]],
    ["é/*", ["é/ü.txt"]],
    ["docs/readme.md", ["docs/readme.md"]],
    ["nothing/**", []],
  ])("ST-070 %s matches %j (minimatch defaults: case-sensitive, no leading dots, ** spans folders, braces)", async (pattern, expected) => {
    const { store } = await globStore();
    expect(await globbed(store, pattern)).toEqual(expected);
  });

  it("ST-070 glob yields frozen FileInfo with content type and metadata", async () => {
    const { store } = await globStore();
    await store.write("m/meta.json", "{}", { metadata: { k: "v" } });
    const [info] = await store.glob("m/*.json").toArray();
    expect(info).toMatchObject({ kind: "file", path: "m/meta.json", name: "meta.json", size: 2, contentType: "application/json", metadata: { k: "v" } });
    expect(Object.isFrozen(info)).toBe(true);
  });

  it.each([
    ["a/b/*.txt", "root/a/b", 0],
    ["a/b/c.txt", "root/a/b", 0],
    ["*.txt", "root", 0],
    ["a/*/x.txt", "root/a", 1],
    ["a/**/x.txt", "root/a", Number.POSITIVE_INFINITY],
    ["**", "root", Number.POSITIVE_INFINITY],
    ["a/{b,c}/*.txt", "root/a", 1],
    ["{a,b}/b/*.txt", "root", 2],
    ["a/b/{c,d}/e/*.txt", "root/a/b", 2],
    ["./a/b/*", "root/a/b", 0],
  ] as const)("ST-071 %s lists only below %s to maxDepth %s", async (pattern, base, maxDepth) => {
    const { store, backend } = await globStore();
    await store.glob(pattern).toArray();
    expect(backend.callsOf("listFiles").map((c) => c.args)).toEqual([[base, { maxDepth }]]);
  });

  it("ST-071 a glob whose literal prefix is missing, or a file, lists nothing", async () => {
    const { store } = await globStore();
    expect(await globbed(store, "missing/*")).toEqual([]);
    expect(await globbed(store, "a.txt/*")).toEqual([]);
  });

  it("ST-072 results come in code point order of their paths", async () => {
    const store = new Store({ backend: new MemoryBackend() });
    for (const path of ["a/b/x.txt", "a/b.txt", "a/b-c.txt", "a/😀.txt", "a/～.txt", "a/B.txt"]) await store.write(path, "x");
    expect(await globbed(store, "**/*.txt")).toEqual(["a/B.txt", "a/b-c.txt", "a/b.txt", "a/b/x.txt", "a/～.txt", "a/😀.txt"]);
  });

  it("ST-072 glob works on a backend that declares list but not glob", async () => {
    const backend = new ForwardingBackend({ capabilities: ["list", "write"] });
    const store = new Store({ backend });
    await store.write("x/y.txt", "1");
    expect(await globbed(store, "x/*.txt")).toEqual(["x/y.txt"]);
  });

  it("ST-006 a glob Listing can be iterated again and sees new files", async () => {
    const { store } = await globStore();
    const listing = store.glob("docs/*");
    expect((await listing.toArray()).map((f) => f.path)).toEqual(["docs/readme.md"]);
    await store.write("docs/new.md", "n");
    expect((await listing.toArray()).map((f) => f.path)).toEqual(["docs/new.md", "docs/readme.md"]);
  });
});
