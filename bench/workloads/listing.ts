import { median, timeMs, timeWithBudget, wallClock, type Clock } from "../harness/measure.js";
import type { WorkloadSpec } from "../report/results.js";
import type { Session, SystemAdapter } from "../systems/system.js";
import { sample, type TreeContext } from "./context.js";
import { bytes, expectEqual, filesIn, SMALL_FOLDER_FILES, type TreeLayout } from "./tree.js";
import type { BenchConfig } from "../config.js";
import type { Recorder } from "../report/results.js";

const family = "listing";

// spec BENCH-010: list-each-folder, list-recursive, list-small.
/** The listing workloads on the shared tree. */
export function treeListingSpecs(tree: TreeLayout, config: BenchConfig): WorkloadSpec[] {
  const n = tree.files.length + tree.smallFiles.length;
  return [
    { id: "list-each-folder", family, title: `list each of the ${tree.leafFolders.length.toLocaleString("en")} folders (${config.filesPerFolder} files each)`, unit: "ms", count: tree.leafFolders.length, per: "listing" },
    { id: "list-recursive", family, title: `recursive listing from the root (${n.toLocaleString("en")} files)`, unit: "ms", count: 1, per: "listing" },
    { id: "list-small", family, title: `list a ${SMALL_FOLDER_FILES}-file folder ${config.smallListings.toLocaleString("en")} times inside the ${n.toLocaleString("en")}-file tree`, unit: "ms", count: config.smallListings, per: "listing" },
  ];
}

/** Lists every leaf folder, the whole tree, and one small folder many times. */
export async function runTreeListings(context: TreeContext): Promise<void> {
  const { session, native, system, config, tree, written } = context;
  let entries = 0;
  const each = await timeWithBudget(native.leafFolders, 10, config.budgetMs, async (part) => {
    entries += await session.listFolders(part);
  });
  if (each.done === each.total) expectEqual(system.id, "list each folder", entries, written);
  sample(context, "list-each-folder", each.ms, { part: native.leafFolders.length, whole: tree.leafFolders.length, extrapolated: each.done < each.total });

  let all = 0;
  const total = tree.files.length + tree.smallFiles.length;
  sample(context, "list-recursive", await timeMs(async () => (all = await session.listRecursive(system.path("")))), { part: written + tree.smallFiles.length, whole: total });
  if (all < written + tree.smallFiles.length) throw new Error(`${system.id}: recursive listing saw ${all} entries`);

  await runSmallListings({ ...context, smallFolder: native.smallFolder });
}

/**
 * The floor of any listing that returns `FileInfo` entries: only building as many frozen
 * `FileInfo`-shaped objects (path, name, size, a new `Date`, content type) as the recursive
 * listing returns, with no store behind them. Recorded as the system `fileinfo-objects`.
 */
export async function runResultObjects(tree: TreeLayout, recorder: Recorder, record: boolean): Promise<void> {
  const paths = [...tree.files, ...tree.smallFiles];
  let built: object[] = [];
  const ms = await timeMs(async () => {
    const now = Date.now();
    for (const path of paths) {
      built.push(Object.freeze({ kind: "file", path, name: path.slice(path.lastIndexOf("/") + 1), size: 1024, modifiedAt: new Date(now), contentType: "application/octet-stream" }));
    }
  });
  expectEqual("fileinfo-objects", "objects built", built.length, paths.length);
  built = [];
  if (record) recorder.add("list-recursive", "fileinfo-objects", ms);
}

/** Where a small-folder series runs: an open session and the small folder's native path. */
export interface SmallListingTarget {
  readonly system: SystemAdapter;
  readonly session: Session;
  readonly smallFolder: string;
  readonly config: BenchConfig;
  readonly recorder: Recorder;
  readonly record: boolean;
}

/** Timed batches of the small listing per session; the sample is their median (spec BENCH-009). */
const SMALL_LISTING_BATCHES = 5;

// spec BENCH-009: the small listing is timed as consecutive batches, the sample is the median batch.
/**
 * Lists the small folder `count` times (budgeted), as up to five consecutive batches, and records
 * the median batch: a batch takes a few milliseconds, so one garbage collection left over from
 * earlier work (or just after a forced one) would otherwise decide the figure. A batch cut short
 * by the budget is extrapolated and ends the series. Shared with the tree-size series.
 */
export async function runSmallListings(target: SmallListingTarget, { workload = "list-small", count = target.config.smallListings } = {}): Promise<void> {
  const { session, system, config } = target;
  const folders = new Array<string>(count).fill(target.smallFolder);
  const batches: number[] = [];
  let extrapolated = false;
  while (batches.length < SMALL_LISTING_BATCHES && !extrapolated) {
    let entries = 0;
    const batch = await timeWithBudget(folders, 50, config.budgetMs, async (part) => {
      entries += await session.listFolders(part);
    });
    expectEqual(system.id, "small listing", entries, batch.done * SMALL_FOLDER_FILES);
    batches.push(batch.ms);
    extrapolated = batch.done < batch.total;
  }
  sample(target, workload, median(batches), { extrapolated });
}

/** The workload ids and size of one one-folder run, and the clock it is timed on. */
export interface FolderWorkloads {
  readonly files: number;
  readonly create: string;
  readonly list: string;
  readonly family: string;
  readonly clock: Clock;
}

/** The one-folder family (BENCH-011): `flatFiles` files. */
export function flatWorkloads(config: BenchConfig): FolderWorkloads {
  return { files: config.flatFiles, create: "flat-create", list: "flat-list", family, clock: wallClock };
}

// spec BENCH-011: flat-create and flat-list.
/** The one-folder workloads (of the one-folder family, or of another family's folder). */
export function flatSpecs(folder: FolderWorkloads): WorkloadSpec[] {
  const n = folder.files.toLocaleString("en");
  return [
    { id: folder.create, family: folder.family, title: `one folder of ${n} files: create`, unit: "ms", count: folder.files, per: "file" },
    { id: folder.list, family: folder.family, title: `one folder of ${n} files: list`, unit: "ms", count: 1, per: "listing" },
  ];
}

/** Fills one folder with `folder.files` files of 16 bytes (budgeted), then lists it once. */
export async function runFlatFolder(system: SystemAdapter, config: BenchConfig, recorder: Recorder, record: boolean, folder = flatWorkloads(config)): Promise<void> {
  const sink = { system, recorder, record };
  const session = await system.open();
  try {
    const paths = filesIn(["flat"], folder.files).map(system.path);
    const data = bytes(16);
    const create = await timeWithBudget(paths, 100, config.budgetMs, (part) => session.writeFiles(part, data), folder.clock);
    sample(sink, folder.create, create.ms, { extrapolated: create.done < create.total });
    let listed = 0;
    const ms = await timeMs(async () => (listed = await session.listFolders([system.path("flat")])), folder.clock);
    expectEqual(system.id, "flat listing", listed, create.done);
    // A partial folder is listed and scaled in proportion (listing cost is linear in the entries).
    sample(sink, folder.list, ms, { part: create.done, whole: create.total });
  } finally {
    await session.close();
  }
}
