import { timeInBatches, timeMedianPart, wallClock, type Clock } from "../harness/measure.js";
import type { WorkloadSpec } from "../report/results.js";
import { partialTree, sample, type TreeContext } from "./context.js";
import { bytes, expectEqual, type TreeLayout } from "./tree.js";

/** The workload ids one run of the point operations records, and which paths `exists` asks about. */
export interface PointWorkloads {
  readonly write: string;
  readonly read: string;
  readonly stat: string;
  readonly exists: string;
  /** `missing`: paths that do not exist (every answer false); `files`: the files written (every answer true). */
  readonly probe: "missing" | "files";
  /** Each operation is timed as this many consecutive parts of the files, the figure scaled from the median part (1: one batch). */
  readonly batches: number;
  /** The clock the operations are timed on. */
  readonly clock: Clock;
}

/** The tree family's point operations (BENCH-010). */
export const TREE_POINT_OPS: PointWorkloads = { write: "write", read: "read", stat: "stat", exists: "exists-missing", probe: "missing", batches: 1, clock: wallClock };

// spec BENCH-010: write, read, stat, exists-missing on the tree.
/** The point-operation workloads on the shared tree: write, read, stat, exists-on-missing. */
export function pointSpecs(tree: TreeLayout, fileSize: number, { ids = TREE_POINT_OPS, family = "point-ops" } = {}): WorkloadSpec[] {
  const n = tree.files.length;
  const depth = tree.leafFolders[0]?.split("/").length ?? 0;
  const folders = tree.leafFolders.length;
  const count = n.toLocaleString("en");
  const probed = ids.probe === "missing" ? `${count} missing paths` : `those ${count} files`;
  return [
    { id: ids.write, family, title: `write ${count} files of ${fileSize} B over ${folders.toLocaleString("en")} folders at depth ${depth}`, unit: "ms", count: n, per: "file", bytes: n * fileSize },
    { id: ids.read, family, title: `read those ${count} files`, unit: "ms", count: n, per: "file", bytes: n * fileSize },
    { id: ids.stat, family, title: `stat those ${count} files`, unit: "ms", count: n, per: "file" },
    { id: ids.exists, family, title: `exists on ${probed}`, unit: "ms", count: n, per: "path" },
  ];
}

/**
 * Builds the tree folder by folder (timed: that is the write workload; a system that runs out
 * of time budget keeps the folders written so far), then reads, stats and probes paths (missing
 * ones, or the files written) of what was written. Returns the context for the listing and
 * folder workloads.
 */
export async function runPointOps(start: TreeContext, ids: PointWorkloads = TREE_POINT_OPS): Promise<TreeContext> {
  const { session, system, config } = start;
  const data = bytes(config.fileSize);
  const total = start.native.files.length;
  const write = await timeInBatches(start.native.files, { batches: ids.batches, slice: config.filesPerFolder, budgetMs: config.budgetMs, clock: ids.clock }, (part) => session.writeFiles(part, data));
  sample(start, ids.write, write.ms, { extrapolated: write.done < total });
  await session.writeFiles(start.native.smallFiles, data);
  const context: TreeContext = { ...start, native: partialTree(start.native, write.done, config.filesPerFolder), written: write.done };
  const { native } = context;
  const n = write.done;
  const scale = { part: n, whole: total };
  const timed = (items: readonly string[], run: (part: readonly string[]) => Promise<void>): Promise<number> => timeMedianPart(items, ids, run);

  let read = 0;
  sample(context, ids.read, await timed(native.files, async (part) => void (read += await session.readFiles(part))), scale);
  expectEqual(system.id, "read", read, n * config.fileSize);

  let statted = 0;
  sample(context, ids.stat, await timed(native.files, async (part) => void (statted += await session.statFiles(part))), scale);
  expectEqual(system.id, "stat", statted, n * config.fileSize);

  const probed = ids.probe === "missing" ? native.missing : native.files;
  let found = 0;
  sample(context, ids.exists, await timed(probed, async (part) => void (found += await session.countExisting(part))), scale);
  expectEqual(system.id, `exists on ${ids.probe === "missing" ? "missing paths" : "the files"}`, found, ids.probe === "missing" ? 0 : n);
  return context;
}
