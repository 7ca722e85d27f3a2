import { assertEqual, expectError } from "../assert.js";
import { expectAbsent, expectContent, expectStoreFiles } from "./support/checks.js";
import type { ConformanceCase } from "./types.js";

const area = "copy" as const;

/** spec/store.md ST-090..ST-092: `copy`. */
export const copyCases: readonly ConformanceCase[] = [
  {
    id: "CONF-325",
    area,
    title: "copy writes an equal file at the destination (creating parents) and keeps the source",
    needs: ["write", "read", "copy"],
    run: async (ctx) => {
      await ctx.store.write("cp_src.txt", "data");
      assertEqual(await ctx.store.copy("cp_src.txt", "new/parent/cp_dst.txt"), undefined, "copy result");
      await expectContent(ctx.store, "cp_src.txt", "data");
      await expectContent(ctx.store, "new/parent/cp_dst.txt", "data");
    },
  },
  {
    id: "CONF-326",
    area,
    title: "copying a missing source is NotFound with the source path",
    needs: ["copy"],
    run: async (ctx) => {
      await expectError(() => ctx.store.copy("missing.txt", "dst.txt"), "NOT_FOUND", "missing.txt");
      await expectError(() => ctx.store.copy("no\\such.txt", "dst.txt", { overwrite: true }), "NOT_FOUND", "no/such.txt");
      await expectAbsent(ctx.store, "dst.txt");
    },
  },
  {
    id: "CONF-327",
    area,
    title: "copying onto an existing file without overwrite is AlreadyExists with the destination path; both stay",
    needs: ["write", "read", "copy"],
    run: async (ctx) => {
      await ctx.seed({ "src.txt": "src", "dst.txt": "dst" });
      await expectError(() => ctx.store.copy("src.txt", "dst.txt"), "ALREADY_EXISTS", "dst.txt");
      await expectContent(ctx.store, "src.txt", "src");
      await expectContent(ctx.store, "dst.txt", "dst");
    },
  },
  {
    id: "CONF-328",
    area,
    title: "copy with overwrite replaces the destination and keeps the source",
    needs: ["write", "read", "copy", "list"],
    run: async (ctx) => {
      await ctx.seed({ "src.txt": "src", "dst.txt": "a longer destination" });
      await ctx.store.copy("src.txt", "dst.txt", { overwrite: true });
      await expectContent(ctx.store, "dst.txt", "src");
      await expectContent(ctx.store, "src.txt", "src");
      await expectStoreFiles(ctx.store, ["dst.txt", "src.txt"]);
    },
  },
  {
    id: "CONF-329",
    area,
    title: "copying a file onto itself is a no-op, with or without overwrite",
    needs: ["write", "read", "copy", "list"],
    run: async (ctx) => {
      await ctx.store.write("d/self.txt", "same");
      await ctx.store.copy("d/self.txt", "d/self.txt");
      await ctx.store.copy("d/self.txt", "./d/self.txt", { overwrite: true });
      await expectContent(ctx.store, "d/self.txt", "same");
      await expectStoreFiles(ctx.store, ["d/self.txt"]);
    },
  },
  {
    id: "CONF-330",
    area,
    title: "copying a missing file onto itself is NotFound",
    needs: ["copy"],
    run: async (ctx) => {
      await expectError(() => ctx.store.copy("ghost.txt", "ghost.txt"), "NOT_FOUND", "ghost.txt");
      await expectError(() => ctx.store.copy("ghost.txt", "ghost.txt", { overwrite: true }), "NOT_FOUND", "ghost.txt");
    },
  },
  {
    id: "CONF-331",
    area,
    title: "copying a folder onto itself is InvalidPath with its path",
    needs: ["write", "copy"],
    run: async (ctx) => {
      await ctx.store.write("dir/a.txt", "a");
      await expectError(() => ctx.store.copy("dir", "dir"), "INVALID_PATH", "dir");
      await expectError(() => ctx.store.copy("dir/", "dir", { overwrite: true }), "INVALID_PATH", "dir");
    },
  },
  {
    id: "CONF-332",
    area,
    title: "copying a folder is InvalidPath naming the source, and copies nothing",
    needs: ["write", "copy"],
    run: async (ctx) => {
      await ctx.store.write("srcdir/a.txt", "a");
      await expectError(() => ctx.store.copy("srcdir", "elsewhere"), "INVALID_PATH", "srcdir");
      await expectAbsent(ctx.store, "elsewhere");
    },
  },
  {
    id: "CONF-333",
    area,
    title: "copying onto an existing folder is InvalidPath naming the destination, even with overwrite",
    needs: ["write", "read", "copy"],
    run: async (ctx) => {
      await ctx.seed({ "src.txt": "s", "dstdir/x.txt": "x" });
      await expectError(() => ctx.store.copy("src.txt", "dstdir"), "INVALID_PATH", "dstdir");
      await expectError(() => ctx.store.copy("src.txt", "dstdir", { overwrite: true }), "INVALID_PATH", "dstdir");
      await expectContent(ctx.store, "dstdir/x.txt", "x");
    },
  },
  {
    id: "CONF-334",
    area,
    title: "copying below a file is InvalidPath naming the destination; source and blocker stay",
    needs: ["write", "read", "copy", "list"],
    run: async (ctx) => {
      await ctx.seed({ "src.txt": "s", "blocker.txt": "b" });
      await expectError(() => ctx.store.copy("src.txt", "blocker.txt/child.txt"), "INVALID_PATH", "blocker.txt/child.txt");
      await expectError(() => ctx.store.copy("src.txt", "src.txt/inside.txt", { overwrite: true }), "INVALID_PATH", "src.txt/inside.txt");
      await expectContent(ctx.store, "src.txt", "s");
      await expectContent(ctx.store, "blocker.txt", "b");
      await expectStoreFiles(ctx.store, ["blocker.txt", "src.txt"]);
    },
  },
  {
    id: "CONF-335",
    area,
    title: "a missing source outranks a bad destination: NotFound for the source",
    needs: ["write", "copy"],
    run: async (ctx) => {
      await ctx.seed({ "blocker.txt": "b", "dir/x.txt": "x", "exists.txt": "e" });
      await expectError(() => ctx.store.copy("missing.txt", "blocker.txt/child.txt"), "NOT_FOUND", "missing.txt");
      await expectError(() => ctx.store.copy("missing.txt", "dir"), "NOT_FOUND", "missing.txt");
      await expectError(() => ctx.store.copy("missing.txt", "exists.txt"), "NOT_FOUND", "missing.txt");
    },
  },
  {
    id: "CONF-336",
    area,
    title: "a copy is independent: overwriting or deleting the source leaves it unchanged",
    needs: ["write", "read", "copy", "delete"],
    run: async (ctx) => {
      await ctx.store.write("orig.txt", "v1");
      await ctx.store.copy("orig.txt", "dup.txt");
      await ctx.store.write("orig.txt", "v2", { overwrite: true });
      await expectContent(ctx.store, "dup.txt", "v1");
      await ctx.store.delete("orig.txt");
      await expectContent(ctx.store, "dup.txt", "v1");
    },
  },
  {
    id: "CONF-337",
    area,
    title: "copy rejects non-string paths and a non-boolean overwrite with TypeError, copying nothing",
    needs: ["write", "copy"],
    run: async (ctx) => {
      await ctx.store.write("s.txt", "s");
      await expectError(() => ctx.store.copy(1 as never, "d.txt"), "TypeError");
      await expectError(() => ctx.store.copy("s.txt", {} as never), "TypeError");
      await expectError(() => ctx.store.copy("s.txt", "d.txt", { overwrite: 1 as never }), "TypeError");
      await expectAbsent(ctx.store, "d.txt");
    },
  },
  {
    id: "CONF-338",
    area,
    title: "a large binary file (1 MiB) is copied byte for byte",
    needs: ["write", "read", "copy"],
    run: async (ctx) => {
      const content = new Uint8Array(1 << 20);
      for (let i = 0; i < content.length; i++) content[i] = (i * 31 + 7) & 0xff;
      await ctx.store.write("big.bin", content);
      await ctx.store.copy("big.bin", "big-copy.bin");
      await expectContent(ctx.store, "big-copy.bin", content);
    },
  },
];
