import { assertEqual, expectError } from "../assert.js";
import { expectAbsent, expectContent, expectStoreFiles } from "./support/checks.js";
import type { ConformanceCase } from "./types.js";

const area = "move" as const;

/** spec/store.md ST-090..ST-092: `move`. */
export const moveCases: readonly ConformanceCase[] = [
  {
    id: "CONF-305",
    area,
    title: "move takes the file to the destination (creating parents) and removes the source",
    needs: ["write", "read", "move"],
    run: async (ctx) => {
      await ctx.store.write("mv_src.txt", "data");
      assertEqual(await ctx.store.move("mv_src.txt", "new/parent/mv_dst.txt"), undefined, "move result");
      await expectAbsent(ctx.store, "mv_src.txt");
      await expectContent(ctx.store, "new/parent/mv_dst.txt", "data");
      assertEqual(await ctx.store.isFolder("new/parent"), true, 'isFolder("new/parent")');
    },
  },
  {
    id: "CONF-306",
    area,
    title: "moving a missing source is NotFound with the source path",
    needs: ["move"],
    run: async (ctx) => {
      await expectError(() => ctx.store.move("missing.txt", "dst.txt"), "NOT_FOUND", "missing.txt");
      await expectError(() => ctx.store.move("/no//such.txt", "dst.txt", { overwrite: true }), "NOT_FOUND", "no/such.txt");
      await expectAbsent(ctx.store, "dst.txt");
    },
  },
  {
    id: "CONF-307",
    area,
    title: "moving onto an existing file without overwrite is AlreadyExists with the destination path; both stay",
    needs: ["write", "read", "move"],
    run: async (ctx) => {
      await ctx.seed({ "src.txt": "src", "dst.txt": "dst" });
      await expectError(() => ctx.store.move("src.txt", "dst.txt"), "ALREADY_EXISTS", "dst.txt");
      await expectContent(ctx.store, "src.txt", "src");
      await expectContent(ctx.store, "dst.txt", "dst");
    },
  },
  {
    id: "CONF-308",
    area,
    title: "move with overwrite replaces the destination",
    needs: ["write", "read", "move", "list"],
    run: async (ctx) => {
      await ctx.seed({ "src.txt": "src", "dst.txt": "a longer destination" });
      await ctx.store.move("src.txt", "dst.txt", { overwrite: true });
      await expectContent(ctx.store, "dst.txt", "src");
      await expectStoreFiles(ctx.store, ["dst.txt"]);
    },
  },
  {
    id: "CONF-309",
    area,
    title: "moving a file onto itself is a no-op, with or without overwrite, under any spelling",
    needs: ["write", "read", "move"],
    run: async (ctx) => {
      await ctx.store.write("d/self.txt", "same");
      await ctx.store.move("d/self.txt", "d/self.txt");
      await ctx.store.move("d/self.txt", "d/self.txt", { overwrite: true });
      await ctx.store.move("d/self.txt", "/d//self.txt/");
      await expectContent(ctx.store, "d/self.txt", "same");
    },
  },
  {
    id: "CONF-310",
    area,
    title: "moving a missing file onto itself is NotFound",
    needs: ["move"],
    run: async (ctx) => {
      await expectError(() => ctx.store.move("ghost.txt", "ghost.txt"), "NOT_FOUND", "ghost.txt");
      await expectError(() => ctx.store.move("ghost.txt", "ghost.txt", { overwrite: true }), "NOT_FOUND", "ghost.txt");
    },
  },
  {
    id: "CONF-311",
    area,
    title: "moving a folder onto itself is InvalidPath with its path",
    needs: ["write", "move"],
    run: async (ctx) => {
      await ctx.store.write("dir/a.txt", "a");
      await expectError(() => ctx.store.move("dir", "dir"), "INVALID_PATH", "dir");
      await expectError(() => ctx.store.move("dir", "dir/", { overwrite: true }), "INVALID_PATH", "dir");
      assertEqual(await ctx.store.isFile("dir/a.txt"), true, 'isFile("dir/a.txt")');
    },
  },
  {
    id: "CONF-312",
    area,
    title: "moving a folder is InvalidPath naming the source, and moves nothing",
    needs: ["write", "read", "move"],
    run: async (ctx) => {
      await ctx.store.write("srcdir/a.txt", "a");
      await expectError(() => ctx.store.move("srcdir", "elsewhere"), "INVALID_PATH", "srcdir");
      await expectError(() => ctx.store.move("srcdir", "elsewhere", { overwrite: true }), "INVALID_PATH", "srcdir");
      await expectContent(ctx.store, "srcdir/a.txt", "a");
      await expectAbsent(ctx.store, "elsewhere");
    },
  },
  {
    id: "CONF-313",
    area,
    title: "moving onto an existing folder is InvalidPath naming the destination, even with overwrite",
    needs: ["write", "read", "move"],
    run: async (ctx) => {
      await ctx.seed({ "src.txt": "s", "dstdir/x.txt": "x" });
      await expectError(() => ctx.store.move("src.txt", "dstdir"), "INVALID_PATH", "dstdir");
      await expectError(() => ctx.store.move("src.txt", "dstdir", { overwrite: true }), "INVALID_PATH", "dstdir");
      await expectContent(ctx.store, "src.txt", "s");
      await expectContent(ctx.store, "dstdir/x.txt", "x");
    },
  },
  {
    id: "CONF-314",
    area,
    title: "moving below a file is InvalidPath naming the destination; source and blocker stay",
    needs: ["write", "read", "move"],
    run: async (ctx) => {
      await ctx.seed({ "src.txt": "s", "blocker.txt": "b" });
      await expectError(() => ctx.store.move("src.txt", "blocker.txt/child.txt"), "INVALID_PATH", "blocker.txt/child.txt");
      await expectError(() => ctx.store.move("src.txt", "src.txt/inside.txt"), "INVALID_PATH", "src.txt/inside.txt");
      await expectContent(ctx.store, "src.txt", "s");
      await expectContent(ctx.store, "blocker.txt", "b");
    },
  },
  {
    id: "CONF-315",
    area,
    title: "a missing source outranks a bad destination: NotFound for the source",
    needs: ["write", "move"],
    run: async (ctx) => {
      await ctx.seed({ "blocker.txt": "b", "dir/x.txt": "x", "exists.txt": "e" });
      await expectError(() => ctx.store.move("missing.txt", "blocker.txt/child.txt"), "NOT_FOUND", "missing.txt");
      await expectError(() => ctx.store.move("missing.txt", "dir"), "NOT_FOUND", "missing.txt");
      await expectError(() => ctx.store.move("missing.txt", "exists.txt"), "NOT_FOUND", "missing.txt");
    },
  },
  {
    id: "CONF-316",
    area,
    title: "move rejects non-string paths and a non-boolean overwrite with TypeError, moving nothing",
    needs: ["write", "read", "move"],
    run: async (ctx) => {
      await ctx.store.write("s.txt", "s");
      await expectError(() => ctx.store.move(1 as never, "d.txt"), "TypeError");
      await expectError(() => ctx.store.move("s.txt", null as never), "TypeError");
      await expectError(() => ctx.store.move("s.txt", "d.txt", { overwrite: "no" as never }), "TypeError");
      await expectContent(ctx.store, "s.txt", "s");
      await expectAbsent(ctx.store, "d.txt");
    },
  },
  {
    id: "CONF-317",
    area,
    title: "a moved file can be moved back, and the source name reused",
    needs: ["write", "read", "move"],
    run: async (ctx) => {
      await ctx.store.write("x.txt", "one");
      await ctx.store.move("x.txt", "y.txt");
      await ctx.store.write("x.txt", "two");
      await ctx.store.move("y.txt", "z/y.txt");
      await ctx.store.move("z/y.txt", "y.txt");
      await expectContent(ctx.store, "x.txt", "two");
      await expectContent(ctx.store, "y.txt", "one");
    },
  },
];
