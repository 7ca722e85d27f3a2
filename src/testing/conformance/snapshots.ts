import { MemoryBackend } from "../../backends/memory/index.js";
import { exportTree, importTree, type Snapshot, type SnapshotFile } from "../../snapshot/index.js";
import { Store } from "../../store/store.js";
import { assert, assertDeepEqual, assertEqual, show } from "../assert.js";
import { expectContent, expectStoreFiles } from "./support/checks.js";
import { concat, patternBytes, utf8 } from "./support/content.js";
import { restrictedStore } from "./support/gated-backend.js";
import { snapshotRuleCases } from "./snapshots-rules.js";
import type { ConformanceCase } from "./types.js";

const area = "snapshots" as const;
const FORMAT = "remote-store-snapshot";

/** Independent base64 (via `btoa`) of `bytes`, to check exported `base64` fields. */
function base64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The snapshot with every file's `modifiedAt` removed (for backends that cannot keep times). */
function withoutTimes(snapshot: Snapshot): unknown {
  return { ...snapshot, entries: snapshot.entries.map((entry) => (entry.kind === "file" ? { ...entry, modifiedAt: undefined } : entry)) };
}

/** Compares an import's export with the snapshot: exactly when the store keeps times (`setModifiedAt`), else without times. */
function expectSameTree(store: Store, actual: Snapshot, expected: Snapshot, label: string): void {
  if (store.supports("setModifiedAt")) assertDeepEqual(actual, expected, label);
  else assertDeepEqual(withoutTimes(actual), withoutTimes(expected), `${label} (modification times aside: no setModifiedAt)`);
}

function fileEntry(snapshot: Snapshot, path: string): SnapshotFile {
  const entry = snapshot.entries.find((e) => e.path === path);
  assert(entry !== undefined && entry.kind === "file", `the snapshot has no file entry ${JSON.stringify(path)}: ${show(snapshot.entries.map((e) => e.path))}`);
  return entry;
}

/** spec/snapshots.md SNAP-001..SNAP-013: exportTree / importTree round trips. */
export const snapshotCases: readonly ConformanceCase[] = [
  {
    id: "CONF-620",
    area,
    title: "exportTree gives a JSON-serialisable { format, version: 1, entries } with every folder and file, in code point order of paths",
    needs: ["write", "read", "list"],
    run: async (ctx) => {
      const names = ["Z.txt", "a.txt", "é.txt", "\uFF5E.txt", "😀.txt", "a/b-c.txt", "a/b.txt", "a/b/x.txt"];
      for (const name of [...names].reverse()) await ctx.store.write(name, name);
      const snapshot = await exportTree(ctx.store);
      assertEqual(snapshot.format, FORMAT, "format");
      assertEqual(snapshot.version, 1, "version");
      assertDeepEqual(snapshot.entries.map((e) => e.path), ["Z.txt", "a", "a.txt", "a/b", "a/b-c.txt", "a/b.txt", "a/b/x.txt", "é.txt", "\uFF5E.txt", "😀.txt"], "entry paths");
      assertDeepEqual(snapshot.entries.find((e) => e.path === "a/b"), { kind: "folder", path: "a/b" }, "a folder entry");
      const listed = await ctx.store.listFiles("", { recursive: true }).toArray();
      for (const file of listed) {
        const entry = fileEntry(snapshot, file.path);
        assertDeepEqual(entry, { kind: "file", path: file.path, text: file.path, contentType: file.contentType, metadata: file.metadata, modifiedAt: file.modifiedAt.toISOString() }, `entry of ${file.path}`);
        assert(!("base64" in entry), `entry of ${file.path} has a base64 field besides its text`);
      }
      assertDeepEqual(JSON.parse(JSON.stringify(snapshot)), snapshot, "the snapshot after a JSON round trip");
    },
  },
  {
    id: "CONF-621",
    area,
    title: "exportTree(store, path) covers only that folder, with paths relative to it; a missing folder or an empty store gives no entries",
    needs: ["write", "read", "list"],
    run: async (ctx) => {
      assertDeepEqual((await exportTree(ctx.store)).entries, [], "entries of an empty store");
      await ctx.store.write("sub/x/a.txt", "a");
      await ctx.store.write("sub/b.txt", "b");
      await ctx.store.write("sub-other/c.txt", "c");
      await ctx.store.write("top.txt", "t");
      const snapshot = await exportTree(ctx.store, "/sub//");
      assertDeepEqual(snapshot.entries.map((e) => e.path), ["b.txt", "x", "x/a.txt"], "entry paths of exportTree(sub)");
      assertEqual(fileEntry(snapshot, "x/a.txt").text, "a", "text of x/a.txt");
      assertDeepEqual((await exportTree(ctx.store, "missing")).entries, [], "entries of a missing folder");
      assertDeepEqual((await exportTree(ctx.store.child("sub"))).entries, snapshot.entries, "exportTree of child(sub)");
    },
  },
  {
    id: "CONF-622",
    area,
    title: "importTree(exportTree(...)) reproduces the tree: into another folder, into a memory store and back (times kept with setModifiedAt)",
    needs: ["write", "read", "list"],
    run: async (ctx) => {
      await ctx.store.write("t/readme.md", "# hi\n", { contentType: "text/markdown" });
      await ctx.store.write("t/bin/data.bin", patternBytes(300));
      await ctx.store.write("t/bin/deeper/empty.txt", "");
      await ctx.store.write("t/x.custom", "x", { contentType: "application/x-custom" });
      const original = await exportTree(ctx.store, "t");
      await importTree(ctx.store, original, { into: "copy" });
      expectSameTree(ctx.store, await exportTree(ctx.store, "copy"), original, "exportTree of the imported copy");
      await expectContent(ctx.store, "copy/bin/data.bin", patternBytes(300));
      const memory = new Store({ backend: new MemoryBackend() });
      try {
        await importTree(memory, original);
        assertDeepEqual(await exportTree(memory), original, "exportTree of a memory store after importing the snapshot");
        await importTree(ctx.store, await exportTree(memory), { into: "back" });
      } finally {
        await memory.close();
      }
      expectSameTree(ctx.store, await exportTree(ctx.store, "back"), original, "exportTree after backend → memory → backend");
      expectSameTree(ctx.store, await exportTree(ctx.store, "t"), original, "the exported folder itself");
    },
  },
  {
    id: "CONF-623",
    area,
    title: "empty folders round-trip, and `into` is created even for a snapshot without entries",
    needs: ["createFolder", "write", "read", "list"],
    run: async (ctx) => {
      await ctx.store.createFolder("e/empty");
      await ctx.store.createFolder("e/a/b/c");
      await ctx.store.write("e/a/f.txt", "f");
      const snapshot = await exportTree(ctx.store, "e");
      assertDeepEqual(snapshot.entries.map((e) => e.path), ["a", "a/b", "a/b/c", "a/f.txt", "empty"], "entry paths");
      await importTree(ctx.store, snapshot, { into: "copy/here" });
      expectSameTree(ctx.store, await exportTree(ctx.store, "copy/here"), snapshot, "the imported copy");
      assertEqual(await ctx.store.isFolder("copy/here/a/b/c"), true, "isFolder of an imported empty folder");
      const handMade = { format: FORMAT, version: 1, entries: [{ kind: "folder", path: "only/empty" }] };
      await importTree(ctx.store, handMade, { into: "hand" });
      assertDeepEqual((await exportTree(ctx.store, "hand")).entries, [{ kind: "folder", path: "only" }, { kind: "folder", path: "only/empty" }], "a hand-made folder-only snapshot");
      await importTree(ctx.store, { format: FORMAT, version: 1, entries: [] }, { into: "made/by/into" });
      assertEqual(await ctx.store.isFolder("made/by/into"), true, "isFolder of `into` after importing no entries");
    },
  },
  {
    id: "CONF-624",
    area,
    title: "valid UTF-8 exports as text (BOM, NUL, emoji, empty), anything else as padded base64; both import byte for byte",
    needs: ["write", "read", "list"],
    run: async (ctx) => {
      const texts: Record<string, Uint8Array> = {
        "bom.txt": utf8("\uFEFFbom"),
        "nul.txt": new Uint8Array([0x61, 0x00, 0x62]),
        "emoji.txt": utf8("😀 ü 漢"),
        "empty.txt": new Uint8Array(0),
      };
      const binaries: Record<string, Uint8Array> = {
        "lone.bin": new Uint8Array([0xc3]),
        "overlong.bin": new Uint8Array([0xc0, 0xaf]),
        "surrogate.bin": new Uint8Array([0xed, 0xa0, 0x80]),
        "all.bin": patternBytes(256),
        "tail.bin": concat([utf8("ok"), new Uint8Array([0xff])]),
      };
      for (const [path, bytes] of Object.entries({ ...texts, ...binaries })) await ctx.store.write(`b/${path}`, bytes);
      const snapshot = await exportTree(ctx.store, "b");
      for (const [path, bytes] of Object.entries(texts)) {
        const entry = fileEntry(snapshot, path);
        assertEqual(entry.text, new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes), `text of ${path}`);
        assertEqual(entry.base64, undefined, `base64 of ${path}`);
      }
      for (const [path, bytes] of Object.entries(binaries)) {
        const entry = fileEntry(snapshot, path);
        assertEqual(entry.base64, base64(bytes), `base64 of ${path}`);
        assertEqual(entry.text, undefined, `text of ${path}`);
      }
      assertEqual(fileEntry(snapshot, "surrogate.bin").base64, "7aCA", "base64 of ED A0 80");
      assertEqual(fileEntry(snapshot, "lone.bin").base64, "ww==", "base64 of C3");
      await importTree(ctx.store, JSON.parse(JSON.stringify(snapshot)) as unknown, { into: "copy" });
      for (const [path, bytes] of Object.entries({ ...texts, ...binaries })) await expectContent(ctx.store, `copy/${path}`, bytes);
    },
  },
  {
    id: "CONF-625",
    area,
    title: "with setModifiedAt an import keeps the snapshot's modification times exactly",
    needs: ["setModifiedAt", "write", "read", "list"],
    run: async (ctx) => {
      const snapshot = {
        format: FORMAT,
        version: 1,
        entries: [
          { kind: "file", path: "old.txt", text: "old", contentType: "text/plain", modifiedAt: "2001-02-03T04:05:06.789Z" },
          { kind: "folder", path: "sub" },
          { kind: "file", path: "sub/older.bin", base64: "/wD+", contentType: "application/octet-stream", modifiedAt: "1999-12-31T23:59:59.000Z" },
        ],
      };
      await importTree(ctx.store, snapshot);
      assertDeepEqual(await exportTree(ctx.store), snapshot, "exportTree after importing");
      const listed = await ctx.store.listFiles("", { recursive: true }).toArray();
      assertDeepEqual(listed.map((f) => f.modifiedAt.toISOString()), ["2001-02-03T04:05:06.789Z", "1999-12-31T23:59:59.000Z"], "listed modifiedAt");
    },
  },
  {
    id: "CONF-626",
    area,
    title: "without setModifiedAt an import stamps the time of the import (and still reproduces everything else)",
    needs: ["write", "read", "list"],
    run: async (ctx) => {
      const { store } = restrictedStore(ctx, ["setModifiedAt"]);
      const snapshot = { format: FORMAT, version: 1, entries: [{ kind: "file", path: "stamped.txt", text: "s", contentType: "text/plain", modifiedAt: "2001-02-03T04:05:06.789Z" }] } as const;
      const started = ctx.now();
      await importTree(store, snapshot);
      const ended = ctx.now();
      const [file] = await store.listFiles("").toArray();
      const t = file?.modifiedAt.getTime() ?? Number.NaN;
      const tol = ctx.timestampToleranceMs;
      assert(t >= started - tol && t <= ended + tol, `modifiedAt of the imported file: expected the time of the import, got ${show(file?.modifiedAt)}`);
      assertDeepEqual(withoutTimes(await exportTree(store)), withoutTimes(snapshot), "exportTree after importing");
    },
  },
  {
    id: "CONF-627",
    area,
    title: "content types and metadata round-trip; a file without metadata has no metadata field",
    needs: ["write", "read", "list", "userMetadata"],
    run: async (ctx) => {
      await ctx.store.write("m/with.txt", "w", { metadata: { owner: "ann", "x-n": "1" }, contentType: "application/x-w" });
      await ctx.store.write("m/without.json", "{}");
      const snapshot = await exportTree(ctx.store, "m");
      assertDeepEqual(fileEntry(snapshot, "with.txt").metadata, { owner: "ann", "x-n": "1" }, "metadata of with.txt");
      assertEqual(fileEntry(snapshot, "with.txt").contentType, "application/x-w", "contentType of with.txt");
      assert(!("metadata" in fileEntry(snapshot, "without.json")), "the entry of a file without metadata has a metadata field");
      assertEqual(fileEntry(snapshot, "without.json").contentType, "application/json", "contentType of without.json");
      await importTree(ctx.store, snapshot, { into: "copy" });
      expectSameTree(ctx.store, await exportTree(ctx.store, "copy"), snapshot, "the imported copy");
      const [withInfo] = await ctx.store.listFiles("copy").toArray();
      assertDeepEqual(withInfo?.metadata, { owner: "ann", "x-n": "1" }, "listed metadata of the imported copy");
      await expectStoreFiles(ctx.store, ["copy/with.txt", "copy/without.json", "m/with.txt", "m/without.json"]);
    },
  },
  ...snapshotRuleCases,
];
