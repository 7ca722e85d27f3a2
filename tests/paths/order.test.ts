import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MemoryBackend, Store, compareCodePoints } from "../../src/index.js";

const encoder = new TextEncoder();

function compareUtf8(a: string, b: string): number {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  }
  return x.length - y.length;
}

function sortedByCodePoints(values: readonly string[]): string[] {
  return [...values].sort(compareUtf8);
}

/** Names made of characters that stress code point order: separators-adjacent ASCII, BMP, astral. */
const NAME = fc
  .array(fc.constantFrom("a", "b", "B", "-", ".", "0", "é", "～", "\uFFFD", "😀", "\u{10000}", "z"), { minLength: 1, maxLength: 3 })
  .map((chars) => chars.join(""))
  .filter((name) => name !== "." && name !== "..");

const TREE_PATHS = fc.uniqueArray(fc.array(NAME, { minLength: 1, maxLength: 3 }).map((segments) => segments.join("/")), {
  minLength: 1,
  maxLength: 12,
});

/** Writes each path as a file unless a file or folder is in the way; returns the store. */
async function storeWith(paths: readonly string[]): Promise<Store> {
  const store = new Store({ backend: new MemoryBackend() });
  for (const path of paths) {
    await store.write(path, path).catch(() => undefined);
  }
  return store;
}

describe("order", { timeout: 60_000 }, () => {
  it("ORD-001 the documented example: B < a < é < ～ < 😀 (JavaScript's < would put the emoji first)", () => {
    const names = ["😀", "～", "é", "a", "B"];
    expect([...names].sort(compareCodePoints)).toEqual(["B", "a", "é", "～", "😀"]);
    expect([...names].sort()).not.toEqual(["B", "a", "é", "～", "😀"]);
    expect(compareCodePoints("a", "a")).toBe(0);
    expect(compareCodePoints("a", "ab")).toBeLessThan(0);
    expect(compareCodePoints("\uFFFF", "\u{10000}")).toBeLessThan(0);
  });

  it("ORD-001 compareCodePoints agrees with the order of UTF-8 bytes for any strings (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.string({ unit: "grapheme" }), (a, b) => {
        expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(compareUtf8(a, b)));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.string({ unit: "binary" }), (a, b) => {
        expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(compareUtf8(a, b)));
      }),
      { numRuns: 500 },
    );
  });

  it("ORD-002 non-recursive listFiles and iterChildren come in name order; iterChildren mixes files and folders", async () => {
    const store = await storeWith(["😀", "～", "é/x", "a", "B/x", "a-b", "a.b", "c/x"]);
    expect((await store.listFiles().toArray()).map((f) => f.name)).toEqual(["a", "a-b", "a.b", "～", "😀"]);
    expect((await store.iterChildren().toArray()).map((e) => `${e.kind}:${e.name}`)).toEqual([
      "folder:B", "file:a", "file:a-b", "file:a.b", "folder:c", "folder:é", "file:～", "file:😀",
    ]);
  });

  it("ORD-002 non-recursive listFolders comes in name order (a < a-b < a.b)", async () => {
    const store = await storeWith(["x/a/f", "x/a-b/f", "x/a.b/f", "x/a0/f"]);
    expect((await store.listFolders("x").toArray()).map((f) => f.name)).toEqual(["a", "a-b", "a.b", "a0"]);
  });

  it("ORD-003 recursive listings come in code point order of full paths: a/b-c.txt < a/b.txt < a/b/x.txt", async () => {
    const store = await storeWith(["a/b/x.txt", "a/b.txt", "a/b-c.txt", "a/b/c-d/y", "a/b-/z"]);
    expect((await store.listFiles("", { recursive: true }).toArray()).map((f) => f.path)).toEqual([
      "a/b-/z", "a/b-c.txt", "a/b.txt", "a/b/c-d/y", "a/b/x.txt",
    ]);
    expect((await store.listFolders("", { recursive: true }).toArray()).map((f) => f.path)).toEqual(["a", "a/b", "a/b-", "a/b/c-d"]);
  });

  it("ORD-002 ORD-003 any tree lists in code point order of names and full paths (property)", async () => {
    await fc.assert(
      fc.asyncProperty(TREE_PATHS, async (paths) => {
        const store = await storeWith(paths);
        const files = (await store.listFiles("", { recursive: true }).toArray()).map((f) => f.path);
        expect(files).toEqual(sortedByCodePoints(files));
        const folders = (await store.listFolders("", { recursive: true }).toArray()).map((f) => f.path);
        expect(folders).toEqual(sortedByCodePoints(folders));
        const top = (await store.listFiles().toArray()).map((f) => f.path);
        expect(top).toEqual(sortedByCodePoints(top));
        const topFolders = (await store.listFolders().toArray()).map((f) => f.path);
        expect(topFolders).toEqual(sortedByCodePoints(topFolders));
        const children = (await store.iterChildren().toArray()).map((e) => e.name);
        expect(children).toEqual(sortedByCodePoints(children));
      }),
      { numRuns: 200 },
    );
  });
});
