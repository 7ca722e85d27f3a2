import { expectAbsent, expectContent } from "./support/checks.js";
import type { FolderScenario } from "./support/folder-scenarios.js";
import { COPY_FOLDER, folderScenarioBuilder } from "./support/folder-transfer.js";
import { seedStore } from "./support/tree.js";
import { copyFolderExtraCases } from "./copy-folder-extra.js";
import type { ConformanceCase } from "./types.js";

const build = folderScenarioBuilder(COPY_FOLDER);

/** What the Store's file-by-file fallback needs (FOLD-030), plus writing and reading to seed and check. */
const NEEDS = COPY_FOLDER.needs;

/** spec/folders.md FOLD-010..FOLD-014 for `copyFolder`, as scenarios (re-run through the fallback by CONF-568, CONF-569). */
export const copyFolderScenarios: readonly FolderScenario[] = [
  build.everyFile({
    id: "CONF-550",
    title: "copyFolder copies every file at every depth to the destination (creating its parents) and leaves the source unchanged",
  }),
  build.fileInfo({
    id: "CONF-551",
    title: "copyFolder keeps every file's content type and metadata and stamps new modification times; the sources keep theirs",
    needs: ["metadata", "userMetadata"],
  }),
  build.emptySubfolders({
    id: "CONF-552",
    title: "empty subfolders are copied too",
    needs: ["createFolder"],
    label: "the copy",
  }),
  build.emptyFolder({
    id: "CONF-553",
    title: "an empty folder can be copied",
    needs: ["createFolder"],
  }),
  build.rootSpellings({
    id: "CONF-554",
    title: "every root spelling as source or destination is InvalidPath with path \"\", with or without overwrite; nothing changes",
  }),
  build.refusals({
    id: "CONF-555",
    title: "copying a folder into itself or onto one of its ancestors is InvalidPath naming the destination; nothing changes",
    seed: { "s/a.txt": "a", "s/sub/b.txt": "b" },
    refusals: [
      ["s", "s/inner", "INVALID_PATH", "s/inner"],
      ["s", "s/sub/deeper", "INVALID_PATH", "s/sub/deeper"],
      ["/s/", "s//copy/", "INVALID_PATH", "s/copy"],
      ["s/sub", "s", "INVALID_PATH", "s"],
    ],
  }),
  build.refusals({
    id: "CONF-556",
    title: "copying a folder onto itself is a no-op; a missing one is NotFound and a file InvalidPath, naming it",
    seed: { "same/a.txt": "a", "file.txt": "f" },
    noOps: [
      ["same", "same"],
      ["same", "/same//", true],
    ],
    refusals: [
      ["ghost", "ghost", "NOT_FOUND", "ghost"],
      ["file.txt", "file.txt", "INVALID_PATH", "file.txt"],
    ],
  }),
  build.refusals({
    id: "CONF-557",
    title: "a missing source is NotFound and a file source InvalidPath, naming the source before any destination check; nothing changes",
    seed: { "dstdir/x.txt": "x", "blocker.txt": "b", "f.txt": "f" },
    refusals: [
      ...["new", "dstdir", "blocker.txt", "blocker.txt/below"].flatMap((dst) => [
        ["missing", dst, "NOT_FOUND", "missing"] as const,
        ["f.txt", dst, "INVALID_PATH", "f.txt"] as const,
      ]),
      ["blocker.txt/below", "new", "NOT_FOUND", "blocker.txt/below"],
    ],
  }),
  build.refusals({
    id: "CONF-558",
    title: "a file at the destination or in place of a destination parent is InvalidPath naming the destination; nothing is copied",
    seed: { "s/a.txt": "a", "s/b/c.txt": "c", "target.txt": "t" },
    refusals: ["target.txt", "target.txt/dst", "target.txt/deep/dst"].map((dst) => ["s", dst, "INVALID_PATH", dst] as const),
  }),
  build.existingDestination({
    id: "CONF-559",
    title: "an existing destination folder without overwrite is AlreadyExists naming it; nothing changes",
  }),
  build.overwrite({
    id: "CONF-560",
    title: "with overwrite an existing destination folder is replaced as a whole, never merged; the source stays",
    label: "the destination holds exactly what the source holds",
  }),
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
  build.normalisation({
    id: "CONF-562",
    title: "copyFolder normalises both paths; bad paths and options are rejected (never thrown) and copy nothing",
    from: "n",
    dotted: "n/../m",
    badDst: undefined,
    badOverwrite: 1,
  }),
  build.childStore({
    id: "CONF-563",
    title: "copyFolder in a child store stays below its root and reports child-relative paths",
    rootRefusal: ["t", "", "child copyFolder onto its root"],
  }),
  build.aggregates({
    id: "CONF-564",
    title: "folder aggregates follow a copyFolder",
    needs: ["metadata"],
    seed: { "agg/s/a.txt": "aaa", "agg/s/sub/b.txt": "bb", "dest/keep.txt": "k" },
    expected: [
      ["agg", [2, 5]],
      ["dest", [3, 6]],
      ["", [5, 11]],
    ],
  }),
];

/** Every copyFolder case: the scenarios, then quota, gating and the fallback runs. */
export const copyFolderCases: readonly ConformanceCase[] = build.cases(copyFolderScenarios, copyFolderExtraCases, [
  {
    id: "CONF-568",
    title: "with native copyFolder hidden, the Store's file-by-file fallback passes every copyFolder scenario (CONF-550–CONF-564) that applies",
    hide: ["copyFolder", "moveFolder", "atomicMoveFolder"],
  },
  {
    id: "CONF-569",
    title: "with native copyFolder and createFolder hidden, the fallback passes every scenario that needs neither",
    hide: ["copyFolder", "moveFolder", "atomicMoveFolder", "createFolder"],
  },
]);
