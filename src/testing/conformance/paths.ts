import { assertDeepEqual, assertEqual, expectError } from "../assert.js";
import { expectAbsent, expectContent, expectStoreFiles, pathsOf, sorted } from "./support/checks.js";
import type { ConformanceCase } from "./types.js";

const area = "paths" as const;

const SPECIAL_NAMES = [
  "sp ace/100% #1?.txt",
  "plus+and&eq=.txt",
  "tilde~at@bang!dollar$(paren),comma.txt",
  "unicode/😀 ü 漢字.txt",
  "quote'apos.txt",
  "a/.../dots.txt",
  ".hidden/.file",
];

/** spec/paths.md PATH-001..PATH-006: normalisation, no folding, and the names a backend must keep exactly. */
export const pathCases: readonly ConformanceCase[] = [
  {
    id: "CONF-030",
    area,
    title: "write normalises its path: the result and later reads use the normalised form",
    needs: ["write", "read"],
    run: async (ctx) => {
      const cases: [string, string][] = [
        ["/p//q/./r.txt/", "p/q/r.txt"],
        ["s\\t\\u.txt", "s/t/u.txt"],
        ["./v.txt", "v.txt"],
      ];
      for (const [raw, normalised] of cases) {
        const result = await ctx.store.write(raw, normalised);
        assertEqual(result.path, normalised, `WriteResult.path of ${JSON.stringify(raw)}`);
        await expectContent(ctx.store, normalised, normalised);
        await expectContent(ctx.store, raw, normalised);
      }
    },
  },
  {
    id: "CONF-031",
    area,
    title: "no case folding: names differing only in case are different files",
    needs: ["write", "read", "list"],
    run: async (ctx) => {
      await ctx.store.write("Case.txt", "upper");
      await ctx.store.write("case.txt", "lower");
      await expectContent(ctx.store, "Case.txt", "upper");
      await expectContent(ctx.store, "case.txt", "lower");
      await expectStoreFiles(ctx.store, ["Case.txt", "case.txt"]);
    },
  },
  {
    id: "CONF-032",
    area,
    title: "no Unicode folding: NFC and NFD spellings are different files, listed exactly as written",
    needs: ["write", "read", "list"],
    run: async (ctx) => {
      const nfc = "caf\u00e9.txt";
      const nfd = "cafe\u0301.txt";
      await ctx.store.write(nfc, "nfc");
      await ctx.store.write(nfd, "nfd");
      await expectContent(ctx.store, nfc, "nfc");
      await expectContent(ctx.store, nfd, "nfd");
      await expectStoreFiles(ctx.store, [nfc, nfd]);
    },
  },
  {
    id: "CONF-033",
    area,
    title: "names with spaces, %, #, ?, +, &, =, quotes, dots and non-ASCII round-trip through write, listing and read",
    needs: ["write", "read", "list"],
    run: async (ctx) => {
      for (const name of SPECIAL_NAMES) {
        const result = await ctx.store.write(name, name);
        assertEqual(result.path, name, `WriteResult.path of ${JSON.stringify(name)}`);
      }
      const listed = await pathsOf(ctx.store.listFiles("", { recursive: true }));
      assertDeepEqual(sorted(listed), sorted(SPECIAL_NAMES), "recursive listing");
      for (const path of listed) await expectContent(ctx.store, path, path);
    },
  },
  {
    id: "CONF-034",
    area,
    title: "a 200-character name round-trips",
    needs: ["write", "read", "list"],
    run: async (ctx) => {
      const name = `long/${"n".repeat(196)}.txt`;
      await ctx.store.write(name, "long");
      await expectContent(ctx.store, name, "long");
      await expectStoreFiles(ctx.store, [name]);
    },
  },
  {
    id: "CONF-035",
    area,
    title: "a NUL byte in a path is InvalidPath for writes and reads, and nothing is written",
    needs: ["write", "read", "list"],
    run: async (ctx) => {
      await expectError(() => ctx.store.write("nul\0.txt", "x"), "INVALID_PATH");
      await expectError(() => ctx.store.write("dir\0/a.txt", "x"), "INVALID_PATH");
      await expectError(() => ctx.store.readBytes("nul\0.txt"), "INVALID_PATH");
      await expectStoreFiles(ctx.store, []);
    },
  },
  {
    id: "CONF-036",
    area,
    title: "a '..' segment (also spelt with backslashes) is InvalidPath for every file operation, with no side effect",
    needs: ["write", "read", "delete", "move", "copy", "metadata", "list"],
    run: async (ctx) => {
      await ctx.store.write("in/a.txt", "a");
      for (const bad of ["../x.txt", "in/../x.txt", "in\\..\\x.txt", "in/..", ".."]) {
        await expectError(() => ctx.store.write(bad, "x"), "INVALID_PATH");
        await expectError(() => ctx.store.readBytes(bad), "INVALID_PATH");
        await expectError(() => ctx.store.delete(bad, { missingOk: true }), "INVALID_PATH");
        await expectError(() => ctx.store.getFileInfo(bad), "INVALID_PATH");
        await expectError(() => ctx.store.move("in/a.txt", bad), "INVALID_PATH");
        await expectError(() => ctx.store.copy(bad, "in/b.txt"), "INVALID_PATH");
        await expectError(() => ctx.store.deleteFolder(bad, { recursive: true, missingOk: true }), "INVALID_PATH");
        await expectError(() => ctx.store.getFolderInfo(bad), "INVALID_PATH");
      }
      await expectStoreFiles(ctx.store, ["in/a.txt"]);
      await expectContent(ctx.store, "in/a.txt", "a");
      await expectAbsent(ctx.store, "x.txt");
    },
  },
];
