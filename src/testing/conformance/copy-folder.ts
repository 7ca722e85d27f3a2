import { assert, assertDeepEqual, assertEqual, expectRejection, show } from "../assert.js";
import { expectAbsent, expectContent, expectStoreFiles, expectStoreFolders } from "./support/checks.js";
import { patternBytes, waitPast } from "./support/content.js";
import { fallbackCase, scenarioCase, type FolderScenario } from "./support/folder-scenarios.js";
import { captureTree, expectErrorAt, expectTreeUnchanged, seedStore, withoutTimes } from "./support/tree.js";
import { copyFolderExtraCases } from "./copy-folder-extra.js";
import { ROOT_SPELLINGS } from "./store-root.js";
import type { ConformanceCase } from "./types.js";

const area = "copy-folder" as const;

/** What the Store's file-by-file fallback needs (FOLD-030), plus writing and reading to seed and check. */
const NEEDS = ["write", "read", "list", "copy"] as const;

/** spec/folders.md FOLD-010..FOLD-014 for `copyFolder`, as scenarios (re-run through the fallback by CONF-568, CONF-569). */
export const copyFolderScenarios: readonly FolderScenario[] = [
  {
    id: "CONF-550",
    title: "copyFolder copies every file at every depth to the destination (creating its parents) and leaves the source unchanged",
    needs: [...NEEDS],
    run: async (store) => {
      await seedStore(store, { "src/a.txt": "a", "src/sub/b.txt": "bb", "src/sub/deep/c.bin": patternBytes(300) });
      const source = await captureTree(store, "src");
      assertEqual(await store.copyFolder("src", "new/parent/dst"), undefined, "copyFolder result");
      await expectTreeUnchanged(store, source, "the source after the copy", "src");
      assertDeepEqual(withoutTimes(await captureTree(store, "new/parent/dst")), withoutTimes(source), "the copy (paths, bytes, content types, metadata)");
      assertEqual(await store.isFolder("new/parent"), true, 'isFolder("new/parent")');
      await expectStoreFiles(store, ["new/parent/dst/a.txt", "new/parent/dst/sub/b.txt", "new/parent/dst/sub/deep/c.bin", "src/a.txt", "src/sub/b.txt", "src/sub/deep/c.bin"]);
    },
  },
  {
    id: "CONF-551",
    title: "copyFolder keeps every file's content type and metadata and stamps new modification times; the sources keep theirs",
    needs: [...NEEDS, "metadata", "userMetadata"],
    run: async (store, ctx) => {
      await store.write("m/doc.txt", "doc", { contentType: "application/x-custom", metadata: { owner: "ann", "x-tag": "1" } });
      await store.write("m/sub/img.bin", patternBytes(64), { contentType: "image/png", metadata: { k: "v" } });
      await store.write("m/sub/plain.json", "{}");
      const names = ["doc.txt", "sub/img.bin", "sub/plain.json"];
      const sources = await Promise.all(names.map((name) => store.getFileInfo(`m/${name}`)));
      await waitPast(new Date(Math.max(...sources.map((info) => info.modifiedAt.getTime()))), ctx.timestampToleranceMs);
      const started = Date.now();
      await store.copyFolder("m", "copied/m2");
      const ended = Date.now();
      const tol = ctx.timestampToleranceMs;
      for (const [i, name] of names.entries()) {
        const source = sources[i];
        const copy = await store.getFileInfo(`copied/m2/${name}`);
        assertEqual(copy.size, source?.size, `size of ${name}`);
        assertEqual(copy.contentType, source?.contentType, `contentType of ${name}`);
        assertDeepEqual(copy.metadata, source?.metadata, `metadata of ${name}`);
        const t = copy.modifiedAt.getTime();
        assert(t >= started - tol && t <= ended + tol, `modifiedAt of the copy of ${name}: expected a time between ${new Date(started - tol).toISOString()} and ${new Date(ended + tol).toISOString()}, got ${show(copy.modifiedAt)}`);
        assertEqual((await store.getFileInfo(`m/${name}`)).modifiedAt.getTime(), source?.modifiedAt.getTime(), `modifiedAt of the source ${name}`);
      }
    },
  },
  {
    id: "CONF-552",
    title: "empty subfolders are copied too",
    needs: [...NEEDS, "createFolder"],
    run: async (store) => {
      await store.createFolder("e/empty");
      await store.createFolder("e/a/empty2");
      await store.write("e/a/f.txt", "f");
      const source = await captureTree(store, "e");
      assertDeepEqual(source.folders, ["a", "a/empty2", "empty"], "folders before the copy");
      await store.copyFolder("e", "e2");
      assertDeepEqual(withoutTimes(await captureTree(store, "e2")), withoutTimes(source), "the copy");
      await expectTreeUnchanged(store, source, "the source after the copy", "e");
    },
  },
  {
    id: "CONF-553",
    title: "an empty folder can be copied",
    needs: [...NEEDS, "createFolder"],
    run: async (store) => {
      await store.createFolder("lonely");
      await store.copyFolder("lonely", "copied/lonely");
      assertEqual(await store.isFolder("copied/lonely"), true, 'isFolder("copied/lonely")');
      assertEqual(await store.isFolder("lonely"), true, 'isFolder("lonely")');
      await expectStoreFolders(store, ["copied", "copied/lonely", "lonely"]);
      await expectStoreFiles(store, []);
    },
  },
  {
    id: "CONF-554",
    title: "every root spelling as source or destination is InvalidPath with path \"\", with or without overwrite; nothing changes",
    needs: [...NEEDS],
    run: async (store) => {
      await seedStore(store, { "r/a.txt": "a" });
      const before = await captureTree(store);
      for (const root of ROOT_SPELLINGS) {
        for (const overwrite of [false, true]) {
          await expectErrorAt(() => store.copyFolder(root, "r2", { overwrite }), "INVALID_PATH", "", `copyFolder(${JSON.stringify(root)}, "r2", overwrite ${overwrite})`);
          await expectErrorAt(() => store.copyFolder("r", root, { overwrite }), "INVALID_PATH", "", `copyFolder("r", ${JSON.stringify(root)}, overwrite ${overwrite})`);
        }
      }
      await expectTreeUnchanged(store, before, "the store after the refused copies");
    },
  },
  {
    id: "CONF-555",
    title: "copying a folder into itself or onto one of its ancestors is InvalidPath naming the destination; nothing changes",
    needs: [...NEEDS],
    run: async (store) => {
      await seedStore(store, { "s/a.txt": "a", "s/sub/b.txt": "b" });
      const before = await captureTree(store);
      const attempts: [string, string, string][] = [
        ["s", "s/inner", "s/inner"],
        ["s", "s/sub/deeper", "s/sub/deeper"],
        ["/s/", "s//copy/", "s/copy"],
        ["s/sub", "s", "s"],
      ];
      for (const [src, dst, path] of attempts) {
        for (const overwrite of [false, true]) {
          await expectErrorAt(() => store.copyFolder(src, dst, { overwrite }), "INVALID_PATH", path, `copyFolder(${JSON.stringify(src)}, ${JSON.stringify(dst)}, overwrite ${overwrite})`);
        }
      }
      await expectTreeUnchanged(store, before, "the store after the refused copies");
    },
  },
  {
    id: "CONF-556",
    title: "copying a folder onto itself is a no-op; a missing one is NotFound and a file InvalidPath, naming it",
    needs: [...NEEDS],
    run: async (store) => {
      await seedStore(store, { "same/a.txt": "a", "file.txt": "f" });
      const before = await captureTree(store);
      await store.copyFolder("same", "same");
      await store.copyFolder("same", "/same//", { overwrite: true });
      await expectTreeUnchanged(store, before, "the store after copying a folder onto itself");
      for (const overwrite of [false, true]) {
        await expectErrorAt(() => store.copyFolder("ghost", "ghost", { overwrite }), "NOT_FOUND", "ghost", `copyFolder("ghost", "ghost", overwrite ${overwrite})`);
        await expectErrorAt(() => store.copyFolder("file.txt", "file.txt", { overwrite }), "INVALID_PATH", "file.txt", `copyFolder("file.txt", "file.txt", overwrite ${overwrite})`);
      }
      await expectTreeUnchanged(store, before, "the store after the refused copies");
    },
  },
  {
    id: "CONF-557",
    title: "a missing source is NotFound and a file source InvalidPath, naming the source before any destination check; nothing changes",
    needs: [...NEEDS],
    run: async (store) => {
      await seedStore(store, { "dstdir/x.txt": "x", "blocker.txt": "b", "f.txt": "f" });
      const before = await captureTree(store);
      for (const overwrite of [false, true]) {
        for (const dst of ["new", "dstdir", "blocker.txt", "blocker.txt/below"]) {
          await expectErrorAt(() => store.copyFolder("missing", dst, { overwrite }), "NOT_FOUND", "missing", `copyFolder("missing", ${JSON.stringify(dst)}, overwrite ${overwrite})`);
          await expectErrorAt(() => store.copyFolder("f.txt", dst, { overwrite }), "INVALID_PATH", "f.txt", `copyFolder("f.txt", ${JSON.stringify(dst)}, overwrite ${overwrite})`);
        }
        await expectErrorAt(() => store.copyFolder("blocker.txt/below", "new", { overwrite }), "NOT_FOUND", "blocker.txt/below", `copyFolder("blocker.txt/below", "new", overwrite ${overwrite})`);
      }
      await expectTreeUnchanged(store, before, "the store after the refused copies");
    },
  },
  {
    id: "CONF-558",
    title: "a file at the destination or in place of a destination parent is InvalidPath naming the destination; nothing is copied",
    needs: [...NEEDS],
    run: async (store) => {
      await seedStore(store, { "s/a.txt": "a", "s/b/c.txt": "c", "target.txt": "t" });
      const before = await captureTree(store);
      for (const overwrite of [false, true]) {
        for (const dst of ["target.txt", "target.txt/dst", "target.txt/deep/dst"]) {
          await expectErrorAt(() => store.copyFolder("s", dst, { overwrite }), "INVALID_PATH", dst, `copyFolder("s", ${JSON.stringify(dst)}, overwrite ${overwrite})`);
        }
      }
      await expectTreeUnchanged(store, before, "the store after the refused copies");
    },
  },
  {
    id: "CONF-559",
    title: "an existing destination folder without overwrite is AlreadyExists naming it; nothing changes",
    needs: [...NEEDS],
    run: async (store) => {
      await seedStore(store, { "s/a.txt": "a", "d/other.txt": "o" });
      const before = await captureTree(store);
      await expectErrorAt(() => store.copyFolder("s", "d"), "ALREADY_EXISTS", "d", 'copyFolder("s", "d")');
      await expectErrorAt(() => store.copyFolder("s/", "/d", { overwrite: false }), "ALREADY_EXISTS", "d", 'copyFolder("s/", "/d", overwrite false)');
      await expectTreeUnchanged(store, before, "the store after the refused copies");
    },
  },
  {
    id: "CONF-560",
    title: "with overwrite an existing destination folder is replaced as a whole, never merged; the source stays",
    needs: [...NEEDS],
    run: async (store) => {
      await seedStore(store, { "s/a.txt": "new a", "s/sub/b.txt": "b", "d/a.txt": "old a", "d/only-in-dst.txt": "x", "d/dsub/c.txt": "c" });
      const source = await captureTree(store, "s");
      await store.copyFolder("s", "d", { overwrite: true });
      assertDeepEqual(withoutTimes(await captureTree(store, "d")), withoutTimes(source), "the destination holds exactly what the source holds");
      await expectTreeUnchanged(store, source, "the source", "s");
      await expectStoreFiles(store, ["d/a.txt", "d/sub/b.txt", "s/a.txt", "s/sub/b.txt"]);
    },
  },
  {
    id: "CONF-561",
    title: "a folder copy is independent of its source: changing or deleting either leaves the other",
    needs: [...NEEDS, "delete"],
    run: async (store) => {
      await seedStore(store, { "o/a.txt": "a", "o/sub/b.txt": "b" });
      await store.copyFolder("o", "c");
      await store.write("o/a.txt", "changed", { overwrite: true });
      await store.write("c/sub/b.txt", "other", { overwrite: true });
      await expectContent(store, "c/a.txt", "a");
      await expectContent(store, "o/sub/b.txt", "b");
      await store.deleteFolder("o", { recursive: true });
      await expectContent(store, "c/a.txt", "a");
      await expectContent(store, "c/sub/b.txt", "other");
      await expectAbsent(store, "o");
    },
  },
  {
    id: "CONF-562",
    title: "copyFolder normalises both paths; bad paths and options are rejected (never thrown) and copy nothing",
    needs: [...NEEDS],
    run: async (store) => {
      await seedStore(store, { "n/a.txt": "a" });
      await store.copyFolder("/n//", "\\m\\x\\");
      await expectStoreFiles(store, ["m/x/a.txt", "n/a.txt"]);
      await expectRejection(() => store.copyFolder("n/../m", "y"), "INVALID_PATH", "n/../m");
      await expectRejection(() => store.copyFolder("n", "y/../z"), "INVALID_PATH", "y/../z");
      await expectRejection(() => store.copyFolder(1 as never, "y"), "TypeError");
      await expectRejection(() => store.copyFolder("n", undefined as never), "TypeError");
      await expectRejection(() => store.copyFolder("n", "y", { overwrite: 1 as never }), "TypeError");
      await expectRejection(() => store.copyFolder("n", "y", "overwrite" as never), "TypeError");
      await expectStoreFiles(store, ["m/x/a.txt", "n/a.txt"]);
    },
  },
  {
    id: "CONF-563",
    title: "copyFolder in a child store stays below its root and reports child-relative paths",
    needs: [...NEEDS],
    run: async (store) => {
      await seedStore(store, { "kid/s/a.txt": "a", "kid/d/b.txt": "b", "outside/s/c.txt": "c" });
      const outside = await captureTree(store, "outside");
      const child = store.child("kid");
      await child.copyFolder("s", "t");
      await expectStoreFiles(store, ["kid/d/b.txt", "kid/s/a.txt", "kid/t/a.txt", "outside/s/c.txt"]);
      await expectErrorAt(() => child.copyFolder("t", "d"), "ALREADY_EXISTS", "d", "child copyFolder onto an existing folder");
      await expectErrorAt(() => child.copyFolder("missing", "x"), "NOT_FOUND", "missing", "child copyFolder of a missing folder");
      await expectErrorAt(() => child.copyFolder("t", "t/in"), "INVALID_PATH", "t/in", "child copyFolder into itself");
      await expectErrorAt(() => child.copyFolder("t", ""), "INVALID_PATH", "", "child copyFolder onto its root");
      await expectTreeUnchanged(store, outside, "the folder outside the child", "outside");
    },
  },
  {
    id: "CONF-564",
    title: "folder aggregates follow a copyFolder",
    needs: [...NEEDS, "metadata"],
    run: async (store) => {
      await seedStore(store, { "agg/s/a.txt": "aaa", "agg/s/sub/b.txt": "bb", "dest/keep.txt": "k" });
      await store.copyFolder("agg/s", "dest/s");
      const counts = async (path: string): Promise<[number, number]> => {
        const info = await store.getFolderInfo(path);
        return [info.fileCount, info.totalSize];
      };
      assertDeepEqual(await counts("agg"), [2, 5], "agg after the copy");
      assertDeepEqual(await counts("dest"), [3, 6], "dest after the copy");
      assertDeepEqual(await counts(""), [5, 11], "the root after the copy");
    },
  },
];

/** Every copyFolder case: the scenarios, then quota, gating and the fallback runs. */
export const copyFolderCases: readonly ConformanceCase[] = [
  ...copyFolderScenarios.map((scenario) => scenarioCase(area, scenario)),
  ...copyFolderExtraCases,
  fallbackCase({
    id: "CONF-568",
    area,
    title: "with native copyFolder hidden, the Store's file-by-file fallback passes every copyFolder scenario (CONF-550–CONF-564) that applies",
    needs: [...NEEDS],
    hide: ["copyFolder", "moveFolder", "atomicMoveFolder"],
    persistentFolders: false,
    scenarios: copyFolderScenarios,
  }),
  fallbackCase({
    id: "CONF-569",
    area,
    title: "with native copyFolder and createFolder hidden, the fallback passes every scenario that needs neither",
    needs: [...NEEDS],
    hide: ["copyFolder", "moveFolder", "atomicMoveFolder", "createFolder"],
    persistentFolders: false,
    scenarios: copyFolderScenarios,
  }),
];
