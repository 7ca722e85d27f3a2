import { isRemoteStoreError } from "../../errors/remote-store-error.js";
import type { Store } from "../../store/store.js";
import { assertEqual, expectAnyError, expectError, fail, show, deepEqual } from "../assert.js";
import { chunksOf, concat, failingIterable, failingStream, filledBytes, patternBytes, slowIterable, streamOf, utf8 } from "./support/content.js";
import { expectAbsent, expectContent, expectStoreFiles, expectStoreFolders } from "./support/checks.js";
import type { ConformanceCase } from "./types.js";

const area = "write-atomic" as const;

/** Reads `path` and records what a concurrent reader saw: the bytes, or the error code. */
async function observe(store: Store, path: string): Promise<Uint8Array | string> {
  try {
    return await store.readBytes(path);
  } catch (error) {
    return isRemoteStoreError(error) ? error.code : `non-library error ${show(error)}`;
  }
}

/** spec/store.md ST-034: writeAtomic, never a partial file, a failed source changes nothing. */
export const writeAtomicCases: readonly ConformanceCase[] = [
  {
    id: "CONF-145",
    area,
    title: "writeAtomic creates a file and its parent folders and returns a WriteResult",
    needs: ["atomicWrite", "read"],
    run: async (ctx) => {
      const result = await ctx.store.writeAtomic("aw/deep/dir/file.txt", "atomic");
      assertEqual(result.path, "aw/deep/dir/file.txt", "WriteResult.path");
      assertEqual(result.size, 6, "WriteResult.size");
      await expectContent(ctx.store, "aw/deep/dir/file.txt", "atomic");
      assertEqual(await ctx.store.isFolder("aw/deep"), true, 'isFolder("aw/deep")');
    },
  },
  {
    id: "CONF-146",
    area,
    title: "writeAtomic replaces with overwrite, and is AlreadyExists (changing nothing) without it",
    needs: ["atomicWrite", "read"],
    run: async (ctx) => {
      await ctx.store.writeAtomic("a.txt", "first");
      await expectError(() => ctx.store.writeAtomic("a.txt", "second"), "ALREADY_EXISTS", "a.txt");
      await expectContent(ctx.store, "a.txt", "first");
      await ctx.store.writeAtomic("a.txt", "second!", { overwrite: true });
      await expectContent(ctx.store, "a.txt", "second!");
    },
  },
  {
    id: "CONF-147",
    area,
    title: "writeAtomic from a source failing after 256 KiB rejects and leaves nothing at all",
    needs: ["atomicWrite", "list"],
    run: async (ctx) => {
      const chunks = chunksOf(patternBytes(256 * 1024), 64 * 1024);
      await expectAnyError(() => ctx.store.writeAtomic("fail/new/file.bin", failingStream(chunks)));
      await expectAbsent(ctx.store, "fail/new/file.bin");
      await expectStoreFiles(ctx.store, []);
      await expectStoreFolders(ctx.store, []);
    },
  },
  {
    id: "CONF-148",
    area,
    title: "writeAtomic over an existing file from a failing source keeps the old content",
    needs: ["atomicWrite", "write", "read", "list"],
    run: async (ctx) => {
      await ctx.store.write("dir/old.bin", "old content");
      await expectAnyError(() => ctx.store.writeAtomic("dir/old.bin", failingIterable([patternBytes(5000)]), { overwrite: true }));
      await expectContent(ctx.store, "dir/old.bin", "old content");
      await expectStoreFiles(ctx.store, ["dir/old.bin"]);
    },
  },
  {
    id: "CONF-149",
    area,
    title: "writeAtomic onto a folder or below a file is InvalidPath with the path, changing nothing",
    needs: ["atomicWrite", "write", "read", "list"],
    run: async (ctx) => {
      await ctx.seed({ "wdir/file.txt": "x", "blocker.txt": "b" });
      for (const overwrite of [false, true]) {
        await expectError(() => ctx.store.writeAtomic("wdir", "y", { overwrite }), "INVALID_PATH", "wdir");
        await expectError(() => ctx.store.writeAtomic("blocker.txt/child.txt", "y", { overwrite }), "INVALID_PATH", "blocker.txt/child.txt");
        await expectError(() => ctx.store.writeAtomic("blocker.txt/c/d.txt", streamOf([utf8("y")]), { overwrite }), "INVALID_PATH", "blocker.txt/c/d.txt");
      }
      await expectContent(ctx.store, "blocker.txt", "b");
      await expectStoreFiles(ctx.store, ["blocker.txt", "wdir/file.txt"]);
    },
  },
  {
    id: "CONF-150",
    area,
    title: "writeAtomic accepts a string, Blob, ReadableStream and async iterable",
    needs: ["atomicWrite", "read"],
    run: async (ctx) => {
      await ctx.store.writeAtomic("s.txt", "string");
      await ctx.store.writeAtomic("b.bin", new Blob([utf8("blob")]));
      await ctx.store.writeAtomic("r.bin", streamOf([utf8("str"), utf8("eam")]));
      await ctx.store.writeAtomic("i.bin", slowIterable([utf8("iter"), utf8("able")]));
      await expectContent(ctx.store, "s.txt", "string");
      await expectContent(ctx.store, "b.bin", "blob");
      await expectContent(ctx.store, "r.bin", "stream");
      await expectContent(ctx.store, "i.bin", "iterable");
    },
  },
  {
    id: "CONF-151",
    area,
    title: "readers during an atomic overwrite see the whole old content or the whole new one",
    needs: ["atomicWrite", "write", "read"],
    run: async (ctx) => {
      const oldContent = filledBytes(4096, 1);
      const newContent = filledBytes(4096, 2);
      await ctx.store.write("swap.bin", oldContent);
      const seen: (Uint8Array | string)[] = [];
      const between = async (): Promise<void> => {
        seen.push(await observe(ctx.store, "swap.bin"));
      };
      await ctx.store.writeAtomic("swap.bin", slowIterable(chunksOf(newContent, 1024), between), { overwrite: true });
      seen.push(await observe(ctx.store, "swap.bin"));
      for (const [i, view] of seen.entries()) {
        if (!deepEqual(view, oldContent) && !deepEqual(view, newContent)) fail(`read ${i} during the atomic write saw ${show(view)}`);
      }
      await expectContent(ctx.store, "swap.bin", newContent);
    },
  },
  {
    id: "CONF-152",
    area,
    title: "readers during an atomic create see NotFound or the whole new content",
    needs: ["atomicWrite", "read"],
    run: async (ctx) => {
      const content = concat([filledBytes(2048, 7), filledBytes(2048, 8)]);
      const seen: (Uint8Array | string)[] = [];
      const between = async (): Promise<void> => {
        seen.push(await observe(ctx.store, "fresh/new.bin"));
      };
      await ctx.store.writeAtomic("fresh/new.bin", slowIterable(chunksOf(content, 512), between));
      for (const [i, view] of seen.entries()) {
        if (view !== "NOT_FOUND" && !deepEqual(view, content)) fail(`read ${i} during the atomic create saw ${show(view)}`);
      }
      await expectContent(ctx.store, "fresh/new.bin", content);
    },
  },
];
