import type { BenchConfig } from "../config.js";
import { cpuClock } from "../harness/measure.js";
import type { Recorder, WorkloadSpec } from "../report/results.js";
import type { SystemAdapter } from "../systems/system.js";
import { nativeTree } from "./context.js";
import { flatSpecs, runFlatFolder, type FolderWorkloads } from "./listing.js";
import { pointSpecs, runPointOps, type PointWorkloads } from "./point-ops.js";
import { treeLayout, type TreeLayout } from "./tree.js";

const family = "hot-path";

/**
 * The point operations of the hot-path family: `exists` asks about the files written, and each
 * operation is timed in CPU time as five consecutive parts of the files (a part takes a few
 * milliseconds).
 */
export const HOT_POINT_OPS: PointWorkloads = { write: "hot-write", read: "hot-read", stat: "hot-stat", exists: "hot-exists", probe: "files", batches: 5, clock: cpuClock };

/** The one folder the hot-path family lists, timed in CPU time. */
export function hotFolder(config: BenchConfig): FolderWorkloads {
  return { files: config.hotPathFolderFiles, create: "hot-folder-create", list: "hot-folder-list", family, clock: cpuClock };
}

/** The hot-path family's tree: `hotPathFanout` folders of `filesPerFolder` files. */
export function hotPathTree(config: BenchConfig): TreeLayout {
  return treeLayout(config.hotPathFanout, config.filesPerFolder);
}

// spec BENCH-017: hot-write, hot-read, hot-stat, hot-exists on 20,000 files; hot-folder-create and hot-folder-list of 50,000.
/** The hot-path workloads (issue 17): point operations against the copying floor, and one big folder. */
export function hotPathSpecs(config: BenchConfig): WorkloadSpec[] {
  return [...pointSpecs(hotPathTree(config), config.fileSize, { ids: HOT_POINT_OPS, family }), ...flatSpecs(hotFolder(config))];
}

/**
 * One session of the hot-path family on `system`: writes the files folder by folder, reads,
 * stats and probes each of them; then, in a fresh instance, fills one folder and lists it.
 */
export async function runHotPath(system: SystemAdapter, config: BenchConfig, recorder: Recorder, record: boolean): Promise<void> {
  const tree = hotPathTree(config);
  const session = await system.open();
  try {
    await runPointOps({ system, session, tree, native: nativeTree(system, tree), config, recorder, record, written: 0 }, HOT_POINT_OPS);
  } finally {
    await session.close();
  }
  await runFlatFolder(system, config, recorder, record, hotFolder(config));
}
