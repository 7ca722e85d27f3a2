import { assertDeepEqual, assertEqual, expectRejection } from "../assert.js";
import { expectAbsent, expectContent, expectStoreFiles, expectStoreFolders, pathsOf } from "./support/checks.js";
import { patternBytes, waitPast } from "./support/content.js";
import { fallbackCase, scenarioCase, type FolderScenario } from "./support/folder-scenarios.js";
import { captureTree, expectErrorAt, expectTreeUnchanged, seedStore } from "./support/tree.js";
import { ROOT_SPELLINGS } from "./store-root.js";
import { moveFolderExtraCases } from "./move-folder-extra.js";
import type { ConformanceCase } from "./types.js";

const area = "move-folder" as const;

/** What the Store's file-by-file fallback needs (FOLD-030), plus writing and reading to seed and check. */
const NEEDS = ["write", "read", "list", "move", "delete"] as const;

/** spec/folders.md FOLD-010..FOLD-014 for `moveFolder`, as scenarios (re-run through the fallback by CONF-543..CONF-545). */
export const moveFolderScenarios: readonly FolderScenario[] = [
  {
    id: "CONF-520",
    title: "moveFolder moves every file at every depth to the destination (creating its parents) and removes the source",
    needs: [...NEEDS],
    run: async (store) => {
      await seedStore(store, { "src/a.txt": "a", "src/sub/b.txt": "bb", "src/sub/deep/c.bin": patternBytes(300), "other/keep.txt": "keep" });
      const moved = await captureTree(store, "src");
      const other = await captureTree(store, "other");
      assertEqual(await store.moveFolder("src", "new/parent/dst"), undefined, "moveFolder result");
      await expectAbsent(store, "src");
      assertEqual(await store.isFolder("new/parent"), true, 'isFolder("new/parent")');
      assertDeepEqual(await captureTree(store, "new/parent/dst"), moved, "the destination (paths, bytes, content types, metadata, times)");
      await expectTreeUnchanged(store, other, "the untouched folder", "other");
      await expectStoreFiles(store, ["new/parent/dst/a.txt", "new/parent/dst/sub/b.txt", "new/parent/dst/sub/deep/c.bin", "other/keep.txt"]);
    },
  },
  {
    id: "CONF-521",
    title: "content types, metadata and modification times travel with every file",
    needs: [...NEEDS, "metadata", "userMetadata"],
    run: async (store, ctx) => {
      await store.write("m/doc.txt", "doc", { contentType: "application/x-custom", metadata: { owner: "ann", "x-tag": "1" } });
      await store.write("m/sub/img.bin", patternBytes(64), { contentType: "image/png", metadata: { k: "v" } });
      await store.write("m/sub/plain.json", "{}");
      const names = ["doc.txt", "sub/img.bin", "sub/plain.json"];
      const before = await Promise.all(names.map((name) => store.getFileInfo(`m/${name}`)));
      await waitPast(new Date(Math.max(...before.map((info) => info.modifiedAt.getTime()))), ctx.timestampToleranceMs);
      await store.moveFolder("m", "moved/m2");
      for (const [i, name] of names.entries()) {
        const was = before[i];
        const now = await store.getFileInfo(`moved/m2/${name}`);
        assertEqual(now.size, was?.size, `size of ${name}`);
        assertEqual(now.contentType, was?.contentType, `contentType of ${name}`);
        assertDeepEqual(now.metadata, was?.metadata, `metadata of ${name}`);
        assertEqual(now.modifiedAt.getTime(), was?.modifiedAt.getTime(), `modifiedAt of ${name}`);
      }
    },
  },
  {
    id: "CONF-522",
    title: "empty subfolders travel with the folder",
    needs: [...NEEDS, "createFolder"],
    run: async (store) => {
      await store.createFolder("e/empty");
      await store.createFolder("e/a/empty2");
      await store.write("e/a/f.txt", "f");
      const before = await captureTree(store, "e");
      assertDeepEqual(before.folders, ["a", "a/empty2", "empty"], "folders before the move");
      await store.moveFolder("e", "e2");
      assertDeepEqual(await captureTree(store, "e2"), before, "the moved tree");
      await expectAbsent(store, "e");
    },
  },
  {
    id: "CONF-523",
    title: "an empty folder can be moved",
    needs: [...NEEDS, "createFolder"],
    run: async (store) => {
      await store.createFolder("lonely");
      await store.moveFolder("lonely", "moved/lonely");
      assertEqual(await store.isFolder("moved/lonely"), true, 'isFolder("moved/lonely")');
      await expectAbsent(store, "lonely");
      await expectStoreFolders(store, ["moved", "moved/lonely"]);
      await expectStoreFiles(store, []);
    },
  },
  {
    id: "CONF-524",
    title: "the folder that contained the source stays, also when the source was its only entry",
    needs: [...NEEDS],
    traits: ["persistentFolders"],
    run: async (store) => {
      await store.write("parent/only/f.txt", "f");
      await store.moveFolder("parent/only", "elsewhere");
      assertEqual(await store.isFolder("parent"), true, 'isFolder("parent")');
      assertDeepEqual(await pathsOf(store.iterChildren("parent")), [], "iterChildren(parent)");
      await expectStoreFolders(store, ["elsewhere", "parent"]);
    },
  },
  {
    id: "CONF-525",
    title: "every root spelling as source or destination is InvalidPath with path \"\", with or without overwrite; nothing changes",
    needs: [...NEEDS],
    run: async (store) => {
      await seedStore(store, { "r/a.txt": "a" });
      const before = await captureTree(store);
      for (const root of ROOT_SPELLINGS) {
        for (const overwrite of [false, true]) {
          await expectErrorAt(() => store.moveFolder(root, "r2", { overwrite }), "INVALID_PATH", "", `moveFolder(${JSON.stringify(root)}, "r2", overwrite ${overwrite})`);
          await expectErrorAt(() => store.moveFolder("r", root, { overwrite }), "INVALID_PATH", "", `moveFolder("r", ${JSON.stringify(root)}, overwrite ${overwrite})`);
        }
      }
      await expectTreeUnchanged(store, before, "the store after the refused moves");
    },
  },
  {
    id: "CONF-526",
    title: "moving a folder into itself (at any depth, under any spelling) is InvalidPath naming the destination; nothing changes",
    needs: [...NEEDS],
    run: async (store) => {
      await seedStore(store, { "s/a.txt": "a", "s/sub/b.txt": "b" });
      const before = await captureTree(store);
      const attempts: [string, string, string][] = [
        ["s", "s/inner", "s/inner"],
        ["s", "s/sub", "s/sub"],
        ["s", "s/sub/deeper/x", "s/sub/deeper/x"],
        ["/s/", "s//inner/", "s/inner"],
        ["s", "s/a.txt", "s/a.txt"],
      ];
      for (const [src, dst, path] of attempts) {
        for (const overwrite of [false, true]) {
          await expectErrorAt(() => store.moveFolder(src, dst, { overwrite }), "INVALID_PATH", path, `moveFolder(${JSON.stringify(src)}, ${JSON.stringify(dst)}, overwrite ${overwrite})`);
        }
      }
      await expectTreeUnchanged(store, before, "the store after the refused moves");
    },
  },
  {
    id: "CONF-527",
    title: "moving a folder onto one of its ancestors is InvalidPath naming the destination, even with overwrite; nothing changes",
    needs: [...NEEDS],
    run: async (store) => {
      await seedStore(store, { "up/down/f.txt": "f", "up/g.txt": "g", "x/y/z/h.txt": "h" });
      const before = await captureTree(store);
      for (const overwrite of [false, true]) {
        await expectErrorAt(() => store.moveFolder("up/down", "up", { overwrite }), "INVALID_PATH", "up", `moveFolder("up/down", "up", overwrite ${overwrite})`);
        await expectErrorAt(() => store.moveFolder("/up/down/", "up/", { overwrite }), "INVALID_PATH", "up", `moveFolder("/up/down/", "up/", overwrite ${overwrite})`);
        await expectErrorAt(() => store.moveFolder("x/y/z", "x", { overwrite }), "INVALID_PATH", "x", `moveFolder("x/y/z", "x", overwrite ${overwrite})`);
      }
      await expectTreeUnchanged(store, before, "the store after the refused moves");
    },
  },
  {
    id: "CONF-528",
    title: "moving a folder onto itself is a no-op; a missing one is NotFound and a file InvalidPath, naming it",
    needs: [...NEEDS],
    run: async (store) => {
      await seedStore(store, { "same/a.txt": "a", "file.txt": "f" });
      const before = await captureTree(store);
      await store.moveFolder("same", "same");
      await store.moveFolder("same", "same", { overwrite: true });
      await store.moveFolder("same", "/same//");
      await store.moveFolder("./same/", "same");
      await expectTreeUnchanged(store, before, "the store after moving a folder onto itself");
      for (const overwrite of [false, true]) {
        await expectErrorAt(() => store.moveFolder("ghost", "ghost", { overwrite }), "NOT_FOUND", "ghost", `moveFolder("ghost", "ghost", overwrite ${overwrite})`);
        await expectErrorAt(() => store.moveFolder("file.txt", "/file.txt", { overwrite }), "INVALID_PATH", "file.txt", `moveFolder("file.txt", "/file.txt", overwrite ${overwrite})`);
      }
      await expectTreeUnchanged(store, before, "the store after the refused moves");
    },
  },
  {
    id: "CONF-529",
    title: "a missing source (also below a file) is NotFound naming it, outranking every destination problem; nothing changes",
    needs: [...NEEDS],
    run: async (store) => {
      await seedStore(store, { "dstdir/x.txt": "x", "blocker.txt": "b" });
      const before = await captureTree(store);
      const attempts: [string, string, string][] = [
        ["missing", "new", "missing"],
        ["missing", "dstdir", "missing"],
        ["missing", "blocker.txt", "missing"],
        ["missing", "blocker.txt/below", "missing"],
        ["blocker.txt/below", "new", "blocker.txt/below"],
        ["/no//such/", "new", "no/such"],
      ];
      for (const [src, dst, path] of attempts) {
        for (const overwrite of [false, true]) {
          await expectErrorAt(() => store.moveFolder(src, dst, { overwrite }), "NOT_FOUND", path, `moveFolder(${JSON.stringify(src)}, ${JSON.stringify(dst)}, overwrite ${overwrite})`);
        }
      }
      await expectTreeUnchanged(store, before, "the store after the refused moves");
    },
  },
  {
    id: "CONF-530",
    title: "a file as the source is InvalidPath naming it, even with overwrite and before any destination check; nothing moves",
    needs: [...NEEDS],
    run: async (store) => {
      await seedStore(store, { "f.txt": "f", "dstdir/x.txt": "x" });
      const before = await captureTree(store);
      for (const overwrite of [false, true]) {
        await expectErrorAt(() => store.moveFolder("f.txt", "new", { overwrite }), "INVALID_PATH", "f.txt", `moveFolder("f.txt", "new", overwrite ${overwrite})`);
        await expectErrorAt(() => store.moveFolder("f.txt", "dstdir", { overwrite }), "INVALID_PATH", "f.txt", `moveFolder("f.txt", "dstdir", overwrite ${overwrite})`);
      }
      await expectTreeUnchanged(store, before, "the store after the refused moves");
    },
  },
  {
    id: "CONF-531",
    title: "a file at the destination is InvalidPath naming it, even with overwrite; both stay",
    needs: [...NEEDS],
    run: async (store) => {
      await seedStore(store, { "s/a.txt": "a", "target.txt": "t" });
      const before = await captureTree(store);
      for (const overwrite of [false, true]) {
        await expectErrorAt(() => store.moveFolder("s", "target.txt", { overwrite }), "INVALID_PATH", "target.txt", `moveFolder("s", "target.txt", overwrite ${overwrite})`);
      }
      await expectTreeUnchanged(store, before, "the store after the refused moves");
    },
  },
  {
    id: "CONF-532",
    title: "a file in place of a destination parent is InvalidPath naming the destination; nothing moves",
    needs: [...NEEDS],
    run: async (store) => {
      await seedStore(store, { "s/a.txt": "a", "s/b/c.txt": "c", "blocker.txt": "b" });
      const before = await captureTree(store);
      for (const overwrite of [false, true]) {
        await expectErrorAt(() => store.moveFolder("s", "blocker.txt/dst", { overwrite }), "INVALID_PATH", "blocker.txt/dst", `moveFolder("s", "blocker.txt/dst", overwrite ${overwrite})`);
        await expectErrorAt(() => store.moveFolder("s", "blocker.txt/deep/dst", { overwrite }), "INVALID_PATH", "blocker.txt/deep/dst", `moveFolder("s", "blocker.txt/deep/dst", overwrite ${overwrite})`);
      }
      await expectTreeUnchanged(store, before, "the store after the refused moves");
    },
  },
  {
    id: "CONF-533",
    title: "an existing destination folder without overwrite is AlreadyExists naming it; both stay unchanged",
    needs: [...NEEDS],
    run: async (store) => {
      await seedStore(store, { "s/a.txt": "a", "d/other.txt": "o" });
      const before = await captureTree(store);
      await expectErrorAt(() => store.moveFolder("s", "d"), "ALREADY_EXISTS", "d", 'moveFolder("s", "d")');
      await expectErrorAt(() => store.moveFolder("s/", "/d", { overwrite: false }), "ALREADY_EXISTS", "d", 'moveFolder("s/", "/d", overwrite false)');
      await expectTreeUnchanged(store, before, "the store after the refused moves");
    },
  },
  {
    id: "CONF-534",
    title: "with overwrite an existing destination folder is replaced as a whole, never merged",
    needs: [...NEEDS],
    run: async (store) => {
      await seedStore(store, { "s/a.txt": "new a", "s/sub/b.txt": "b", "d/a.txt": "old a", "d/only-in-dst.txt": "x", "d/dsub/c.txt": "c" });
      const source = await captureTree(store, "s");
      await store.moveFolder("s", "d", { overwrite: true });
      assertDeepEqual(await captureTree(store, "d"), source, "the destination holds exactly what the source held");
      await expectAbsent(store, "s");
      await expectStoreFiles(store, ["d/a.txt", "d/sub/b.txt"]);
    },
  },
  {
    id: "CONF-535",
    title: "a moved folder can be moved back unchanged; its files are ordinary files and the source path can be reused",
    needs: [...NEEDS],
    run: async (store) => {
      await seedStore(store, { "w/a.txt": "a", "w/sub/b.txt": "b" });
      const before = await captureTree(store, "w");
      await store.moveFolder("w", "v");
      await store.moveFolder("v", "w");
      assertDeepEqual(await captureTree(store, "w"), before, "the tree after moving there and back");
      await expectAbsent(store, "v");
      await store.moveFolder("w", "v");
      await store.write("w/a.txt", "reused");
      await store.write("v/a.txt", "A", { overwrite: true });
      await store.delete("v/sub/b.txt");
      await expectContent(store, "w/a.txt", "reused");
      await expectContent(store, "v/a.txt", "A");
      await expectStoreFiles(store, ["v/a.txt", "w/a.txt"]);
    },
  },
  {
    id: "CONF-536",
    title: "moveFolder normalises both paths; bad paths and options are rejected (never thrown) and move nothing",
    needs: [...NEEDS],
    run: async (store) => {
      await seedStore(store, { "n/a.txt": "a" });
      await store.moveFolder("/n//", "\\m\\x\\");
      await expectStoreFiles(store, ["m/x/a.txt"]);
      await expectRejection(() => store.moveFolder("m/../n", "y"), "INVALID_PATH", "m/../n");
      await expectRejection(() => store.moveFolder("m/x", "y/../z"), "INVALID_PATH", "y/../z");
      await expectRejection(() => store.moveFolder(1 as never, "y"), "TypeError");
      await expectRejection(() => store.moveFolder("m/x", null as never), "TypeError");
      await expectRejection(() => store.moveFolder("m/x", "y", { overwrite: "yes" as never }), "TypeError");
      await expectRejection(() => store.moveFolder("m/x", "y", "overwrite" as never), "TypeError");
      await expectStoreFiles(store, ["m/x/a.txt"]);
    },
  },
  {
    id: "CONF-537",
    title: "moveFolder in a child store stays below its root and reports child-relative paths",
    needs: [...NEEDS],
    run: async (store) => {
      await seedStore(store, { "kid/s/a.txt": "a", "kid/d/b.txt": "b", "outside/s/c.txt": "c" });
      const outside = await captureTree(store, "outside");
      const child = store.child("kid");
      await child.moveFolder("s", "t");
      await expectStoreFiles(store, ["kid/d/b.txt", "kid/t/a.txt", "outside/s/c.txt"]);
      await expectErrorAt(() => child.moveFolder("t", "d"), "ALREADY_EXISTS", "d", "child moveFolder onto an existing folder");
      await expectErrorAt(() => child.moveFolder("missing", "x"), "NOT_FOUND", "missing", "child moveFolder of a missing folder");
      await expectErrorAt(() => child.moveFolder("t", "t/in"), "INVALID_PATH", "t/in", "child moveFolder into itself");
      await expectErrorAt(() => child.moveFolder("", "x"), "INVALID_PATH", "", "child moveFolder of its root");
      await expectTreeUnchanged(store, outside, "the folder outside the child", "outside");
    },
  },
  {
    id: "CONF-538",
    title: "folder aggregates follow a moveFolder",
    needs: [...NEEDS, "metadata"],
    run: async (store) => {
      await seedStore(store, { "agg/s/a.txt": "aaa", "agg/s/sub/b.txt": "bb", "agg/stay.txt": "s", "dest/keep.txt": "k" });
      await store.moveFolder("agg/s", "dest/s");
      const counts = async (path: string): Promise<[number, number]> => {
        const info = await store.getFolderInfo(path);
        return [info.fileCount, info.totalSize];
      };
      assertDeepEqual(await counts("agg"), [1, 1], "agg after the move");
      assertDeepEqual(await counts("dest"), [3, 6], "dest after the move");
      assertDeepEqual(await counts("dest/s"), [2, 5], "dest/s after the move");
      assertDeepEqual(await counts(""), [4, 7], "the root after the move");
    },
  },
];

/** Every moveFolder case: the scenarios, then atomicity, quota, gating and the fallback runs. */
export const moveFolderCases: readonly ConformanceCase[] = [
  ...moveFolderScenarios.map((scenario) => scenarioCase(area, scenario)),
  ...moveFolderExtraCases,
  fallbackCase({
    id: "CONF-543",
    area,
    title: "with native moveFolder hidden, the Store's file-by-file fallback passes every moveFolder scenario (CONF-520–CONF-538) that applies",
    needs: [...NEEDS],
    hide: ["moveFolder", "atomicMoveFolder", "copyFolder"],
    persistentFolders: false,
    scenarios: moveFolderScenarios,
  }),
  fallbackCase({
    id: "CONF-544",
    area,
    title: "with native moveFolder hidden, the fallback keeps the source's parent folder (CONF-524)",
    needs: [...NEEDS],
    hide: ["moveFolder", "atomicMoveFolder", "copyFolder"],
    persistentFolders: true,
    scenarios: moveFolderScenarios,
  }),
  fallbackCase({
    id: "CONF-545",
    area,
    title: "with native moveFolder and createFolder hidden, the fallback passes every scenario that needs neither",
    needs: [...NEEDS],
    hide: ["moveFolder", "atomicMoveFolder", "copyFolder", "createFolder"],
    persistentFolders: false,
    scenarios: moveFolderScenarios,
  }),
];
