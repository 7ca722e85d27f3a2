import { timeMs, timeWithBudget } from "../harness/measure.js";
import type { WorkloadSpec } from "../report/results.js";
import { partialTree, sample, type TreeContext } from "./context.js";
import { bytes, expectEqual, type TreeLayout } from "./tree.js";

// spec BENCH-010: write, read, stat, exists-missing on the tree.
/** The point-operation workloads on the shared tree: write, read, stat, exists-on-missing. */
export function pointSpecs(tree: TreeLayout, fileSize: number): WorkloadSpec[] {
  const n = tree.files.length;
  const depth = tree.leafFolders[0]?.split("/").length ?? 0;
  const folders = tree.leafFolders.length;
  const family = "point-ops";
  const count = n.toLocaleString("en");
  return [
    { id: "write", family, title: `write ${count} files of ${fileSize} B over ${folders.toLocaleString("en")} folders at depth ${depth}`, unit: "ms", count: n, per: "file", bytes: n * fileSize },
    { id: "read", family, title: `read those ${count} files`, unit: "ms", count: n, per: "file", bytes: n * fileSize },
    { id: "stat", family, title: `stat those ${count} files`, unit: "ms", count: n, per: "file" },
    { id: "exists-missing", family, title: `exists on ${count} missing paths`, unit: "ms", count: n, per: "path" },
  ];
}

/**
 * Builds the tree folder by folder (timed: that is the write workload; a system that runs out
 * of time budget keeps the folders written so far), then reads, stats and probes missing paths
 * of what was written. Returns the context for the listing and folder workloads.
 */
export async function runPointOps(start: TreeContext): Promise<TreeContext> {
  const { session, system, config } = start;
  const data = bytes(config.fileSize);
  const total = start.native.files.length;
  const write = await timeWithBudget(start.native.files, config.filesPerFolder, config.budgetMs, (part) => session.writeFiles(part, data));
  sample(start, "write", write.ms, { extrapolated: write.done < total });
  await session.writeFiles(start.native.smallFiles, data);
  const context: TreeContext = { ...start, native: partialTree(start.native, write.done, config.filesPerFolder), written: write.done };
  const { native } = context;
  const n = write.done;
  const scale = { part: n, whole: total };

  let read = 0;
  sample(context, "read", await timeMs(async () => (read = await session.readFiles(native.files))), scale);
  expectEqual(system.id, "read", read, n * config.fileSize);

  let statted = 0;
  sample(context, "stat", await timeMs(async () => (statted = await session.statFiles(native.files))), scale);
  expectEqual(system.id, "stat", statted, n * config.fileSize);

  let found = -1;
  sample(context, "exists-missing", await timeMs(async () => (found = await session.countExisting(native.missing))), scale);
  expectEqual(system.id, "exists on missing paths", found, 0);
  return context;
}
