import { assertDeepEqual, assertEqual, expectRejection } from "../assert.js";
import { expectContent, expectStoreFiles, expectStoreFolders, pathsOf } from "./support/checks.js";
import { expectRefusedBeforeIo, restrictedStore } from "./support/gated-backend.js";
import { expectErrorAt, expectReason } from "./support/tree.js";
import { ROOT_SPELLINGS } from "./store-root.js";
import type { ConformanceCase } from "./types.js";

const area = "create-folder" as const;

/** spec/folders.md FOLD-001 and CAP-002 (`createFolder`): explicit, possibly empty folders. */
export const createFolderCases: readonly ConformanceCase[] = [
  {
    id: "CONF-500",
    area,
    title: "createFolder creates the folder and its missing parents, all empty, and resolves to undefined",
    needs: ["createFolder", "list"],
    run: async (ctx) => {
      assertEqual(await ctx.store.createFolder("a/b/c"), undefined, "createFolder result");
      for (const path of ["a", "a/b", "a/b/c"]) {
        assertEqual(await ctx.store.exists(path), true, `exists(${JSON.stringify(path)})`);
        assertEqual(await ctx.store.isFolder(path), true, `isFolder(${JSON.stringify(path)})`);
        assertEqual(await ctx.store.isFile(path), false, `isFile(${JSON.stringify(path)})`);
      }
      await expectStoreFolders(ctx.store, ["a", "a/b", "a/b/c"]);
      await expectStoreFiles(ctx.store, []);
      assertDeepEqual(await pathsOf(ctx.store.iterChildren("a/b/c")), [], "iterChildren of the new folder");
    },
  },
  {
    id: "CONF-501",
    area,
    title: "an existing folder (created, or implied by a file) is AlreadyExists with its path; with existOk it is quiet and changes nothing",
    needs: ["createFolder", "write", "read", "list"],
    run: async (ctx) => {
      await ctx.store.createFolder("made");
      await ctx.store.write("implied/f.txt", "f");
      await expectErrorAt(() => ctx.store.createFolder("made"), "ALREADY_EXISTS", "made", "createFolder of a created folder");
      await expectErrorAt(() => ctx.store.createFolder("implied", { existOk: false }), "ALREADY_EXISTS", "implied", "createFolder of a folder implied by a file");
      assertEqual(await ctx.store.createFolder("made", { existOk: true }), undefined, "createFolder(made, existOk)");
      await ctx.store.createFolder("implied", { existOk: true });
      await expectContent(ctx.store, "implied/f.txt", "f");
      await expectStoreFolders(ctx.store, ["implied", "made"]);
      await expectStoreFiles(ctx.store, ["implied/f.txt"]);
    },
  },
  {
    id: "CONF-502",
    area,
    title: "createFolder of every root spelling is InvalidPath with path \"\", with or without existOk, and creates nothing",
    needs: ["createFolder", "list"],
    run: async (ctx) => {
      for (const root of ROOT_SPELLINGS) {
        await expectErrorAt(() => ctx.store.createFolder(root), "INVALID_PATH", "", `createFolder(${JSON.stringify(root)})`);
        await expectErrorAt(() => ctx.store.createFolder(root, { existOk: true }), "INVALID_PATH", "", `createFolder(${JSON.stringify(root)}, existOk)`);
      }
      await expectStoreFolders(ctx.store, []);
    },
  },
  {
    id: "CONF-503",
    area,
    title: "createFolder where a file is is InvalidPath with the path, even with existOk; the file stays",
    needs: ["createFolder", "write", "read", "list"],
    run: async (ctx) => {
      await ctx.store.write("d/file.txt", "keep");
      await expectErrorAt(() => ctx.store.createFolder("d/file.txt"), "INVALID_PATH", "d/file.txt", "createFolder onto a file");
      await expectErrorAt(() => ctx.store.createFolder("d/file.txt", { existOk: true }), "INVALID_PATH", "d/file.txt", "createFolder onto a file, existOk");
      await expectContent(ctx.store, "d/file.txt", "keep");
      await expectStoreFolders(ctx.store, ["d"]);
    },
  },
  {
    id: "CONF-504",
    area,
    title: "createFolder below a file is InvalidPath with the path asked for; nothing is created",
    needs: ["createFolder", "write", "read", "list"],
    run: async (ctx) => {
      await ctx.store.write("blocker.txt", "b");
      await expectErrorAt(() => ctx.store.createFolder("blocker.txt/sub"), "INVALID_PATH", "blocker.txt/sub", "createFolder below a file");
      await expectErrorAt(() => ctx.store.createFolder("blocker.txt/sub/deeper", { existOk: true }), "INVALID_PATH", "blocker.txt/sub/deeper", "createFolder two levels below a file");
      await expectContent(ctx.store, "blocker.txt", "b");
      await expectStoreFolders(ctx.store, []);
      await expectStoreFiles(ctx.store, ["blocker.txt"]);
    },
  },
  {
    id: "CONF-505",
    area,
    title: "an empty created folder persists: listed by its parent, zero counts and no modifiedAt",
    needs: ["createFolder", "list", "metadata"],
    run: async (ctx) => {
      await ctx.store.createFolder("p/empty");
      assertDeepEqual(await pathsOf(ctx.store.listFolders("p")), ["p/empty"], "listFolders(p)");
      assertDeepEqual(await pathsOf(ctx.store.iterChildren("p")), ["p/empty"], "iterChildren(p)");
      const info = await ctx.store.getFolderInfo("p/empty");
      assertEqual(info.path, "p/empty", "FolderInfo.path");
      assertEqual(info.fileCount, 0, "FolderInfo.fileCount");
      assertEqual(info.totalSize, 0, "FolderInfo.totalSize");
      assertEqual(info.modifiedAt, undefined, "FolderInfo.modifiedAt of an empty folder");
      assertEqual(await ctx.store.isFolder("p/empty"), true, "isFolder after the listings");
    },
  },
  {
    id: "CONF-506",
    area,
    title: "a created folder is an ordinary folder: it takes files, refuses a file write onto it, and counts as an entry of its parent",
    needs: ["createFolder", "write", "read", "delete", "list"],
    run: async (ctx) => {
      await ctx.store.createFolder("box/inner");
      await expectErrorAt(() => ctx.store.write("box/inner", "x"), "INVALID_PATH", "box/inner", "write onto a created folder");
      await expectErrorAt(() => ctx.store.deleteFolder("box"), "DIRECTORY_NOT_EMPTY", "box", "deleteFolder of a folder holding only an empty created folder");
      await ctx.store.write("box/inner/f.txt", "f");
      await expectContent(ctx.store, "box/inner/f.txt", "f");
      await ctx.store.delete("box/inner/f.txt");
      await ctx.store.deleteFolder("box/inner");
      assertEqual(await ctx.store.isFolder("box/inner"), false, "isFolder after deleteFolder");
      await expectStoreFolders(ctx.store, ["box"]);
    },
  },
  {
    id: "CONF-507",
    area,
    title: "createFolder normalises its path and reports the normalised path; bad paths and options are rejected, never thrown",
    needs: ["createFolder", "list"],
    run: async (ctx) => {
      await ctx.store.createFolder("/n1//n2/./");
      await expectStoreFolders(ctx.store, ["n1", "n1/n2"]);
      await expectErrorAt(() => ctx.store.createFolder("\\n1\\n2\\"), "ALREADY_EXISTS", "n1/n2", "createFolder of a backslash spelling");
      await expectRejection(() => ctx.store.createFolder("n1/../x"), "INVALID_PATH", "n1/../x");
      await expectRejection(() => ctx.store.createFolder("bad\0name"), "INVALID_PATH", "bad\\0name");
      await expectRejection(() => ctx.store.createFolder(42 as never), "TypeError");
      await expectRejection(() => ctx.store.createFolder("typed", { existOk: "yes" as never }), "TypeError");
      await expectRejection(() => ctx.store.createFolder("typed", "existOk" as never), "TypeError");
      await expectStoreFolders(ctx.store, ["n1", "n1/n2"]);
    },
  },
  {
    id: "CONF-508",
    area,
    title: "a child store creates folders below its root and reports child-relative paths",
    needs: ["createFolder", "list"],
    run: async (ctx) => {
      const child = ctx.store.child("kid");
      await child.createFolder("x/y");
      await expectStoreFolders(ctx.store, ["kid", "kid/x", "kid/x/y"]);
      await expectErrorAt(() => child.createFolder("x"), "ALREADY_EXISTS", "x", "child createFolder of an existing folder");
      await expectErrorAt(() => child.createFolder(""), "INVALID_PATH", "", "child createFolder of its root");
    },
  },
  {
    id: "CONF-509",
    area,
    title: "without \"createFolder\" the Store refuses createFolder with CapabilityNotSupported before any I/O",
    needs: ["createFolder"],
    run: async (ctx) => {
      const { store, calls } = restrictedStore(ctx, ["createFolder"]);
      assertEqual(store.supports("createFolder"), false, "supports(createFolder) on the restricted store");
      await expectRefusedBeforeIo(() => store.createFolder("gated"), "createFolder", calls, "createFolder");
      await expectRefusedBeforeIo(() => store.createFolder("gated", { existOk: true }), "createFolder", calls, "createFolder(existOk)");
      assertEqual(await ctx.store.exists("gated"), false, "exists(gated)");
    },
  },
  {
    id: "CONF-510",
    area,
    title: "of 8 concurrent createFolder calls for one path exactly one succeeds, the others are AlreadyExists; with existOk all succeed",
    needs: ["createFolder"],
    run: async (ctx) => {
      const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => ctx.store.createFolder("race/here")));
      assertEqual(outcomes.filter((o) => o.status === "fulfilled").length, 1, "createFolder calls that succeeded");
      for (const outcome of outcomes) {
        if (outcome.status === "rejected") expectReason(outcome.reason, "ALREADY_EXISTS", "race/here", "a losing createFolder");
      }
      const quiet = await Promise.allSettled(Array.from({ length: 8 }, () => ctx.store.createFolder("race/again", { existOk: true })));
      assertDeepEqual(quiet.map((o) => o.status), Array.from({ length: 8 }, () => "fulfilled"), "createFolder calls with existOk");
      assertEqual(await ctx.store.isFolder("race/again"), true, "isFolder(race/again)");
    },
  },
];
