import type { Capability } from "../../../contract/capabilities.js";
import type { ErrorCode } from "../../../errors/remote-store-error.js";
import type { Store } from "../../../store/store.js";
import { assert, assertDeepEqual, assertEqual, expectRejection, show } from "../../assert.js";
import { ROOT_SPELLINGS } from "../store-root.js";
import type { ConformanceArea, ConformanceCase } from "../types.js";
import { expectAbsent, expectStoreFiles, expectStoreFolders } from "./checks.js";
import { patternBytes } from "./content.js";
import { fallbackCase, scenarioCase, type FolderScenario } from "./folder-scenarios.js";
import { captureTree, expectErrorAt, expectTreeUnchanged, seedStore, withoutTimes, type TreeState } from "./tree.js";

/**
 * One of the two folder transfers of spec/folders.md FOLD-010..FOLD-014, with what sets it apart
 * in the scenarios they share: `moveFolder` removes the source and keeps modification times,
 * `copyFolder` leaves the source and stamps new times (FOLD-010).
 */
export interface FolderTransfer {
  readonly op: "moveFolder" | "copyFolder";
  readonly area: ConformanceArea;
  /** What the Store's file-by-file fallback needs (FOLD-030), plus writing and reading to seed and check. */
  readonly needs: readonly Capability[];
  /** The source is still there afterwards (copyFolder). */
  readonly keepsSource: boolean;
  /** Modification times travel with the files (moveFolder); otherwise the destination's are new. */
  readonly keepsTimes: boolean;
  /** The words the checks' labels use: "move", "moves", "moving", "moved" (or the copy forms). */
  readonly words: { readonly one: string; readonly many: string; readonly doing: string; readonly done: string };
}

export const MOVE_FOLDER: FolderTransfer = {
  op: "moveFolder",
  area: "move-folder",
  needs: ["write", "read", "list", "move", "delete"],
  keepsSource: false,
  keepsTimes: true,
  words: { one: "move", many: "moves", doing: "moving", done: "moved" },
};

export const COPY_FOLDER: FolderTransfer = {
  op: "copyFolder",
  area: "copy-folder",
  needs: ["write", "read", "list", "copy"],
  keepsSource: true,
  keepsTimes: false,
  words: { one: "copy", many: "copies", doing: "copying", done: "copied" },
};

/** What identifies a scenario: its case id and title (spec/conformance.md), and extra needs. */
export interface ScenarioHead {
  readonly id: string;
  readonly title: string;
  readonly needs?: readonly Capability[];
}

/** The heads of the shared scenarios that need more than an id and a title. */
export interface LabelledHead extends ScenarioHead {
  /** How the check comparing the destination with the source is labelled. */
  readonly label: string;
}

/**
 * One refused call: source, destination, the error code and the path it must name, and the
 * `overwrite` values it is tried with (default both; `undefined` passes no options).
 */
export type Refusal = readonly [src: string, dst: string, code: ErrorCode, path: string, overwrites?: readonly (boolean | undefined)[]];

/** A no-op call: source, destination, `overwrite` (undefined passes no options). */
export type NoOp = readonly [src: string, dst: string, overwrite?: boolean];

export interface RefusalHead extends ScenarioHead {
  readonly seed: Readonly<Record<string, string>>;
  readonly refusals: readonly Refusal[];
  readonly noOps?: readonly NoOp[];
}

export interface NormalisationHead extends ScenarioHead {
  /** The source folder of the refused calls, once `n` went to `m/x`. */
  readonly from: string;
  /** A source with a `..` segment (InvalidPath naming it). */
  readonly dotted: string;
  /** A destination that is not a string, and an `overwrite` that is not a boolean (TypeError). */
  readonly badDst: unknown;
  readonly badOverwrite: unknown;
}

export interface ChildStoreHead extends ScenarioHead {
  /** A call with the child's root as source or destination, and its label. */
  readonly rootRefusal: readonly [src: string, dst: string, label: string];
}

export interface AggregatesHead extends ScenarioHead {
  readonly seed: Readonly<Record<string, string>>;
  /** Folder and its `[fileCount, totalSize]` after `agg/s` went to `dest/s`. */
  readonly expected: readonly (readonly [path: string, counts: readonly [number, number]])[];
}

/** A fallback case (FOLD-030): its id and title, what it hides, and whether it runs the persistentFolders scenarios. */
export interface FallbackHead {
  readonly id: string;
  readonly title: string;
  readonly hide: readonly Capability[];
  readonly persistentFolders?: boolean;
}

/**
 * Every case of a folder transfer's area: each scenario on the store under test, then the area's
 * other cases, then the fallback runs of all the scenarios.
 */
function folderTransferCases(t: FolderTransfer, scenarios: readonly FolderScenario[], others: readonly ConformanceCase[], fallbacks: readonly FallbackHead[]): ConformanceCase[] {
  return [
    ...scenarios.map((scenario) => scenarioCase(t.area, scenario)),
    ...others,
    ...fallbacks.map((head) => fallbackCase({ ...head, area: t.area, needs: [...t.needs], persistentFolders: head.persistentFolders ?? false, scenarios })),
  ];
}

function scenario(t: FolderTransfer, head: ScenarioHead, run: FolderScenario["run"]): FolderScenario {
  return { id: head.id, title: head.title, needs: [...t.needs, ...(head.needs ?? [])], run };
}

/** `store.moveFolder` or `store.copyFolder`; `overwrite` undefined passes no options. */
function transfer(store: Store, t: FolderTransfer, src: string, dst: string, overwrite?: boolean): Promise<void> {
  return overwrite === undefined ? store[t.op](src, dst) : store[t.op](src, dst, { overwrite });
}

/** How the checks name a call: `moveFolder("s", "d", overwrite true)`. */
function callLabel(t: FolderTransfer, src: string, dst: string, overwrite?: boolean): string {
  return `${t.op}(${JSON.stringify(src)}, ${JSON.stringify(dst)}${overwrite === undefined ? "" : `, overwrite ${overwrite}`})`;
}

/** The destination tree must equal the source's (with times only when the transfer keeps them). */
function expectSameTree(t: FolderTransfer, actual: TreeState, expected: TreeState, label: string): void {
  if (t.keepsTimes) assertDeepEqual(actual, expected, label);
  else assertDeepEqual(withoutTimes(actual), withoutTimes(expected), label);
}

/** FOLD-010: afterwards the source is unchanged (copy) or gone (move). */
async function expectSourceAfter(store: Store, t: FolderTransfer, folder: string, before: TreeState, label: string): Promise<void> {
  if (t.keepsSource) await expectTreeUnchanged(store, before, label, folder);
  else await expectAbsent(store, folder);
}

/**
 * FOLD-010, FOLD-013: every file at every depth reaches a destination whose parents are created;
 * the source stays unchanged (copy) or is removed while an unrelated folder stays (move).
 */
function everyFileScenario(t: FolderTransfer, head: ScenarioHead): FolderScenario {
  return scenario(t, head, async (store) => {
    const files = { "src/a.txt": "a", "src/sub/b.txt": "bb", "src/sub/deep/c.bin": patternBytes(300) };
    await seedStore(store, t.keepsSource ? files : { ...files, "other/keep.txt": "keep" });
    const source = await captureTree(store, "src");
    const other = t.keepsSource ? undefined : await captureTree(store, "other");
    assertEqual(await store[t.op]("src", "new/parent/dst"), undefined, `${t.op} result`);
    await expectSourceAfter(store, t, "src", source, `the source after the ${t.words.one}`);
    assertEqual(await store.isFolder("new/parent"), true, 'isFolder("new/parent")');
    const what = t.keepsTimes ? "the destination (paths, bytes, content types, metadata, times)" : "the copy (paths, bytes, content types, metadata)";
    expectSameTree(t, await captureTree(store, "new/parent/dst"), source, what);
    if (other !== undefined) await expectTreeUnchanged(store, other, "the untouched folder", "other");
    const copies = ["new/parent/dst/a.txt", "new/parent/dst/sub/b.txt", "new/parent/dst/sub/deep/c.bin"];
    await expectStoreFiles(store, [...copies, ...(t.keepsSource ? ["src/a.txt", "src/sub/b.txt", "src/sub/deep/c.bin"] : ["other/keep.txt"])]);
  });
}

/**
 * FOLD-010: content types and metadata travel with every file; modification times too (move), or
 * the destination's are stamped during the call while the sources keep theirs (copy).
 */
function fileInfoScenario(t: FolderTransfer, head: ScenarioHead): FolderScenario {
  return { ...scenario(t, head, fileInfoCheck(t)), waitsForClock: true };
}

function fileInfoCheck(t: FolderTransfer): FolderScenario["run"] {
  return async (store, ctx) => {
    await store.write("m/doc.txt", "doc", { contentType: "application/x-custom", metadata: { owner: "ann", "x-tag": "1" } });
    await store.write("m/sub/img.bin", patternBytes(64), { contentType: "image/png", metadata: { k: "v" } });
    await store.write("m/sub/plain.json", "{}");
    const names = ["doc.txt", "sub/img.bin", "sub/plain.json"];
    const sources = await Promise.all(names.map((name) => store.getFileInfo(`m/${name}`)));
    await ctx.letTimePass(new Date(Math.max(...sources.map((info) => info.modifiedAt.getTime()))));
    const started = ctx.now();
    await store[t.op]("m", `${t.words.done}/m2`);
    const ended = ctx.now();
    const tol = ctx.timestampToleranceMs;
    for (const [i, name] of names.entries()) {
      const source = sources[i];
      const arrived = await store.getFileInfo(`${t.words.done}/m2/${name}`);
      assertEqual(arrived.size, source?.size, `size of ${name}`);
      assertEqual(arrived.contentType, source?.contentType, `contentType of ${name}`);
      assertDeepEqual(arrived.metadata, source?.metadata, `metadata of ${name}`);
      if (t.keepsTimes) {
        assertEqual(arrived.modifiedAt.getTime(), source?.modifiedAt.getTime(), `modifiedAt of ${name}`);
        continue;
      }
      const time = arrived.modifiedAt.getTime();
      assert(time >= started - tol && time <= ended + tol, `modifiedAt of the copy of ${name}: expected a time between ${new Date(started - tol).toISOString()} and ${new Date(ended + tol).toISOString()}, got ${show(arrived.modifiedAt)}`);
      assertEqual((await store.getFileInfo(`m/${name}`)).modifiedAt.getTime(), source?.modifiedAt.getTime(), `modifiedAt of the source ${name}`);
    }
  };
}

/** FOLD-010: empty subfolders travel too. */
function emptySubfoldersScenario(t: FolderTransfer, head: LabelledHead): FolderScenario {
  return scenario(t, head, async (store) => {
    await store.createFolder("e/empty");
    await store.createFolder("e/a/empty2");
    await store.write("e/a/f.txt", "f");
    const source = await captureTree(store, "e");
    assertDeepEqual(source.folders, ["a", "a/empty2", "empty"], `folders before the ${t.words.one}`);
    await store[t.op]("e", "e2");
    expectSameTree(t, await captureTree(store, "e2"), source, head.label);
    await expectSourceAfter(store, t, "e", source, `the source after the ${t.words.one}`);
  });
}

/** FOLD-010: an empty folder is a folder to move or copy too. */
function emptyFolderScenario(t: FolderTransfer, head: ScenarioHead): FolderScenario {
  return scenario(t, head, async (store) => {
    const dst = `${t.words.done}/lonely`;
    await store.createFolder("lonely");
    await store[t.op]("lonely", dst);
    assertEqual(await store.isFolder(dst), true, `isFolder(${JSON.stringify(dst)})`);
    if (t.keepsSource) assertEqual(await store.isFolder("lonely"), true, 'isFolder("lonely")');
    else await expectAbsent(store, "lonely");
    await expectStoreFolders(store, [t.words.done, dst, ...(t.keepsSource ? ["lonely"] : [])]);
    await expectStoreFiles(store, []);
  });
}

/**
 * FOLD-011, FOLD-014: on a seeded store, every refusal fails with its error naming its path, and
 * nothing changes. `noOps`, tried first, are transfers of a folder onto itself, which change nothing.
 */
function refusalScenario(t: FolderTransfer, head: RefusalHead): FolderScenario {
  return scenario(t, head, async (store) => {
    await seedStore(store, head.seed);
    const before = await captureTree(store);
    if (head.noOps !== undefined) {
      for (const [src, dst, overwrite] of head.noOps) await transfer(store, t, src, dst, overwrite);
      await expectTreeUnchanged(store, before, `the store after ${t.words.doing} a folder onto itself`);
    }
    for (const [src, dst, code, path, overwrites = [false, true]] of head.refusals) {
      for (const overwrite of overwrites) await expectErrorAt(() => transfer(store, t, src, dst, overwrite), code, path, callLabel(t, src, dst, overwrite));
    }
    await expectTreeUnchanged(store, before, `the store after the refused ${t.words.many}`);
  });
}

/** FOLD-011: every root spelling as source or destination is InvalidPath naming the root. */
function rootSpellingsScenario(t: FolderTransfer, head: ScenarioHead): FolderScenario {
  const refusals = ROOT_SPELLINGS.flatMap((root): Refusal[] => [
    [root, "r2", "INVALID_PATH", ""],
    ["r", root, "INVALID_PATH", ""],
  ]);
  return refusalScenario(t, { ...head, seed: { "r/a.txt": "a" }, refusals });
}

/** FOLD-011: an existing destination folder without overwrite is AlreadyExists naming it. */
function existingDestinationScenario(t: FolderTransfer, head: ScenarioHead): FolderScenario {
  const refusals: Refusal[] = [
    ["s", "d", "ALREADY_EXISTS", "d", [undefined]],
    ["s/", "/d", "ALREADY_EXISTS", "d", [false]],
  ];
  return refusalScenario(t, { ...head, seed: { "s/a.txt": "a", "d/other.txt": "o" }, refusals });
}

/** FOLD-012: with overwrite an existing destination folder is replaced as a whole, never merged. */
function overwriteScenario(t: FolderTransfer, head: LabelledHead): FolderScenario {
  return scenario(t, head, async (store) => {
    await seedStore(store, { "s/a.txt": "new a", "s/sub/b.txt": "b", "d/a.txt": "old a", "d/only-in-dst.txt": "x", "d/dsub/c.txt": "c" });
    const source = await captureTree(store, "s");
    await store[t.op]("s", "d", { overwrite: true });
    expectSameTree(t, await captureTree(store, "d"), source, head.label);
    await expectSourceAfter(store, t, "s", source, "the source");
    await expectStoreFiles(store, ["d/a.txt", "d/sub/b.txt", ...(t.keepsSource ? ["s/a.txt", "s/sub/b.txt"] : [])]);
  });
}

/**
 * Paths are normalised; bad paths and options are rejected, never thrown. The store holds
 * `n/a.txt`; after `"/n//"` → `"\\m\\x\\"` the refused calls use `from` as their source folder.
 */
function normalisationScenario(t: FolderTransfer, head: NormalisationHead): FolderScenario {
  return scenario(t, head, async (store) => {
    const { from } = head;
    const files = ["m/x/a.txt", ...(t.keepsSource ? ["n/a.txt"] : [])];
    await seedStore(store, { "n/a.txt": "a" });
    await store[t.op]("/n//", "\\m\\x\\");
    await expectStoreFiles(store, files);
    await expectRejection(() => store[t.op](head.dotted, "y"), "INVALID_PATH", head.dotted);
    await expectRejection(() => store[t.op](from, "y/../z"), "INVALID_PATH", "y/../z");
    await expectRejection(() => store[t.op](1 as never, "y"), "TypeError");
    await expectRejection(() => store[t.op](from, head.badDst as never), "TypeError");
    await expectRejection(() => store[t.op](from, "y", { overwrite: head.badOverwrite as never }), "TypeError");
    await expectRejection(() => store[t.op](from, "y", "overwrite" as never), "TypeError");
    await expectStoreFiles(store, files);
  });
}

/** In a child store the transfer stays below its root and errors name child-relative paths. */
function childStoreScenario(t: FolderTransfer, head: ChildStoreHead): FolderScenario {
  return scenario(t, head, async (store) => {
    await seedStore(store, { "kid/s/a.txt": "a", "kid/d/b.txt": "b", "outside/s/c.txt": "c" });
    const outside = await captureTree(store, "outside");
    const child = store.child("kid");
    await child[t.op]("s", "t");
    await expectStoreFiles(store, ["kid/d/b.txt", ...(t.keepsSource ? ["kid/s/a.txt"] : []), "kid/t/a.txt", "outside/s/c.txt"]);
    await expectErrorAt(() => child[t.op]("t", "d"), "ALREADY_EXISTS", "d", `child ${t.op} onto an existing folder`);
    await expectErrorAt(() => child[t.op]("missing", "x"), "NOT_FOUND", "missing", `child ${t.op} of a missing folder`);
    await expectErrorAt(() => child[t.op]("t", "t/in"), "INVALID_PATH", "t/in", `child ${t.op} into itself`);
    const [src, dst, label] = head.rootRefusal;
    await expectErrorAt(() => child[t.op](src, dst), "INVALID_PATH", "", label);
    await expectTreeUnchanged(store, outside, "the folder outside the child", "outside");
  });
}

/** Folder aggregates (`getFolderInfo`: file count, total size) after `agg/s` → `dest/s`. */
function aggregatesScenario(t: FolderTransfer, head: AggregatesHead): FolderScenario {
  return scenario(t, head, async (store) => {
    await seedStore(store, head.seed);
    await store[t.op]("agg/s", "dest/s");
    const counts = async (path: string): Promise<[number, number]> => {
      const info = await store.getFolderInfo(path);
      return [info.fileCount, info.totalSize];
    };
    for (const [path, expected] of head.expected) {
      assertDeepEqual(await counts(path), expected, `${path === "" ? "the root" : path} after the ${t.words.one}`);
    }
  });
}

/**
 * The scenario builder of one folder transfer: each shared scenario, given its id and title (and
 * what else differs), and `cases`, the area's whole case list.
 */
export interface FolderScenarioBuilder {
  everyFile(head: ScenarioHead): FolderScenario;
  fileInfo(head: ScenarioHead): FolderScenario;
  emptySubfolders(head: LabelledHead): FolderScenario;
  emptyFolder(head: ScenarioHead): FolderScenario;
  rootSpellings(head: ScenarioHead): FolderScenario;
  refusals(head: RefusalHead): FolderScenario;
  existingDestination(head: ScenarioHead): FolderScenario;
  overwrite(head: LabelledHead): FolderScenario;
  normalisation(head: NormalisationHead): FolderScenario;
  childStore(head: ChildStoreHead): FolderScenario;
  aggregates(head: AggregatesHead): FolderScenario;
  cases(scenarios: readonly FolderScenario[], others: readonly ConformanceCase[], fallbacks: readonly FallbackHead[]): ConformanceCase[];
}

export function folderScenarioBuilder(t: FolderTransfer): FolderScenarioBuilder {
  return {
    everyFile: (head) => everyFileScenario(t, head),
    fileInfo: (head) => fileInfoScenario(t, head),
    emptySubfolders: (head) => emptySubfoldersScenario(t, head),
    emptyFolder: (head) => emptyFolderScenario(t, head),
    rootSpellings: (head) => rootSpellingsScenario(t, head),
    refusals: (head) => refusalScenario(t, head),
    existingDestination: (head) => existingDestinationScenario(t, head),
    overwrite: (head) => overwriteScenario(t, head),
    normalisation: (head) => normalisationScenario(t, head),
    childStore: (head) => childStoreScenario(t, head),
    aggregates: (head) => aggregatesScenario(t, head),
    cases: (scenarios, others, fallbacks) => folderTransferCases(t, scenarios, others, fallbacks),
  };
}
