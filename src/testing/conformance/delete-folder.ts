import { assertEqual, expectError } from "../assert.js";
import { expectAbsent, expectContent, expectStoreFiles, pathsOf } from "./support/checks.js";
import type { ConformanceCase } from "./types.js";

const area = "delete-folder" as const;

/** spec/store.md ST-051: `deleteFolder`. */
export const deleteFolderCases: readonly ConformanceCase[] = [
  {
    id: "CONF-225",
    area,
    title: "an empty folder is deleted without recursive",
    needs: ["write", "delete"],
    traits: ["persistentFolders"],
    run: async (ctx) => {
      await ctx.store.write("dir/file.txt", "x");
      await ctx.store.delete("dir/file.txt");
      assertEqual(await ctx.store.deleteFolder("dir"), undefined, "deleteFolder result");
      await expectAbsent(ctx.store, "dir");
    },
  },
  {
    id: "CONF-226",
    area,
    title: "a recursive delete removes the whole subtree and nothing else",
    needs: ["write", "read", "delete", "list"],
    run: async (ctx) => {
      await ctx.seed({ "dir2/a.txt": "a", "dir2/sub/b.txt": "b", "dir2/sub/deep/c.txt": "c", "dir2x/keep.txt": "k", "dir2.txt": "k2" });
      await ctx.store.deleteFolder("dir2", { recursive: true });
      for (const path of ["dir2", "dir2/a.txt", "dir2/sub", "dir2/sub/b.txt"]) await expectAbsent(ctx.store, path);
      assertEqual((await pathsOf(ctx.store.listFiles("dir2", { recursive: true }))).length, 0, "files listed below the deleted folder");
      await expectContent(ctx.store, "dir2x/keep.txt", "k");
      await expectContent(ctx.store, "dir2.txt", "k2");
      await expectStoreFiles(ctx.store, ["dir2.txt", "dir2x/keep.txt"]);
    },
  },
  {
    id: "CONF-227",
    area,
    title: "deleting a missing folder is NotFound with the path; with missingOk it is quiet",
    needs: ["delete"],
    run: async (ctx) => {
      await expectError(() => ctx.store.deleteFolder("nodir"), "NOT_FOUND", "nodir");
      await expectError(() => ctx.store.deleteFolder("no/dir/", { recursive: true }), "NOT_FOUND", "no/dir");
      assertEqual(await ctx.store.deleteFolder("nodir", { missingOk: true }), undefined, "deleteFolder missingOk result");
      await ctx.store.deleteFolder("no/dir", { missingOk: true, recursive: true });
      await expectAbsent(ctx.store, "nodir");
    },
  },
  {
    id: "CONF-228",
    area,
    title: "deleteFolder of a file is InvalidPath with its path, whatever the options, and keeps the file",
    needs: ["write", "read", "delete"],
    run: async (ctx) => {
      await ctx.store.write("dffile.txt", "f");
      await expectError(() => ctx.store.deleteFolder("dffile.txt"), "INVALID_PATH", "dffile.txt");
      await expectError(() => ctx.store.deleteFolder("dffile.txt", { recursive: true, missingOk: true }), "INVALID_PATH", "dffile.txt");
      await expectContent(ctx.store, "dffile.txt", "f");
    },
  },
  {
    id: "CONF-229",
    area,
    title: "a non-recursive delete of a folder with files is DirectoryNotEmpty with its path, and removes nothing",
    needs: ["write", "read", "delete"],
    run: async (ctx) => {
      await ctx.seed({ "dne/a.txt": "a", "dne/sub/b.txt": "b" });
      await expectError(() => ctx.store.deleteFolder("dne"), "DIRECTORY_NOT_EMPTY", "dne");
      await expectError(() => ctx.store.deleteFolder("/dne/", { recursive: false, missingOk: true }), "DIRECTORY_NOT_EMPTY", "dne");
      await expectContent(ctx.store, "dne/a.txt", "a");
      await expectContent(ctx.store, "dne/sub/b.txt", "b");
    },
  },
  {
    id: "CONF-230",
    area,
    title: "a folder holding only an empty subfolder is not empty",
    needs: ["write", "delete"],
    traits: ["persistentFolders"],
    run: async (ctx) => {
      await ctx.store.write("outer/inner/x.txt", "x");
      await ctx.store.delete("outer/inner/x.txt");
      await expectError(() => ctx.store.deleteFolder("outer"), "DIRECTORY_NOT_EMPTY", "outer");
      assertEqual(await ctx.store.isFolder("outer/inner"), true, 'isFolder("outer/inner")');
      await ctx.store.deleteFolder("outer", { recursive: true });
      await expectAbsent(ctx.store, "outer");
    },
  },
  {
    id: "CONF-231",
    area,
    title: "deleteFolder below a file is NotFound; with missingOk it is quiet; the file stays",
    needs: ["write", "read", "delete"],
    run: async (ctx) => {
      await ctx.store.write("a/b", "file");
      await expectError(() => ctx.store.deleteFolder("a/b/sub"), "NOT_FOUND", "a/b/sub");
      await ctx.store.deleteFolder("a/b/sub", { missingOk: true });
      await expectContent(ctx.store, "a/b", "file");
    },
  },
  {
    id: "CONF-232",
    area,
    title: "a nested folder can be deleted recursively while its parent and siblings stay",
    needs: ["write", "read", "delete", "list"],
    run: async (ctx) => {
      await ctx.seed({ "p/keep.txt": "k", "p/gone/x.txt": "x", "p/gone/y/z.txt": "z", "p/other/o.txt": "o" });
      await ctx.store.deleteFolder("p/gone/", { recursive: true });
      await expectStoreFiles(ctx.store, ["p/keep.txt", "p/other/o.txt"]);
      assertEqual(await ctx.store.isFolder("p"), true, 'isFolder("p")');
    },
  },
  {
    id: "CONF-233",
    area,
    title: "after a recursive delete the folder's files can be written again",
    needs: ["write", "read", "delete"],
    run: async (ctx) => {
      await ctx.seed({ "r/a.txt": "1" });
      await ctx.store.deleteFolder("r", { recursive: true });
      await ctx.store.write("r/a.txt", "2");
      await expectContent(ctx.store, "r/a.txt", "2");
    },
  },
  {
    id: "CONF-234",
    area,
    title: "deleteFolder rejects non-boolean options and a non-string path with TypeError, deleting nothing",
    needs: ["write", "read", "delete"],
    run: async (ctx) => {
      await ctx.store.write("t/a.txt", "a");
      await expectError(() => ctx.store.deleteFolder("t", { recursive: 1 as never }), "TypeError");
      await expectError(() => ctx.store.deleteFolder(null as never), "TypeError");
      await expectContent(ctx.store, "t/a.txt", "a");
    },
  },
];
