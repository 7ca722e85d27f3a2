import { assertDeepEqual, assertEqual, expectThrowsSync } from "../assert.js";
import { expectContent, expectFileInfo, expectFrozen, namesOf, pathsOf, sorted } from "./support/checks.js";
import type { ConformanceCase } from "./types.js";

const area = "listing" as const;

const DEPTH_TREE = {
  "pc/a.txt": "a",
  "pc/d1/b.txt": "b",
  "pc/d1/c.txt": "c",
  "pc/d1/d2/d.txt": "d",
  "pc/d1/d2/d3/e.txt": "e",
};

/** spec/store.md ST-060..ST-063: listings. */
export const listingCases: readonly ConformanceCase[] = [
  {
    id: "CONF-240",
    area,
    title: "listFiles lists a folder's own files as frozen FileInfo",
    needs: ["write", "list"],
    run: async (ctx) => {
      await ctx.seed({ "lf/a.txt": "aa", "lf/b.txt": "bbb", "lf/sub/c.txt": "c" });
      const files = await ctx.store.listFiles("lf").toArray();
      assertDeepEqual(sorted(files.map((f) => f.path)), ["lf/a.txt", "lf/b.txt"], 'listFiles("lf") paths');
      for (const file of files) {
        expectFrozen(file, `FileInfo ${file.path}`);
        expectFileInfo(file, file.path, file.path === "lf/a.txt" ? 2 : 3, `FileInfo ${file.path}`);
      }
    },
  },
  {
    id: "CONF-241",
    area,
    title: "a recursive listFiles lists files at every depth, with full paths",
    needs: ["write", "list"],
    run: async (ctx) => {
      await ctx.seed({ "lfr/a.txt": "a", "lfr/sub/b.txt": "b", "lfr/sub/deep/c.txt": "c" });
      assertDeepEqual(sorted(await pathsOf(ctx.store.listFiles("lfr", { recursive: true }))), ["lfr/a.txt", "lfr/sub/b.txt", "lfr/sub/deep/c.txt"], "recursive paths");
    },
  },
  {
    id: "CONF-242",
    area,
    title: "listFolders lists a folder's own subfolders as frozen FolderEntry",
    needs: ["write", "list"],
    run: async (ctx) => {
      await ctx.seed({ "lfd/sub1/a.txt": "a", "lfd/sub2/b.txt": "b", "lfd/sub3/deep/c.txt": "c", "lfd/file.txt": "f" });
      const folders = await ctx.store.listFolders("lfd").toArray();
      assertDeepEqual(sorted(folders.map((f) => f.path)), ["lfd/sub1", "lfd/sub2", "lfd/sub3"], 'listFolders("lfd") paths');
      for (const folder of folders) {
        expectFrozen(folder, `FolderEntry ${folder.path}`);
        assertEqual(folder.kind, "folder", `${folder.path}.kind`);
        assertEqual(folder.name, folder.path.slice(4), `${folder.path}.name`);
      }
    },
  },
  {
    id: "CONF-243",
    area,
    title: "listed paths round-trip into reads",
    needs: ["write", "read", "list"],
    run: async (ctx) => {
      await ctx.seed({ "tk/a.txt": "a", "tk/x/b.txt": "b" });
      for (const file of await ctx.store.listFiles("tk", { recursive: true }).toArray()) await expectContent(ctx.store, file.path, file.name.slice(0, 1));
    },
  },
  {
    id: "CONF-244",
    area,
    // spec BE-008: listings take maxDepth (0 = own entries).
    title: "maxDepth limits a listing: 0 own files, 1 one level more, … (and implies recursive)",
    needs: ["write", "list"],
    run: async (ctx) => {
      await ctx.seed(DEPTH_TREE);
      const expected = [["pc/a.txt"], ["pc/a.txt", "pc/d1/b.txt", "pc/d1/c.txt"], ["pc/a.txt", "pc/d1/b.txt", "pc/d1/c.txt", "pc/d1/d2/d.txt"], Object.keys(DEPTH_TREE), Object.keys(DEPTH_TREE)];
      for (const [maxDepth, paths] of expected.entries()) {
        assertDeepEqual(sorted(await pathsOf(ctx.store.listFiles("pc", { maxDepth }))), sorted(paths), `listFiles maxDepth ${maxDepth}`);
        assertDeepEqual(sorted(await pathsOf(ctx.store.listFiles("pc", { recursive: true, maxDepth }))), sorted(paths), `listFiles recursive maxDepth ${maxDepth}`);
      }
      assertDeepEqual(sorted(await pathsOf(ctx.store.listFiles("pc"))), ["pc/a.txt"], "listFiles without options");
      assertDeepEqual(sorted(await pathsOf(ctx.store.listFiles("pc", { recursive: true }))), sorted(Object.keys(DEPTH_TREE)), "listFiles recursive");
    },
  },
  {
    id: "CONF-245",
    area,
    title: "listFolders: recursive lists every folder below, maxDepth limits it",
    needs: ["write", "list"],
    run: async (ctx) => {
      await ctx.seed(DEPTH_TREE);
      assertDeepEqual(await pathsOf(ctx.store.listFolders("pc")), ["pc/d1"], 'listFolders("pc")');
      assertDeepEqual(await pathsOf(ctx.store.listFolders("pc", { maxDepth: 0 })), ["pc/d1"], "maxDepth 0");
      assertDeepEqual(sorted(await pathsOf(ctx.store.listFolders("pc", { maxDepth: 1 }))), ["pc/d1", "pc/d1/d2"], "maxDepth 1");
      assertDeepEqual(sorted(await pathsOf(ctx.store.listFolders("pc", { recursive: true }))), ["pc/d1", "pc/d1/d2", "pc/d1/d2/d3"], "recursive");
      assertDeepEqual(sorted(await pathsOf(ctx.store.listFolders("", { recursive: true }))), ["pc", "pc/d1", "pc/d1/d2", "pc/d1/d2/d3"], "recursive from the root");
    },
  },
  {
    id: "CONF-246",
    area,
    title: "listing a missing folder gives nothing (never NotFound)",
    needs: ["list"],
    run: async (ctx) => {
      assertDeepEqual(await pathsOf(ctx.store.listFiles("ec_nonexistent_listing")), [], "listFiles of a missing folder");
      assertDeepEqual(await pathsOf(ctx.store.listFiles("no/such", { recursive: true })), [], "recursive listFiles of a missing folder");
      assertDeepEqual(await pathsOf(ctx.store.listFolders("ec_nonexistent_folders")), [], "listFolders of a missing folder");
      assertDeepEqual(await pathsOf(ctx.store.iterChildren("nonexistent")), [], "iterChildren of a missing folder");
    },
  },
  {
    id: "CONF-247",
    area,
    title: "listing a file, or a path below a file, gives nothing",
    needs: ["write", "list"],
    run: async (ctx) => {
      await ctx.store.write("badanc.txt", "x");
      for (const path of ["badanc.txt", "badanc.txt/child"]) {
        assertDeepEqual(await pathsOf(ctx.store.listFiles(path, { recursive: true })), [], `listFiles(${JSON.stringify(path)})`);
        assertDeepEqual(await pathsOf(ctx.store.listFolders(path)), [], `listFolders(${JSON.stringify(path)})`);
        assertDeepEqual(await pathsOf(ctx.store.iterChildren(path)), [], `iterChildren(${JSON.stringify(path)})`);
      }
    },
  },
  {
    id: "CONF-248",
    area,
    title: "a listing never strays outside its folder (siblings sharing a name prefix are excluded)",
    needs: ["write", "list"],
    run: async (ctx) => {
      await ctx.seed({ "lfc/a.txt": "a", "lfc/sub/b.txt": "b", "lfcx/c.txt": "c", "lfc.txt": "d", "lfc-other/e.txt": "e" });
      assertDeepEqual(sorted(await pathsOf(ctx.store.listFiles("lfc", { recursive: true }))), ["lfc/a.txt", "lfc/sub/b.txt"], "recursive listFiles");
      assertDeepEqual(await pathsOf(ctx.store.listFolders("lfc", { recursive: true })), ["lfc/sub"], "recursive listFolders");
      assertDeepEqual(sorted(await pathsOf(ctx.store.iterChildren("lfc"))), ["lfc/a.txt", "lfc/sub"], "iterChildren");
    },
  },
  {
    id: "CONF-249",
    area,
    title: "iterChildren gives the immediate files (FileInfo) and folders (FolderEntry)",
    needs: ["write", "list"],
    run: async (ctx) => {
      await ctx.seed({ "ic/a.txt": "a", "ic/b.txt": "b", "ic/sub/c.txt": "c", "icf/x.txt": "x", "ico/sub/y.txt": "y" });
      const children = await ctx.store.iterChildren("ic").toArray();
      assertDeepEqual(children.map((c) => `${c.kind}:${c.path}:${c.name}`).sort(), ["file:ic/a.txt:a.txt", "file:ic/b.txt:b.txt", "folder:ic/sub:sub"], 'iterChildren("ic")');
      for (const child of children) expectFrozen(child, `entry ${child.path}`);
      assertDeepEqual((await ctx.store.iterChildren("icf").toArray()).map((c) => `${c.kind}:${c.name}`), ["file:x.txt"], 'iterChildren("icf")');
      assertDeepEqual((await ctx.store.iterChildren("ico").toArray()).map((c) => `${c.kind}:${c.name}`), ["folder:sub"], 'iterChildren("ico")');
    },
  },
  {
    id: "CONF-250",
    area,
    title: "a trailing or leading slash in a listing's folder changes nothing",
    needs: ["write", "list"],
    run: async (ctx) => {
      await ctx.seed({ "lf/a.txt": "a", "lf/s/b.txt": "b" });
      const expected = await pathsOf(ctx.store.listFiles("lf", { recursive: true }));
      assertDeepEqual(sorted(expected), ["lf/a.txt", "lf/s/b.txt"], "recursive listFiles");
      for (const spelling of ["lf/", "/lf", "/lf/", "./lf//", "lf\\"]) {
        assertDeepEqual(await pathsOf(ctx.store.listFiles(spelling, { recursive: true })), expected, `listFiles(${JSON.stringify(spelling)})`);
        assertDeepEqual(await namesOf(ctx.store.iterChildren(spelling)), await namesOf(ctx.store.iterChildren("lf")), `iterChildren(${JSON.stringify(spelling)})`);
      }
    },
  },
  {
    id: "CONF-251",
    area,
    title: "listed FileInfo agree with getFileInfo (size, modifiedAt, contentType, metadata)",
    needs: ["write", "list", "metadata"],
    run: async (ctx) => {
      await ctx.seed({ "ag/a.txt": "aaaa", "ag/s/b.json": "{}" });
      for (const file of await ctx.store.listFiles("ag", { recursive: true }).toArray()) {
        const info = await ctx.store.getFileInfo(file.path);
        assertDeepEqual({ ...file }, { ...info }, `listed vs getFileInfo of ${file.path}`);
      }
    },
  },
  {
    id: "CONF-252",
    area,
    title: "toArray and for-await give the same items",
    needs: ["write", "list"],
    run: async (ctx) => {
      await ctx.seed({ "t/a.txt": "a", "t/b/c.txt": "c" });
      const listing = ctx.store.listFiles("t", { recursive: true });
      const iterated: string[] = [];
      for await (const file of listing) iterated.push(file.path);
      assertDeepEqual(iterated, await pathsOf(ctx.store.listFiles("t", { recursive: true })), "for-await vs toArray");
    },
  },
  {
    id: "CONF-253",
    area,
    title: "listing methods validate eagerly: bad paths and options throw synchronously",
    needs: ["list"],
    run: (ctx) => {
      expectThrowsSync(() => ctx.store.listFiles("../x"), "INVALID_PATH");
      expectThrowsSync(() => ctx.store.listFolders("a/../b"), "INVALID_PATH");
      expectThrowsSync(() => ctx.store.iterChildren(".."), "INVALID_PATH");
      expectThrowsSync(() => ctx.store.listFiles("", { maxDepth: -1 }), "RangeError");
      expectThrowsSync(() => ctx.store.listFiles("", { maxDepth: 1.5 }), "RangeError");
      expectThrowsSync(() => ctx.store.listFolders("", { maxDepth: -1 }), "RangeError");
      expectThrowsSync(() => ctx.store.listFiles("", { maxDepth: "1" as never }), "TypeError");
      expectThrowsSync(() => ctx.store.listFiles("", { recursive: "yes" as never }), "TypeError");
      expectThrowsSync(() => ctx.store.listFiles(5 as never), "TypeError");
      expectThrowsSync(() => ctx.store.iterChildren(null as never), "TypeError");
    },
  },
  {
    id: "CONF-254",
    area,
    title: "emptied folders are still listed by listFolders and iterChildren",
    needs: ["write", "delete", "move", "list"],
    traits: ["persistentFolders"],
    run: async (ctx) => {
      await ctx.seed({ "e/gone/x.txt": "x", "e/moved/y.txt": "y" });
      await ctx.store.delete("e/gone/x.txt");
      await ctx.store.move("e/moved/y.txt", "y.txt");
      assertDeepEqual(sorted(await pathsOf(ctx.store.listFolders("e"))), ["e/gone", "e/moved"], 'listFolders("e")');
      assertDeepEqual(sorted(await pathsOf(ctx.store.iterChildren("e"))), ["e/gone", "e/moved"], 'iterChildren("e")');
      assertDeepEqual(await pathsOf(ctx.store.listFiles("e", { recursive: true })), [], 'recursive listFiles("e")');
    },
  },
];
