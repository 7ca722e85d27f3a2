import type { Store } from "../../store/store.js";
import { assert, assertDeepEqual, assertEqual, expectAnyError, expectRejection, labelled, show } from "../assert.js";
import { expectAbsent, expectContent, expectDate, expectStoreFiles } from "./support/checks.js";
import { chunksOf, failingStream, filledBytes, patternBytes, streamOf } from "./support/content.js";
import { expectRefusedBeforeIo, restrictedStore } from "./support/gated-backend.js";
import { plainPart, ref } from "./support/parts.js";
import { captureTree, expectErrorAt, expectTreeUnchanged } from "./support/tree.js";
import { ROOT_SPELLINGS } from "./store-root.js";
import type { ConformanceCase } from "./types.js";

const area = "multipart" as const;

async function usage(store: Store): Promise<[number, number]> {
  const info = await store.getFolderInfo("");
  return [info.fileCount, info.totalSize];
}

async function activeUploads(store: Store): Promise<{ uploadId: string; path: string }[]> {
  const uploads = await store.listMultipartUploads();
  return uploads.map(({ uploadId, path }) => ({ uploadId, path })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** spec/multipart.md MP-001..MP-008: the rules around an upload (bad input, listing, quota, gating, closing). */
export const multipartRuleCases: readonly ConformanceCase[] = [
  {
    id: "CONF-589",
    area,
    title: "uploadPart refuses part numbers 0, -1, 10001, 1.5, NaN and Infinity with InvalidArgument naming the path and stores nothing; 1 and 10000 are fine",
    needs: ["multipart", "read"],
    run: async (ctx) => {
      const upload = await ctx.store.startMultipartUpload("nums.bin");
      const first = await upload.uploadPart(1, "a");
      for (const n of [0, -1, 10_001, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
        await expectErrorAt(() => upload.uploadPart(n, "x"), "INVALID_ARGUMENT", "nums.bin", `uploadPart(${String(n)})`);
      }
      assertDeepEqual((await upload.listParts()).map(plainPart), [plainPart(first)], "listParts after the refused parts");
      await upload.uploadPart(10_000, "z");
      await upload.complete();
      await expectContent(ctx.store, "nums.bin", "az");
    },
  },
  {
    id: "CONF-590",
    area,
    title: "complete refuses an empty list, duplicates, bad numbers, unknown parts and foreign etags with InvalidArgument naming the path; each leaves the upload active and the path empty",
    needs: ["multipart", "read"],
    run: async (ctx) => {
      const upload = await ctx.store.startMultipartUpload("list.bin");
      const one = await upload.uploadPart(1, "a");
      const two = await upload.uploadPart(2, "b");
      const refused: [string, { partNumber: number; etag: string }[]][] = [
        ["an empty list", []],
        ["a duplicated part", [ref(one), ref(one)]],
        ["a duplicated number with another etag", [ref(one), { partNumber: 1, etag: two.etag }]],
        ["an unknown part", [ref(one), { partNumber: 3, etag: two.etag }]],
        ["part number 0", [{ partNumber: 0, etag: one.etag }]],
        ["part number 10001", [{ partNumber: 10_001, etag: one.etag }]],
        ["part number 1.5", [{ partNumber: 1.5, etag: one.etag }]],
        ["another part's etag", [{ partNumber: 2, etag: one.etag }]],
        ["an invented etag", [{ partNumber: 1, etag: `${one.etag}-not` }]],
      ];
      for (const [label, parts] of refused) {
        await expectErrorAt(() => upload.complete(parts), "INVALID_ARGUMENT", "list.bin", `complete with ${label}`);
        await expectAbsent(ctx.store, "list.bin");
      }
      assertDeepEqual((await upload.listParts()).map(plainPart), [one, two].map(plainPart), "listParts after the refusals");
      await upload.complete([ref(two), ref(one)]);
      await expectContent(ctx.store, "list.bin", "ab");
      const empty = await ctx.store.startMultipartUpload("none.bin");
      await expectErrorAt(() => empty.complete(), "INVALID_ARGUMENT", "none.bin", "complete() of an upload without parts");
      await expectAbsent(ctx.store, "none.bin");
      await empty.abort();
    },
  },
  {
    id: "CONF-591",
    area,
    title: "complete with a subset of the parts assembles only those, in part-number order",
    needs: ["multipart", "read"],
    run: async (ctx) => {
      const upload = await ctx.store.startMultipartUpload("subset.txt");
      const a = await upload.uploadPart(1, "a");
      await upload.uploadPart(2, "b");
      const c = await upload.uploadPart(3, "c");
      assertEqual((await upload.complete([ref(c), ref(a)])).size, 2, "WriteResult.size");
      await expectContent(ctx.store, "subset.txt", "ac");
    },
  },
  {
    id: "CONF-592",
    area,
    title: "the assembled file gets the upload's contentType and metadata (or the guessed type); an overwriting upload replaces both",
    needs: ["multipart", "write", "metadata", "userMetadata"],
    run: async (ctx) => {
      const typed = await ctx.store.startMultipartUpload("typed.dat", { contentType: "application/x-thing", metadata: { a: "1", owner: "ann" } });
      await typed.uploadPart(1, "x");
      const result = await typed.complete();
      if (result.contentType !== undefined) assertEqual(result.contentType, "application/x-thing", "WriteResult.contentType");
      if (result.metadata !== undefined) assertDeepEqual(result.metadata, { a: "1", owner: "ann" }, "WriteResult.metadata");
      const info = await ctx.store.getFileInfo("typed.dat");
      assertEqual(info.contentType, "application/x-thing", "contentType");
      assertDeepEqual(info.metadata, { a: "1", owner: "ann" }, "metadata");
      const guessed = await ctx.store.startMultipartUpload("guess.txt");
      await guessed.uploadPart(1, "g");
      await guessed.complete();
      assertEqual((await ctx.store.getFileInfo("guess.txt")).contentType, "text/plain", "guessed contentType");
      await ctx.store.write("meta.json", "{}", { metadata: { old: "1" }, contentType: "application/x-old" });
      const replacing = await ctx.store.startMultipartUpload("meta.json", { overwrite: true });
      await replacing.uploadPart(1, "[]");
      await replacing.complete();
      const replaced = await ctx.store.getFileInfo("meta.json");
      assertEqual(replaced.contentType, "application/json", "contentType after an overwriting upload");
      assertEqual(replaced.metadata, undefined, "metadata after an overwriting upload without metadata");
    },
  },
  {
    id: "CONF-593",
    area,
    title: "startMultipartUpload rejects the root (InvalidPath \"\"), '..' (InvalidPath) and bad option types (TypeError/RangeError), starting nothing",
    needs: ["multipart"],
    run: async (ctx) => {
      const store = ctx.store;
      for (const root of ROOT_SPELLINGS) await expectErrorAt(() => store.startMultipartUpload(root), "INVALID_PATH", "", `start(${JSON.stringify(root)})`);
      await expectRejection(() => store.startMultipartUpload("a/../b.bin"), "INVALID_PATH", "a/../b.bin");
      await expectRejection(() => store.startMultipartUpload(5 as never), "TypeError");
      await expectRejection(() => store.startMultipartUpload("x.bin", "options" as never), "TypeError");
      await expectRejection(() => store.startMultipartUpload("x.bin", { overwrite: "no" as never }), "TypeError");
      await expectRejection(() => store.startMultipartUpload("x.bin", { contentType: 5 as never }), "TypeError");
      await expectRejection(() => store.startMultipartUpload("x.bin", { metadata: "m" as never }), "TypeError");
      await expectRejection(() => store.startMultipartUpload("x.bin", { metadata: { _hidden: "1" } }), ["TypeError", "RangeError"]);
      await expectRejection(() => store.startMultipartUpload("x.bin", { metadata: { k: "v".repeat(2048) } }), "RangeError");
      assertDeepEqual(await activeUploads(store), [], "listMultipartUploads after the refusals");
    },
  },
  {
    id: "CONF-594",
    area,
    title: "an upload onto a folder or below a file is InvalidPath naming the path (at start, or at the latest at completion), changing nothing",
    needs: ["multipart", "write", "read", "list"],
    run: async (ctx) => {
      await ctx.store.write("dir/f.txt", "f");
      const before = await captureTree(ctx.store);
      for (const path of ["dir", "dir/f.txt/below", "dir/f.txt/deep/below"]) {
        const attempt = async (): Promise<void> => {
          const upload = await ctx.store.startMultipartUpload(path, { overwrite: true });
          await upload.uploadPart(1, "x");
          await upload.complete();
        };
        await expectErrorAt(attempt, "INVALID_PATH", path, `upload to ${JSON.stringify(path)}`);
      }
      await expectTreeUnchanged(ctx.store, before, "the store after the refused uploads");
    },
  },
  {
    id: "CONF-595",
    area,
    title: "listMultipartUploads lists the active uploads below the store's root with store-relative paths and startedAt",
    needs: ["multipart"],
    run: async (ctx) => {
      const store = ctx.store;
      assertDeepEqual(await activeUploads(store), [], "uploads of a fresh store");
      const started = ctx.now();
      const a = await store.startMultipartUpload("a.bin");
      const b = await store.startMultipartUpload("sub/b.bin");
      const c = await store.startMultipartUpload("sub-other/c.bin");
      const ended = ctx.now();
      assertDeepEqual(await activeUploads(store), [{ uploadId: a.uploadId, path: "a.bin" }, { uploadId: c.uploadId, path: "sub-other/c.bin" }, { uploadId: b.uploadId, path: "sub/b.bin" }], "uploads");
      for (const upload of await store.listMultipartUploads()) {
        expectDate(upload.startedAt, `startedAt of ${upload.path}`);
        const t = upload.startedAt.getTime();
        const tol = ctx.timestampToleranceMs;
        assert(t >= started - tol && t <= ended + tol, `startedAt of ${upload.path}: ${show(upload.startedAt)} lies outside the calls`);
      }
      const sub = store.child("sub");
      assertDeepEqual(await activeUploads(sub), [{ uploadId: b.uploadId, path: "b.bin" }], "uploads seen by child(sub)");
      const d = await sub.startMultipartUpload("d.bin");
      assertEqual(d.path, "d.bin", "path of an upload started by the child");
      assertDeepEqual((await activeUploads(store)).map((u) => u.path), ["a.bin", "sub-other/c.bin", "sub/b.bin", "sub/d.bin"], "uploads after the child started one");
      await a.uploadPart(1, "a");
      await a.complete();
      await b.abort();
      assertDeepEqual(await activeUploads(store), [{ uploadId: c.uploadId, path: "sub-other/c.bin" }, { uploadId: d.uploadId, path: "sub/d.bin" }], "uploads after one completed and one aborted");
    },
  },
  {
    id: "CONF-596",
    area,
    title: "two uploads to one path are independent: own parts and etags; the second completion without overwrite is AlreadyExists",
    needs: ["multipart", "read"],
    run: async (ctx) => {
      const first = await ctx.store.startMultipartUpload("same.txt");
      const second = await ctx.store.startMultipartUpload("same.txt");
      assert(first.uploadId !== second.uploadId, `both uploads have the id ${show(first.uploadId)}`);
      const mine = await first.uploadPart(1, "one");
      const theirs = await second.uploadPart(1, "two");
      await second.uploadPart(2, "!");
      assertEqual((await first.listParts()).length, 1, "parts of the first upload");
      await expectErrorAt(() => second.complete([{ partNumber: 1, etag: mine.etag }]), "INVALID_ARGUMENT", "same.txt", "complete with another upload's etag");
      await first.complete();
      await expectErrorAt(() => second.complete([ref(theirs)]), "ALREADY_EXISTS", "same.txt", "the second completion");
      await expectContent(ctx.store, "same.txt", "one");
      await second.abort();
      const replacing = await ctx.store.startMultipartUpload("same.txt", { overwrite: true });
      await replacing.uploadPart(1, "four");
      await replacing.complete();
      await expectContent(ctx.store, "same.txt", "four");
    },
  },
  {
    id: "CONF-597",
    area,
    title: "a 768 KiB upload of streamed parts (and a 1-byte last part) reassembles byte for byte",
    needs: ["multipart", "read"],
    run: async (ctx) => {
      const upload = await ctx.store.startMultipartUpload("large.bin");
      const size = 256 * 1024;
      for (let n = 1; n <= 3; n++) await upload.uploadPart(n, streamOf(chunksOf(patternBytes(size, n), 64 * 1024)));
      await upload.uploadPart(4, new Uint8Array([0xff]));
      assertEqual((await upload.complete()).size, 3 * size + 1, "WriteResult.size");
      const bytes = await ctx.store.readBytes("large.bin");
      assertEqual(bytes.length, 3 * size + 1, "size read back");
      for (let n = 1; n <= 3; n++) assertDeepEqual(bytes.subarray((n - 1) * size, n * size), patternBytes(size, n), `part ${n} read back`);
      assertEqual(bytes[3 * size], 0xff, "last byte");
    },
  },
  {
    id: "CONF-598",
    area,
    title: "parts do not count against maxSize; completing over it is QuotaExceeded naming the path (upload stays active); an overwrite counts only the new size",
    needs: ["multipart", "write", "read", "delete", "list", "metadata"],
    traits: ["quota"],
    run: async (ctx) => {
      const store = await ctx.quotaStore(10);
      await store.write("a.bin", filledBytes(8, 1));
      const upload = await store.startMultipartUpload("big.bin");
      const p1 = await upload.uploadPart(1, filledBytes(6, 2));
      await upload.uploadPart(2, filledBytes(6, 3));
      await store.write("b.bin", filledBytes(2, 4));
      assertDeepEqual(await usage(store), [2, 10], "usage with 12 bytes of parts pending");
      await expectErrorAt(() => upload.complete([ref(p1)]), "QUOTA_EXCEEDED", "big.bin", "complete into a full store");
      await expectAbsent(store, "big.bin");
      assertDeepEqual(await usage(store), [2, 10], "usage after the refused completion");
      await store.delete("a.bin");
      await store.delete("b.bin");
      await expectErrorAt(() => upload.complete(), "QUOTA_EXCEEDED", "big.bin", "complete of 12 bytes under a 10-byte limit");
      await upload.complete([ref(p1)]);
      assertDeepEqual(await usage(store), [1, 6], "usage after completing 6 bytes");
      const replacing = await store.startMultipartUpload("big.bin", { overwrite: true });
      await replacing.uploadPart(1, filledBytes(10, 5));
      await replacing.complete();
      assertDeepEqual(await usage(store), [1, 10], "usage after an overwriting upload");
      await expectStoreFiles(store, ["big.bin"]);
    },
  },
  {
    id: "CONF-599",
    area,
    title: "without \"multipart\" the Store refuses startMultipartUpload and listMultipartUploads with CapabilityNotSupported before any I/O",
    needs: ["multipart"],
    run: async (ctx) => {
      const { store, calls } = restrictedStore(ctx, ["multipart"]);
      assertEqual(store.supports("multipart"), false, "supports(multipart) on the restricted store");
      await expectRefusedBeforeIo(() => store.startMultipartUpload("gated.bin"), "multipart", calls, "startMultipartUpload");
      await expectRefusedBeforeIo(() => store.startMultipartUpload("gated.bin", { overwrite: true }), "multipart", calls, "startMultipartUpload(overwrite)");
      await expectRefusedBeforeIo(() => store.listMultipartUploads(), "multipart", calls, "listMultipartUploads");
    },
  },
  {
    id: "CONF-600",
    area,
    title: "in a child store an upload lands below its root; paths in handles, results and errors are child-relative and normalised",
    needs: ["multipart", "write", "read"],
    run: async (ctx) => {
      const child = ctx.store.child("kid");
      const upload = await child.startMultipartUpload("/x//y.bin");
      assertEqual(upload.path, "x/y.bin", "upload.path");
      await upload.uploadPart(1, "y");
      await expectErrorAt(() => upload.uploadPart(0, "y"), "INVALID_ARGUMENT", "x/y.bin", "uploadPart(0) in the child");
      assertEqual((await upload.complete()).path, "x/y.bin", "WriteResult.path");
      await expectContent(ctx.store, "kid/x/y.bin", "y");
      await expectErrorAt(() => upload.listParts(), "NOT_FOUND", "x/y.bin", "listParts after completion");
      await expectErrorAt(() => child.startMultipartUpload("x/y.bin"), "ALREADY_EXISTS", "x/y.bin", "start over an existing file in the child");
    },
  },
  {
    id: "CONF-601",
    area,
    title: "uploadPart and complete reject bad content and part lists (TypeError) and a failing source, storing nothing",
    needs: ["multipart", "read"],
    run: async (ctx) => {
      const upload = await ctx.store.startMultipartUpload("args.bin");
      const part = await upload.uploadPart(1, "a");
      await expectRejection(() => upload.uploadPart(2, 42 as never), "TypeError");
      await expectRejection(() => upload.uploadPart(2, null as never), "TypeError");
      await labelled("uploadPart from a failing stream", () => expectAnyError(() => upload.uploadPart(2, failingStream([patternBytes(10)]))));
      await expectRejection(() => upload.complete("all" as never), "TypeError");
      await expectRejection(() => upload.complete([null] as never), "TypeError");
      await expectRejection(() => upload.complete([{ partNumber: 1 }] as never), "TypeError");
      await expectRejection(() => upload.complete([{ partNumber: 1, etag: 5 }] as never), "TypeError");
      assertDeepEqual((await upload.listParts()).map(plainPart), [plainPart(part)], "listParts after the refusals");
      await expectAbsent(ctx.store, "args.bin");
      await upload.complete();
      await expectContent(ctx.store, "args.bin", "a");
    },
  },
  {
    id: "CONF-602",
    area,
    title: "after the store (and so its backend) is closed, an active upload rejects every call with BackendUnavailable",
    needs: ["multipart"],
    closesBackend: true,
    run: async (ctx) => {
      const upload = await ctx.store.startMultipartUpload("p.bin");
      await upload.uploadPart(1, "p");
      await ctx.store.close();
      for (const [name, call] of [
        ["uploadPart", () => upload.uploadPart(2, "x")],
        ["listParts", () => upload.listParts()],
        ["complete", () => upload.complete()],
        ["abort", () => upload.abort()],
      ] as const) {
        await labelled(`upload of a closed store: ${name}`, () => expectRejection(call, "BACKEND_UNAVAILABLE"));
      }
    },
  },
  {
    id: "CONF-603",
    area,
    title: "an upload started by a child store rejects every call with BackendUnavailable once that child is closed, though the backend stays open",
    needs: ["multipart", "read"],
    run: async (ctx) => {
      const child = ctx.store.child("kid");
      const upload = await child.startMultipartUpload("c.bin");
      await upload.uploadPart(1, "c");
      await child.close();
      for (const [name, call] of [
        ["uploadPart", () => upload.uploadPart(2, "x")],
        ["listParts", () => upload.listParts()],
        ["complete", () => upload.complete()],
        ["abort", () => upload.abort()],
      ] as const) {
        await labelled(`upload of a closed child store: ${name}`, () => expectRejection(call, "BACKEND_UNAVAILABLE"));
      }
      await expectAbsent(ctx.store, "kid/c.bin");
      const fresh = await ctx.store.startMultipartUpload("kid/c.bin");
      await fresh.uploadPart(1, "parent");
      await fresh.complete();
      await expectContent(ctx.store, "kid/c.bin", "parent");
    },
  },
];
