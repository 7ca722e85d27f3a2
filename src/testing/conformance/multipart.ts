import { assert, assertDeepEqual, assertEqual, expectRejection, labelled, show } from "../assert.js";
import { expectAbsent, expectContent, expectFrozen, expectStoreFiles, expectStoreFolders, pathsOf } from "./support/checks.js";
import { chunksOf, concat, patternBytes, streamOf, utf8 } from "./support/content.js";
import { expectPart, plainPart, ref } from "./support/parts.js";
import { expectErrorAt } from "./support/tree.js";
import { multipartRuleCases } from "./multipart-rules.js";
import type { ConformanceCase } from "./types.js";

const area = "multipart" as const;

async function* asyncChunks(chunks: readonly (Uint8Array | string)[]): AsyncGenerator<Uint8Array | string> {
  for (const chunk of chunks) {
    await Promise.resolve();
    yield chunk;
  }
}

/** spec/multipart.md MP-001..MP-008: the life of an upload. */
export const multipartCases: readonly ConformanceCase[] = [
  {
    id: "CONF-580",
    area,
    title: "an upload started, given parts and completed writes their bytes to its path and returns a frozen WriteResult",
    needs: ["multipart", "read"],
    run: async (ctx) => {
      const upload = await ctx.store.startMultipartUpload("up/file.bin");
      assert(typeof upload.uploadId === "string" && upload.uploadId.length > 0, `uploadId: expected a non-empty string, got ${show(upload.uploadId)}`);
      assertEqual(upload.path, "up/file.bin", "upload.path");
      const first = await upload.uploadPart(1, patternBytes(100, 0));
      const second = await upload.uploadPart(2, patternBytes(50, 100));
      expectPart(first, 1, 100, "part 1");
      expectPart(second, 2, 50, "part 2");
      assert(first.etag !== second.etag, `parts 1 and 2 share the etag ${show(first.etag)}`);
      const result = await upload.complete();
      expectFrozen(result, "WriteResult");
      assertEqual(result.path, "up/file.bin", "WriteResult.path");
      assertEqual(result.size, 150, "WriteResult.size");
      await expectContent(ctx.store, "up/file.bin", patternBytes(150));
      assertEqual(await ctx.store.isFolder("up"), true, 'isFolder("up") after completion');
    },
  },
  {
    id: "CONF-581",
    area,
    title: "parts may arrive in any order (also concurrently) with gaps in their numbers; complete assembles them in part-number order whatever the order of its list",
    needs: ["multipart", "read"],
    run: async (ctx) => {
      const upload = await ctx.store.startMultipartUpload("order.txt");
      const three = await upload.uploadPart(3, "ccc");
      const one = await upload.uploadPart(1, "a");
      const last = await upload.uploadPart(10_000, "zz");
      const two = await upload.uploadPart(2, "bb");
      await upload.complete([ref(three), ref(last), ref(one), ref(two)]);
      await expectContent(ctx.store, "order.txt", "abbccczz");
      const parallel = await ctx.store.startMultipartUpload("parallel.bin");
      const pieces = chunksOf(patternBytes(8 * 1000), 1000);
      await Promise.all(pieces.map((piece, i) => parallel.uploadPart(pieces.length - i, piece)).reverse());
      await parallel.complete();
      await expectContent(ctx.store, "parallel.bin", concat([...pieces].reverse()));
    },
  },
  {
    id: "CONF-582",
    area,
    title: "listParts lists the current parts in part-number order, as uploadPart reported them",
    needs: ["multipart"],
    run: async (ctx) => {
      const upload = await ctx.store.startMultipartUpload("parts.bin");
      assertDeepEqual(await upload.listParts(), [], "listParts of a new upload");
      const uploaded = [await upload.uploadPart(7, "seven!!"), await upload.uploadPart(2, "2"), await upload.uploadPart(5, "fiv")];
      const listed = await upload.listParts();
      const [seven, two, five] = uploaded.map(plainPart);
      assertDeepEqual(listed.map(plainPart), [two, five, seven], "listParts");
      assertEqual(new Set(listed.map((p) => p.etag)).size, 3, "distinct etags");
      await upload.abort();
    },
  },
  {
    id: "CONF-583",
    area,
    title: "uploadPart takes every write content (bytes, views, ArrayBuffer, string, Blob, stream, iterables) and reports its byte size",
    needs: ["multipart", "read"],
    run: async (ctx) => {
      const upload = await ctx.store.startMultipartUpload("kinds.bin");
      const view = new Uint8Array(patternBytes(16).buffer, 4, 6);
      const sources: [string, () => unknown, Uint8Array][] = [
        ["Uint8Array", () => patternBytes(10), patternBytes(10)],
        ["a view", () => view, patternBytes(6, 4)],
        ["ArrayBuffer", () => patternBytes(5, 20).buffer, patternBytes(5, 20)],
        ["string", () => "ü漢😀", utf8("ü漢😀")],
        ["Blob", () => new Blob([utf8("blob"), patternBytes(3)]), concat([utf8("blob"), patternBytes(3)])],
        ["ReadableStream", () => streamOf(chunksOf(patternBytes(300), 64)), patternBytes(300)],
        ["async iterable", () => asyncChunks(["as", patternBytes(2)]), concat([utf8("as"), patternBytes(2)])],
        ["iterable", () => [utf8("it"), "er"], utf8("iter")],
      ];
      for (const [i, [label, make, bytes]] of sources.entries()) {
        const part = await labelled(label, () => upload.uploadPart(i + 1, make() as never));
        expectPart(part, i + 1, bytes.length, `part from ${label}`);
      }
      await upload.complete();
      await expectContent(ctx.store, "kinds.bin", concat(sources.map(([, , bytes]) => bytes)));
    },
  },
  {
    id: "CONF-584",
    area,
    title: "re-uploading a part replaces it with a new etag; completing with the stale etag is InvalidArgument naming the path, changing nothing",
    needs: ["multipart", "read"],
    run: async (ctx) => {
      const upload = await ctx.store.startMultipartUpload("re.txt");
      const old = await upload.uploadPart(1, "old-1");
      const two = await upload.uploadPart(2, "two");
      const fresh = await upload.uploadPart(1, "new-one");
      assert(fresh.etag !== old.etag, `the re-uploaded part kept the etag ${show(old.etag)}`);
      expectPart(fresh, 1, 7, "the re-uploaded part");
      assertDeepEqual((await upload.listParts()).map(plainPart), [fresh, two].map(plainPart), "listParts after the re-upload");
      await expectErrorAt(() => upload.complete([ref(old), ref(two)]), "INVALID_ARGUMENT", "re.txt", "complete with a stale etag");
      await expectAbsent(ctx.store, "re.txt");
      await upload.complete([ref(two), ref(fresh)]);
      await expectContent(ctx.store, "re.txt", "new-onetwo");
    },
  },
  {
    id: "CONF-585",
    area,
    title: "nothing is visible until complete: no file, no folder, nothing listed or readable",
    needs: ["multipart", "read", "list", "metadata"],
    run: async (ctx) => {
      const top = await ctx.store.startMultipartUpload("hidden.bin");
      const nested = await ctx.store.startMultipartUpload("deep/er/x.bin");
      await top.uploadPart(1, patternBytes(10));
      await top.uploadPart(2, patternBytes(10, 10));
      await nested.uploadPart(1, "n");
      for (const path of ["hidden.bin", "deep/er/x.bin", "deep"]) {
        assertEqual(await ctx.store.exists(path), false, `exists(${JSON.stringify(path)}) before completion`);
        assertEqual(await ctx.store.isFile(path), false, `isFile(${JSON.stringify(path)}) before completion`);
      }
      await expectErrorAt(() => ctx.store.readBytes("hidden.bin"), "NOT_FOUND", "hidden.bin", "readBytes before completion");
      await expectErrorAt(() => ctx.store.getFileInfo("deep/er/x.bin"), "NOT_FOUND", "deep/er/x.bin", "getFileInfo before completion");
      await expectStoreFiles(ctx.store, [], "files before completion");
      await expectStoreFolders(ctx.store, [], "folders before completion");
      assertDeepEqual(await pathsOf(ctx.store.iterChildren("")), [], "iterChildren before completion");
      assertDeepEqual(await pathsOf(ctx.store.glob("**")), [], "glob before completion");
      const info = await ctx.store.getFolderInfo("");
      assertDeepEqual([info.fileCount, info.totalSize], [0, 0], "root counts before completion");
      await top.complete();
      await expectStoreFiles(ctx.store, ["hidden.bin"], "files after completing one upload");
      await expectContent(ctx.store, "hidden.bin", patternBytes(20));
    },
  },
  {
    id: "CONF-586",
    area,
    title: "the overwrite rule of write: an existing file is AlreadyExists at start and at completion (the upload stays active); overwrite replaces it",
    needs: ["multipart", "write", "read"],
    run: async (ctx) => {
      await ctx.store.write("exists.txt", "old");
      await expectErrorAt(() => ctx.store.startMultipartUpload("exists.txt"), "ALREADY_EXISTS", "exists.txt", "start over an existing file");
      const later = await ctx.store.startMultipartUpload("later.txt");
      const part = await later.uploadPart(1, "mine");
      await ctx.store.write("later.txt", "someone else");
      await expectErrorAt(() => later.complete(), "ALREADY_EXISTS", "later.txt", "complete over a file written meanwhile");
      await expectContent(ctx.store, "later.txt", "someone else");
      assertDeepEqual((await later.listParts()).map((p) => p.etag), [part.etag], "listParts after the refused completion");
      await later.abort();
      const replacing = await ctx.store.startMultipartUpload("exists.txt", { overwrite: true });
      await replacing.uploadPart(1, "replaced");
      assertEqual((await replacing.complete()).size, 8, "WriteResult.size of the overwrite");
      await expectContent(ctx.store, "exists.txt", "replaced");
    },
  },
  {
    id: "CONF-587",
    area,
    title: "abort discards the upload and its parts; the path can be uploaded to again",
    needs: ["multipart", "read", "list"],
    run: async (ctx) => {
      const upload = await ctx.store.startMultipartUpload("ab/x.bin");
      await upload.uploadPart(1, patternBytes(10));
      await upload.uploadPart(2, patternBytes(10));
      assertEqual(await upload.abort(), undefined, "abort result");
      await expectAbsent(ctx.store, "ab/x.bin");
      await expectStoreFiles(ctx.store, []);
      await expectStoreFolders(ctx.store, []);
      const ids = (await ctx.store.listMultipartUploads()).map((u) => u.uploadId);
      assert(!ids.includes(upload.uploadId), `listMultipartUploads still lists the aborted upload ${upload.uploadId}`);
      const again = await ctx.store.startMultipartUpload("ab/x.bin");
      await again.uploadPart(2, "only");
      await again.complete();
      await expectContent(ctx.store, "ab/x.bin", "only");
    },
  },
  {
    id: "CONF-588",
    area,
    title: "a completed or aborted upload rejects every further call with NotFound naming its path",
    needs: ["multipart", "read"],
    run: async (ctx) => {
      const done = await ctx.store.startMultipartUpload("/done//d.txt");
      const part = await done.uploadPart(1, "x");
      await done.complete();
      const gone = await ctx.store.startMultipartUpload("gone.txt");
      const gonePart = await gone.uploadPart(1, "y");
      await gone.abort();
      for (const [upload, path, etag] of [[done, "done/d.txt", part.etag], [gone, "gone.txt", gonePart.etag]] as const) {
        const calls: [string, () => Promise<unknown>][] = [
          ["uploadPart(2)", () => upload.uploadPart(2, "more")],
          ["uploadPart(1)", () => upload.uploadPart(1, "again")],
          ["listParts", () => upload.listParts()],
          ["complete()", () => upload.complete()],
          ["complete([part])", () => upload.complete([{ partNumber: 1, etag }])],
          ["abort", () => upload.abort()],
        ];
        for (const [name, call] of calls) await labelled(`${path}: ${name}`, () => expectRejection(call, "NOT_FOUND", path));
      }
      await expectContent(ctx.store, "done/d.txt", "x");
      await expectAbsent(ctx.store, "gone.txt");
    },
  },
  ...multipartRuleCases,
];
