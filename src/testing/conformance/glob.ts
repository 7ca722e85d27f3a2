import { assert, assertDeepEqual, assertEqual, expectThrowsSync } from "../assert.js";
import { pathsOf, sorted } from "./support/checks.js";
import type { ConformanceCase, ConformanceContext } from "./types.js";

const area = "glob" as const;

const TREE = {
  "a.txt": "a",
  "b.csv": "b",
  ".hidden.txt": "h",
  "sub/c.txt": "c",
  "sub/d.csv": "d",
  "sub/deep/e.txt": "e",
  ".dir/f.txt": "f",
  "sub/.g.txt": "g",
};

async function globbed(ctx: ConformanceContext, pattern: string): Promise<string[]> {
  return sorted(await pathsOf(ctx.store.glob(pattern)));
}

/** spec/store.md ST-070..ST-073: `glob`, minimatch defaults on store-relative paths, on every backend that can list. */
export const globCases: readonly ConformanceCase[] = [
  {
    id: "CONF-285",
    area,
    title: "\"*.txt\" matches top-level files only (not dot files)",
    needs: ["write", "list"],
    run: async (ctx) => {
      await ctx.seed(TREE);
      assertDeepEqual(await globbed(ctx, "*.txt"), ["a.txt"], 'glob("*.txt")');
      assertDeepEqual(await globbed(ctx, "*"), ["a.txt", "b.csv"], 'glob("*")');
    },
  },
  {
    id: "CONF-286",
    area,
    title: "\"**/*.txt\" matches at any depth including zero, skipping dot files and dot folders",
    needs: ["write", "list"],
    run: async (ctx) => {
      await ctx.seed(TREE);
      assertDeepEqual(await globbed(ctx, "**/*.txt"), ["a.txt", "sub/c.txt", "sub/deep/e.txt"], 'glob("**/*.txt")');
      assertDeepEqual(await globbed(ctx, "sub/**/*.txt"), ["sub/c.txt", "sub/deep/e.txt"], 'glob("sub/**/*.txt")');
    },
  },
  {
    id: "CONF-287",
    area,
    title: "brace alternatives \"{a,b}/*.txt\" match either folder",
    needs: ["write", "list"],
    run: async (ctx) => {
      await ctx.seed({ "a/x.txt": "1", "b/y.txt": "2", "c/z.txt": "3", "a/w.csv": "4", "ab/v.txt": "5" });
      assertDeepEqual(await globbed(ctx, "{a,b}/*.txt"), ["a/x.txt", "b/y.txt"], 'glob("{a,b}/*.txt")');
      assertDeepEqual(await globbed(ctx, "a/*.{txt,csv}"), ["a/w.csv", "a/x.txt"], 'glob("a/*.{txt,csv}")');
    },
  },
  {
    id: "CONF-288",
    area,
    title: "dot files match only when the pattern names the dot",
    needs: ["write", "list"],
    run: async (ctx) => {
      await ctx.seed(TREE);
      assertDeepEqual(await globbed(ctx, ".*"), [".hidden.txt"], 'glob(".*")');
      assertDeepEqual(await globbed(ctx, ".dir/*"), [".dir/f.txt"], 'glob(".dir/*")');
      assertDeepEqual(await globbed(ctx, "sub/.*.txt"), ["sub/.g.txt"], 'glob("sub/.*.txt")');
    },
  },
  {
    id: "CONF-289",
    area,
    title: "a leading \"./\" or \"/\" in the pattern is ignored",
    needs: ["write", "list"],
    run: async (ctx) => {
      await ctx.seed(TREE);
      assertDeepEqual(await globbed(ctx, "./*.txt"), ["a.txt"], 'glob("./*.txt")');
      assertDeepEqual(await globbed(ctx, "/sub/*.txt"), ["sub/c.txt"], 'glob("/sub/*.txt")');
    },
  },
  {
    id: "CONF-290",
    area,
    title: "a \"..\" segment in the pattern is InvalidPath, thrown synchronously",
    needs: ["list"],
    run: (ctx) => {
      expectThrowsSync(() => ctx.store.glob("../*.txt"), "INVALID_PATH");
      expectThrowsSync(() => ctx.store.glob("sub/../*.txt"), "INVALID_PATH");
      expectThrowsSync(() => ctx.store.glob("**/.."), "INVALID_PATH");
    },
  },
  {
    id: "CONF-291",
    area,
    title: "glob returns files only, as FileInfo",
    needs: ["write", "list"],
    run: async (ctx) => {
      await ctx.seed({ "gf/a.txt": "a", "gf/sub/b.txt": "bb", "gf/sub/deeper/c.bin": "ccc" });
      const files = await ctx.store.glob("gf/**/*").toArray();
      assertDeepEqual(sorted(files.map((f) => f.path)), ["gf/a.txt", "gf/sub/b.txt", "gf/sub/deeper/c.bin"], 'glob("gf/**/*")');
      for (const file of files) {
        assertEqual(file.kind, "file", `${file.path}.kind`);
        assertEqual(file.size, file.name === "a.txt" ? 1 : file.name === "b.txt" ? 2 : 3, `${file.path}.size`);
        assert(file.modifiedAt instanceof Date, `${file.path}.modifiedAt is not a Date`);
      }
      assertDeepEqual(await globbed(ctx, "gf/*"), ["gf/a.txt"], 'glob("gf/*") (no folders)');
    },
  },
  {
    id: "CONF-292",
    area,
    title: "glob is case-sensitive",
    needs: ["write", "list"],
    run: async (ctx) => {
      await ctx.seed({ "a.txt": "a", "B.TXT": "b" });
      assertDeepEqual(await globbed(ctx, "*.TXT"), ["B.TXT"], 'glob("*.TXT")');
      assertDeepEqual(await globbed(ctx, "A.txt"), [], 'glob("A.txt")');
    },
  },
  {
    id: "CONF-293",
    area,
    title: "\"?\" matches one character and \"[ab]\" a character class",
    needs: ["write", "list"],
    run: async (ctx) => {
      await ctx.seed({ "a1.txt": "1", "a22.txt": "2", "b1.txt": "3", "c1.txt": "4" });
      assertDeepEqual(await globbed(ctx, "a?.txt"), ["a1.txt"], 'glob("a?.txt")');
      assertDeepEqual(await globbed(ctx, "[ab]1.txt"), ["a1.txt", "b1.txt"], 'glob("[ab]1.txt")');
    },
  },
  {
    id: "CONF-294",
    area,
    title: "a literal pattern matches exactly that file; no match gives nothing",
    needs: ["write", "list"],
    run: async (ctx) => {
      await ctx.seed({ "g/a.txt": "a", "g/ab.txt": "ab", "g/a.txt.bak": "bak" });
      assertDeepEqual(await globbed(ctx, "g/a.txt"), ["g/a.txt"], 'glob("g/a.txt")');
      assertDeepEqual(await globbed(ctx, "g/*.md"), [], 'glob("g/*.md")');
      assertDeepEqual(await globbed(ctx, "nothere/**"), [], 'glob("nothere/**")');
    },
  },
  {
    id: "CONF-295",
    area,
    title: "a pattern that is not a string is a TypeError, thrown synchronously",
    needs: ["list"],
    run: (ctx) => {
      expectThrowsSync(() => ctx.store.glob(42 as never), "TypeError");
      expectThrowsSync(() => ctx.store.glob(undefined as never), "TypeError");
    },
  },
  {
    id: "CONF-296",
    area,
    title: "\"**\" matches every file at any depth except below dot folders",
    needs: ["write", "list"],
    run: async (ctx) => {
      await ctx.seed(TREE);
      assertDeepEqual(await globbed(ctx, "**"), ["a.txt", "b.csv", "sub/c.txt", "sub/d.csv", "sub/deep/e.txt"], 'glob("**")');
    },
  },
];
