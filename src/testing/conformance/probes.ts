import type { Store } from "../../store/store.js";
import { assertEqual, expectRejection } from "../assert.js";
import type { ConformanceCase } from "./types.js";

const area = "probes" as const;

async function probe(store: Store, path: string): Promise<string> {
  const [exists, isFile, isFolder] = await Promise.all([store.exists(path), store.isFile(path), store.isFolder(path)]);
  return `exists=${exists} isFile=${isFile} isFolder=${isFolder}`;
}

const FILE = "exists=true isFile=true isFolder=false";
const FOLDER = "exists=true isFile=false isFolder=true";
const NOTHING = "exists=false isFile=false isFolder=false";

/** spec/store.md ST-011: exists / isFile / isFolder (spec/backend.md BE-004: probes never raise NotFound; below a file is false). */
export const probeCases: readonly ConformanceCase[] = [
  {
    id: "CONF-020",
    area,
    title: "probes of missing paths are all false (never NotFound)",
    needs: [],
    run: async (ctx) => {
      for (const path of ["nonexistent.txt", "nope", "x/y/z"]) assertEqual(await probe(ctx.store, path), NOTHING, `probes of ${JSON.stringify(path)}`);
    },
  },
  {
    id: "CONF-021",
    area,
    title: "a written file exists, is a file and is not a folder",
    needs: ["write"],
    run: async (ctx) => {
      await ctx.store.write("hello.txt", "hello");
      assertEqual(await probe(ctx.store, "hello.txt"), FILE, 'probes of "hello.txt"');
    },
  },
  {
    id: "CONF-022",
    area,
    title: "every parent of a written file exists and is a folder, not a file",
    needs: ["write"],
    run: async (ctx) => {
      await ctx.store.write("dir/sub/a.txt", "a");
      assertEqual(await probe(ctx.store, "dir"), FOLDER, 'probes of "dir"');
      assertEqual(await probe(ctx.store, "dir/sub"), FOLDER, 'probes of "dir/sub"');
      assertEqual(await probe(ctx.store, "dir/sub/a.txt"), FILE, 'probes of "dir/sub/a.txt"');
    },
  },
  {
    id: "CONF-023",
    area,
    title: "paths below a file are all false (no error)",
    needs: ["write"],
    run: async (ctx) => {
      await ctx.store.write("a/b", "file");
      await ctx.store.write("file", "file");
      for (const path of ["a/b/c", "a/b/c/d", "file/subpath"]) assertEqual(await probe(ctx.store, path), NOTHING, `probes of ${JSON.stringify(path)}`);
    },
  },
  {
    id: "CONF-024",
    area,
    title: "a path that only shares a name prefix with a file or folder does not exist",
    needs: ["write"],
    run: async (ctx) => {
      await ctx.store.write("pre/fix.txt", "x");
      for (const path of ["pr", "pre/fi", "pre/fix", "pre/fix.tx", "prefix"]) assertEqual(await probe(ctx.store, path), NOTHING, `probes of ${JSON.stringify(path)}`);
    },
  },
  {
    id: "CONF-025",
    area,
    title: "probes normalise their path (leading, trailing and doubled slashes, backslashes, . segments)",
    needs: ["write"],
    run: async (ctx) => {
      await ctx.store.write("dir/a.txt", "a");
      for (const path of ["/dir//a.txt/", "dir\\a.txt", "./dir/./a.txt"]) assertEqual(await probe(ctx.store, path), FILE, `probes of ${JSON.stringify(path)}`);
      for (const path of ["dir/", "/dir", "dir//", "./dir"]) assertEqual(await probe(ctx.store, path), FOLDER, `probes of ${JSON.stringify(path)}`);
    },
  },
  {
    id: "CONF-026",
    area,
    title: "probes reject unsafe paths with InvalidPath",
    needs: [],
    run: async (ctx) => {
      for (const bad of ["..", "../x", "a/../b", "a\\..\\b", "a\0b"]) {
        await expectRejection(() => ctx.store.exists(bad), "INVALID_PATH");
        await expectRejection(() => ctx.store.isFile(bad), "INVALID_PATH");
        await expectRejection(() => ctx.store.isFolder(bad), "INVALID_PATH");
      }
    },
  },
  {
    id: "CONF-027",
    area,
    title: "probes reject a non-string path with TypeError (an omitted path is the root, PATH-008)",
    needs: [],
    run: async (ctx) => {
      for (const bad of [42, null, { path: "a" }]) {
        await expectRejection(() => ctx.store.exists(bad as never), "TypeError");
        await expectRejection(() => ctx.store.isFile(bad as never), "TypeError");
        await expectRejection(() => ctx.store.isFolder(bad as never), "TypeError");
      }
      if (!(await ctx.store.exists()) || (await ctx.store.isFile()) || !(await ctx.store.isFolder())) {
        throw new Error("an omitted probe path must be the store root: exists and isFolder true, isFile false");
      }
    },
  },
  {
    id: "CONF-028",
    area,
    title: "a folder whose last file was deleted is still a folder",
    needs: ["write", "delete"],
    traits: ["persistentFolders"],
    run: async (ctx) => {
      await ctx.store.write("keep/only.txt", "x");
      await ctx.store.delete("keep/only.txt");
      assertEqual(await probe(ctx.store, "keep"), FOLDER, 'probes of "keep" after deleting its last file');
      assertEqual(await probe(ctx.store, "keep/only.txt"), NOTHING, 'probes of "keep/only.txt"');
    },
  },
  {
    id: "CONF-029",
    area,
    title: "a folder whose last file was moved away is still a folder",
    needs: ["write", "move"],
    traits: ["persistentFolders"],
    run: async (ctx) => {
      await ctx.store.write("from/only.txt", "x");
      await ctx.store.move("from/only.txt", "to/only.txt");
      assertEqual(await probe(ctx.store, "from"), FOLDER, 'probes of "from" after moving its last file');
      assertEqual(await probe(ctx.store, "to/only.txt"), FILE, 'probes of "to/only.txt"');
    },
  },
];
