import { assertDeepEqual } from "../assert.js";
import { namesOf, pathsOf } from "./support/checks.js";
import type { ConformanceCase } from "./types.js";

const area = "listing-order" as const;

/** Names in Unicode code point order: U+FF5E sorts before U+1F600 (JavaScript's UTF-16 `<` gets this wrong). */
const ORDERED_NAMES = ["B", "a", "b", "é", "\uFF5E", "😀"];

/** Writes `paths` in the reverse of the expected order (so insertion order cannot pass for sorting). */
async function writeReversed(ctx: Parameters<ConformanceCase["run"]>[0], paths: readonly string[]): Promise<void> {
  for (const path of [...paths].reverse()) await ctx.store.write(path, path);
}

/** spec/paths.md "Order": code point order of names, and of full paths for recursive listings (spec BE-008, ORD-001..ORD-003). */
export const listingOrderCases: readonly ConformanceCase[] = [
  {
    id: "CONF-270",
    area,
    title: "listFiles lists names in code point order (\"B\" < \"a\" < \"é\" < \"\\uFF5E\" < \"😀\")",
    needs: ["write", "list"],
    run: async (ctx) => {
      const names = ORDERED_NAMES.map((n) => `${n}.txt`);
      await writeReversed(ctx, names.map((n) => `o/${n}`));
      assertDeepEqual(await namesOf(ctx.store.listFiles("o")), names, 'listFiles("o") order');
    },
  },
  {
    id: "CONF-271",
    area,
    title: "listFolders lists names in code point order",
    needs: ["write", "list"],
    run: async (ctx) => {
      await writeReversed(ctx, ORDERED_NAMES.map((n) => `f/${n}/x.txt`));
      assertDeepEqual(await namesOf(ctx.store.listFolders("f")), ORDERED_NAMES, 'listFolders("f") order');
    },
  },
  {
    id: "CONF-272",
    area,
    title: "iterChildren mixes files and folders in name order",
    needs: ["write", "list"],
    run: async (ctx) => {
      await writeReversed(ctx, ["m/a/x.txt", "m/a.txt", "m/a-b.txt", "m/b", "m/Z/y.txt", "m/😀/z.txt", "m/\uFF5E.txt"]);
      assertDeepEqual(await namesOf(ctx.store.iterChildren("m")), ["Z", "a", "a-b.txt", "a.txt", "b", "\uFF5E.txt", "😀"], 'iterChildren("m") order');
    },
  },
  {
    id: "CONF-273",
    area,
    title: "recursive listFiles comes in code point order of full paths (\"a/b-c.txt\" < \"a/b.txt\" < \"a/b/x.txt\")",
    needs: ["write", "list"],
    run: async (ctx) => {
      const expected = ["a/b-c.txt", "a/b.txt", "a/b/x.txt", "a/b/y/z.txt", "a/c.txt", "a/\uFF5E/1.txt", "a/😀.txt"];
      await writeReversed(ctx, expected);
      assertDeepEqual(await pathsOf(ctx.store.listFiles("a", { recursive: true })), expected, 'recursive listFiles("a") order');
      assertDeepEqual(await pathsOf(ctx.store.listFiles("", { recursive: true })), expected, "recursive listFiles of the root");
      assertDeepEqual(await pathsOf(ctx.store.listFiles("a", { maxDepth: 1 })), ["a/b-c.txt", "a/b.txt", "a/b/x.txt", "a/c.txt", "a/\uFF5E/1.txt", "a/😀.txt"], "maxDepth 1 order");
    },
  },
  {
    id: "CONF-274",
    area,
    title: "recursive listFolders comes in code point order of full paths (not depth-first)",
    needs: ["write", "list"],
    run: async (ctx) => {
      await writeReversed(ctx, ["a/b/x/f.txt", "a/b-c/g.txt", "a/bb/h.txt"]);
      assertDeepEqual(await pathsOf(ctx.store.listFolders("", { recursive: true })), ["a", "a/b", "a/b-c", "a/b/x", "a/bb"], "recursive listFolders order");
    },
  },
  {
    id: "CONF-275",
    area,
    title: "glob results come in code point order of full paths",
    needs: ["write", "list"],
    run: async (ctx) => {
      const expected = ["g/b-c.txt", "g/b.txt", "g/b/x.txt", "g/é.txt", "g/😀.txt"];
      await writeReversed(ctx, expected);
      assertDeepEqual(await pathsOf(ctx.store.glob("g/**/*.txt")), expected, "glob order");
    },
  },
  {
    id: "CONF-276",
    area,
    title: "the order does not depend on the order of writes",
    needs: ["write", "list"],
    run: async (ctx) => {
      for (const path of ["w/c.txt", "w/a.txt", "w/b.txt", "w/a/z.txt"]) await ctx.store.write(path, path);
      assertDeepEqual(await pathsOf(ctx.store.listFiles("w", { recursive: true })), ["w/a.txt", "w/a/z.txt", "w/b.txt", "w/c.txt"], "recursive order");
      assertDeepEqual(await pathsOf(ctx.store.iterChildren("w")), ["w/a", "w/a.txt", "w/b.txt", "w/c.txt"], "iterChildren order");
    },
  },
];
