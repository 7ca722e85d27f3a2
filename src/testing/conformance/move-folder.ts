import { assertDeepEqual, assertEqual } from "../assert.js";
import { expectAbsent, expectContent, expectStoreFiles, expectStoreFolders, pathsOf } from "./support/checks.js";
import type { FolderScenario } from "./support/folder-scenarios.js";
import { MOVE_FOLDER, folderScenarioBuilder } from "./support/folder-transfer.js";
import { captureTree, seedStore } from "./support/tree.js";
import { moveFolderExtraCases } from "./move-folder-extra.js";
import type { ConformanceCase } from "./types.js";

const build = folderScenarioBuilder(MOVE_FOLDER);

/** What the Store's file-by-file fallback needs (FOLD-030), plus writing and reading to seed and check. */
const NEEDS = MOVE_FOLDER.needs;

/** spec/folders.md FOLD-010..FOLD-014 for `moveFolder`, as scenarios (re-run through the fallback by CONF-543..CONF-545). */
export const moveFolderScenarios: readonly FolderScenario[] = [
  build.everyFile({
    id: "CONF-520",
    title: "moveFolder moves every file at every depth to the destination (creating its parents) and removes the source",
  }),
  build.fileInfo({
    id: "CONF-521",
    title: "content types, metadata and modification times travel with every file",
    needs: ["metadata", "userMetadata"],
  }),
  build.emptySubfolders({
    id: "CONF-522",
    title: "empty subfolders travel with the folder",
    needs: ["createFolder"],
    label: "the moved tree",
  }),
  build.emptyFolder({
    id: "CONF-523",
    title: "an empty folder can be moved",
    needs: ["createFolder"],
  }),
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
  build.rootSpellings({
    id: "CONF-525",
    title: "every root spelling as source or destination is InvalidPath with path \"\", with or without overwrite; nothing changes",
  }),
  build.refusals({
    id: "CONF-526",
    title: "moving a folder into itself (at any depth, under any spelling) is InvalidPath naming the destination; nothing changes",
    seed: { "s/a.txt": "a", "s/sub/b.txt": "b" },
    refusals: [
      ["s", "s/inner", "INVALID_PATH", "s/inner"],
      ["s", "s/sub", "INVALID_PATH", "s/sub"],
      ["s", "s/sub/deeper/x", "INVALID_PATH", "s/sub/deeper/x"],
      ["/s/", "s//inner/", "INVALID_PATH", "s/inner"],
      ["s", "s/a.txt", "INVALID_PATH", "s/a.txt"],
    ],
  }),
  build.refusals({
    id: "CONF-527",
    title: "moving a folder onto one of its ancestors is InvalidPath naming the destination, even with overwrite; nothing changes",
    seed: { "up/down/f.txt": "f", "up/g.txt": "g", "x/y/z/h.txt": "h" },
    refusals: [
      ["up/down", "up", "INVALID_PATH", "up"],
      ["/up/down/", "up/", "INVALID_PATH", "up"],
      ["x/y/z", "x", "INVALID_PATH", "x"],
    ],
  }),
  build.refusals({
    id: "CONF-528",
    title: "moving a folder onto itself is a no-op; a missing one is NotFound and a file InvalidPath, naming it",
    seed: { "same/a.txt": "a", "file.txt": "f" },
    noOps: [
      ["same", "same"],
      ["same", "same", true],
      ["same", "/same//"],
      ["./same/", "same"],
    ],
    refusals: [
      ["ghost", "ghost", "NOT_FOUND", "ghost"],
      ["file.txt", "/file.txt", "INVALID_PATH", "file.txt"],
    ],
  }),
  build.refusals({
    id: "CONF-529",
    title: "a missing source (also below a file) is NotFound naming it, outranking every destination problem; nothing changes",
    seed: { "dstdir/x.txt": "x", "blocker.txt": "b" },
    refusals: [
      ["missing", "new", "NOT_FOUND", "missing"],
      ["missing", "dstdir", "NOT_FOUND", "missing"],
      ["missing", "blocker.txt", "NOT_FOUND", "missing"],
      ["missing", "blocker.txt/below", "NOT_FOUND", "missing"],
      ["blocker.txt/below", "new", "NOT_FOUND", "blocker.txt/below"],
      ["/no//such/", "new", "NOT_FOUND", "no/such"],
    ],
  }),
  build.refusals({
    id: "CONF-530",
    title: "a file as the source is InvalidPath naming it, even with overwrite and before any destination check; nothing moves",
    seed: { "f.txt": "f", "dstdir/x.txt": "x" },
    refusals: [
      ["f.txt", "new", "INVALID_PATH", "f.txt"],
      ["f.txt", "dstdir", "INVALID_PATH", "f.txt"],
    ],
  }),
  build.refusals({
    id: "CONF-531",
    title: "a file at the destination is InvalidPath naming it, even with overwrite; both stay",
    seed: { "s/a.txt": "a", "target.txt": "t" },
    refusals: [["s", "target.txt", "INVALID_PATH", "target.txt"]],
  }),
  build.refusals({
    id: "CONF-532",
    title: "a file in place of a destination parent is InvalidPath naming the destination; nothing moves",
    seed: { "s/a.txt": "a", "s/b/c.txt": "c", "blocker.txt": "b" },
    refusals: [
      ["s", "blocker.txt/dst", "INVALID_PATH", "blocker.txt/dst"],
      ["s", "blocker.txt/deep/dst", "INVALID_PATH", "blocker.txt/deep/dst"],
    ],
  }),
  build.existingDestination({
    id: "CONF-533",
    title: "an existing destination folder without overwrite is AlreadyExists naming it; both stay unchanged",
  }),
  build.overwrite({
    id: "CONF-534",
    title: "with overwrite an existing destination folder is replaced as a whole, never merged",
    label: "the destination holds exactly what the source held",
  }),
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
  build.normalisation({
    id: "CONF-536",
    title: "moveFolder normalises both paths; bad paths and options are rejected (never thrown) and move nothing",
    from: "m/x",
    dotted: "m/../n",
    badDst: null,
    badOverwrite: "yes",
  }),
  build.childStore({
    id: "CONF-537",
    title: "moveFolder in a child store stays below its root and reports child-relative paths",
    rootRefusal: ["", "x", "child moveFolder of its root"],
  }),
  build.aggregates({
    id: "CONF-538",
    title: "folder aggregates follow a moveFolder",
    needs: ["metadata"],
    seed: { "agg/s/a.txt": "aaa", "agg/s/sub/b.txt": "bb", "agg/stay.txt": "s", "dest/keep.txt": "k" },
    expected: [
      ["agg", [1, 1]],
      ["dest", [3, 6]],
      ["dest/s", [2, 5]],
      ["", [4, 7]],
    ],
  }),
];

/** Every moveFolder case: the scenarios, then atomicity, quota, gating and the fallback runs. */
export const moveFolderCases: readonly ConformanceCase[] = build.cases(moveFolderScenarios, moveFolderExtraCases, [
  {
    id: "CONF-543",
    title: "with native moveFolder hidden, the Store's file-by-file fallback passes every moveFolder scenario (CONF-520–CONF-538) that applies",
    hide: ["moveFolder", "atomicMoveFolder", "copyFolder"],
  },
  {
    id: "CONF-544",
    title: "with native moveFolder hidden, the fallback keeps the source's parent folder (CONF-524)",
    hide: ["moveFolder", "atomicMoveFolder", "copyFolder"],
    persistentFolders: true,
  },
  {
    id: "CONF-545",
    title: "with native moveFolder and createFolder hidden, the fallback passes every scenario that needs neither",
    hide: ["moveFolder", "atomicMoveFolder", "copyFolder", "createFolder"],
  },
]);
