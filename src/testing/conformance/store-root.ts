import { assertDeepEqual, assertEqual, expectError } from "../assert.js";
import { expectContent, expectStoreFiles, pathsOf } from "./support/checks.js";
import type { ConformanceCase } from "./types.js";

const area = "store-root" as const;

/** Every spelling of the store root (spec/paths.md PATH-007, PATH-008). */
export const ROOT_SPELLINGS = ["", ".", "/", "./"] as const;

/** spec/store.md ST-011, ST-023, ST-051: the root is a folder for queries and InvalidPath for file operations. */
export const storeRootCases: readonly ConformanceCase[] = [
  {
    id: "CONF-040",
    area,
    title: "on an empty store every root spelling exists and is a folder, not a file",
    needs: [],
    run: async (ctx) => {
      for (const root of ROOT_SPELLINGS) {
        assertEqual(await ctx.store.exists(root), true, `exists(${JSON.stringify(root)})`);
        assertEqual(await ctx.store.isFolder(root), true, `isFolder(${JSON.stringify(root)})`);
        assertEqual(await ctx.store.isFile(root), false, `isFile(${JSON.stringify(root)})`);
      }
    },
  },
  {
    id: "CONF-041",
    area,
    title: "the root answers the same probes after files were written",
    needs: ["write"],
    run: async (ctx) => {
      await ctx.store.write("rootprobe/a.txt", "a");
      for (const root of ROOT_SPELLINGS) {
        assertEqual(await ctx.store.exists(root), true, `exists(${JSON.stringify(root)})`);
        assertEqual(await ctx.store.isFolder(root), true, `isFolder(${JSON.stringify(root)})`);
        assertEqual(await ctx.store.isFile(root), false, `isFile(${JSON.stringify(root)})`);
      }
    },
  },
  {
    id: "CONF-042",
    area,
    title: "getFolderInfo of every root spelling aggregates the whole store, with path \"\"",
    needs: ["write", "metadata"],
    run: async (ctx) => {
      await ctx.seed({ "rootinfo/a.txt": "aa", "rootinfo/b.txt": "bbb", "top.txt": "t" });
      for (const root of ROOT_SPELLINGS) {
        const info = await ctx.store.getFolderInfo(root);
        assertEqual(info.path, "", `getFolderInfo(${JSON.stringify(root)}).path`);
        assertEqual(info.fileCount, 3, `getFolderInfo(${JSON.stringify(root)}).fileCount`);
        assertEqual(info.totalSize, 6, `getFolderInfo(${JSON.stringify(root)}).totalSize`);
      }
    },
  },
  {
    id: "CONF-043",
    area,
    title: "getFolderInfo of the root of an empty store gives zero counts and no modifiedAt",
    needs: ["metadata"],
    run: async (ctx) => {
      const info = await ctx.store.getFolderInfo("");
      assertDeepEqual({ ...info }, { path: "", fileCount: 0, totalSize: 0 }, 'getFolderInfo("")');
      assertEqual(info.modifiedAt, undefined, 'getFolderInfo("").modifiedAt');
    },
  },
  {
    id: "CONF-044",
    area,
    title: "read, readBytes and readText of every root spelling are InvalidPath with path \"\"",
    needs: ["read"],
    run: async (ctx) => {
      for (const root of ROOT_SPELLINGS) {
        await expectError(() => ctx.store.read(root), "INVALID_PATH", "");
        await expectError(() => ctx.store.readBytes(root), "INVALID_PATH", "");
        await expectError(() => ctx.store.readText(root), "INVALID_PATH", "");
      }
    },
  },
  {
    id: "CONF-045",
    area,
    title: "getFileInfo of every root spelling is InvalidPath with path \"\"",
    needs: ["metadata"],
    run: async (ctx) => {
      for (const root of ROOT_SPELLINGS) await expectError(() => ctx.store.getFileInfo(root), "INVALID_PATH", "");
    },
  },
  {
    id: "CONF-046",
    area,
    title: "delete of every root spelling is InvalidPath with path \"\", also with missingOk, and deletes nothing",
    needs: ["write", "read", "delete"],
    run: async (ctx) => {
      await ctx.store.write("rootmok/a.txt", "a");
      for (const root of ROOT_SPELLINGS) {
        await expectError(() => ctx.store.delete(root), "INVALID_PATH", "");
        await expectError(() => ctx.store.delete(root, { missingOk: true }), "INVALID_PATH", "");
      }
      await expectContent(ctx.store, "rootmok/a.txt", "a");
    },
  },
  {
    id: "CONF-047",
    area,
    title: "write and writeText to every root spelling, with and without overwrite, are InvalidPath with path \"\" and change nothing",
    needs: ["write", "read"],
    run: async (ctx) => {
      await ctx.store.write("rootwrite/a.txt", "seed");
      for (const root of ROOT_SPELLINGS) {
        for (const overwrite of [false, true]) {
          await expectError(() => ctx.store.write(root, "x", { overwrite }), "INVALID_PATH", "");
          await expectError(() => ctx.store.writeText(root, "x", { overwrite }), "INVALID_PATH", "");
        }
      }
      await expectContent(ctx.store, "rootwrite/a.txt", "seed");
      assertEqual(await ctx.store.isFolder(""), true, 'isFolder("") afterwards');
    },
  },
  {
    id: "CONF-048",
    area,
    title: "writeAtomic to every root spelling, with and without overwrite, is InvalidPath with path \"\" and changes nothing",
    needs: ["write", "read", "atomicWrite"],
    run: async (ctx) => {
      await ctx.store.write("rootwrite/a.txt", "seed");
      for (const root of ROOT_SPELLINGS) {
        for (const overwrite of [false, true]) await expectError(() => ctx.store.writeAtomic(root, "x", { overwrite }), "INVALID_PATH", "");
      }
      await expectContent(ctx.store, "rootwrite/a.txt", "seed");
      assertEqual(await ctx.store.isFolder(""), true, 'isFolder("") afterwards');
    },
  },
  {
    id: "CONF-049",
    area,
    title: "move from or to every root spelling is InvalidPath with path \"\" and leaves the source",
    needs: ["write", "read", "move"],
    run: async (ctx) => {
      await ctx.store.write("rootdst/src.txt", "seed");
      for (const root of ROOT_SPELLINGS) {
        for (const overwrite of [false, true]) {
          await expectError(() => ctx.store.move(root, "rootop_dst.txt", { overwrite }), "INVALID_PATH", "");
          await expectError(() => ctx.store.move("rootdst/src.txt", root, { overwrite }), "INVALID_PATH", "");
        }
      }
      await expectContent(ctx.store, "rootdst/src.txt", "seed");
      assertEqual(await ctx.store.exists("rootop_dst.txt"), false, 'exists("rootop_dst.txt")');
    },
  },
  {
    id: "CONF-050",
    area,
    title: "copy from or to every root spelling is InvalidPath with path \"\" and leaves the source",
    needs: ["write", "read", "copy"],
    run: async (ctx) => {
      await ctx.store.write("rootdst/src.txt", "seed");
      for (const root of ROOT_SPELLINGS) {
        for (const overwrite of [false, true]) {
          await expectError(() => ctx.store.copy(root, "rootop_dst.txt", { overwrite }), "INVALID_PATH", "");
          await expectError(() => ctx.store.copy("rootdst/src.txt", root, { overwrite }), "INVALID_PATH", "");
        }
      }
      await expectContent(ctx.store, "rootdst/src.txt", "seed");
      assertEqual(await ctx.store.exists("rootop_dst.txt"), false, 'exists("rootop_dst.txt")');
    },
  },
  {
    id: "CONF-051",
    area,
    title: "deleteFolder of every root spelling is InvalidPath with path \"\", whatever the options, and deletes nothing",
    needs: ["write", "read", "delete"],
    run: async (ctx) => {
      await ctx.store.write("keep/a.txt", "a");
      for (const root of ROOT_SPELLINGS) {
        await expectError(() => ctx.store.deleteFolder(root), "INVALID_PATH", "");
        await expectError(() => ctx.store.deleteFolder(root, { recursive: true }), "INVALID_PATH", "");
        await expectError(() => ctx.store.deleteFolder(root, { recursive: true, missingOk: true }), "INVALID_PATH", "");
      }
      await expectContent(ctx.store, "keep/a.txt", "a");
    },
  },
  {
    id: "CONF-052",
    area,
    title: "listings of every root spelling (and of no argument) list the store root",
    needs: ["write", "list"],
    run: async (ctx) => {
      await ctx.seed({ "top.txt": "t", "dir/a.txt": "a" });
      const expectedFiles = await pathsOf(ctx.store.listFiles(""));
      assertDeepEqual(expectedFiles, ["top.txt"], 'listFiles("")');
      assertDeepEqual(await pathsOf(ctx.store.listFiles()), expectedFiles, "listFiles()");
      for (const root of ROOT_SPELLINGS) {
        assertDeepEqual(await pathsOf(ctx.store.listFiles(root)), ["top.txt"], `listFiles(${JSON.stringify(root)})`);
        assertDeepEqual(await pathsOf(ctx.store.listFiles(root, { recursive: true })), ["dir/a.txt", "top.txt"], `listFiles(${JSON.stringify(root)}, recursive)`);
        assertDeepEqual(await pathsOf(ctx.store.listFolders(root)), ["dir"], `listFolders(${JSON.stringify(root)})`);
        assertDeepEqual(await pathsOf(ctx.store.iterChildren(root)), ["dir", "top.txt"], `iterChildren(${JSON.stringify(root)})`);
      }
      await expectStoreFiles(ctx.store, ["dir/a.txt", "top.txt"]);
    },
  },
];
