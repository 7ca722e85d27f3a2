import type { BenchConfig } from "../config.js";
import { collectGarbage, heapBytes, timeWithBudget } from "../harness/measure.js";
import type { Recorder, WorkloadSpec } from "../report/results.js";
import type { SystemAdapter } from "../systems/system.js";
import { sample } from "./context.js";
import { bytes, filesIn, leafFolders } from "./tree.js";

// spec BENCH-013: heap-per-file.
/** The heap workload. */
export function heapSpecs(config: BenchConfig): WorkloadSpec[] {
  return [
    {
      id: "heap-per-file",
      family: "heap",
      title: `heap bytes per stored file (${config.heapFiles.toLocaleString("en")} files of ${config.heapFileSize} B in folders of 100, after GC)`,
      unit: "bytes",
      count: 1,
      per: "file",
    },
  ];
}

// spec BENCH-008: growth between two full GCs, divided by the files written.
/**
 * Heap growth per file: JS heap plus external memory (ArrayBuffer contents) after a full GC,
 * minus the same before the files were written, divided by the files written. Paths are
 * created after the first reading and dropped before the second, so only what a system keeps
 * is counted. A slow system may stop early (after `buildBudgetMs`); its figure is then
 * per file of the part written (marked `~`).
 */
export async function runHeap(system: SystemAdapter, config: BenchConfig, recorder: Recorder, record: boolean): Promise<void> {
  const session = await system.open();
  try {
    const data = bytes(config.heapFileSize);
    const folders = Math.max(100, Math.round(config.heapFiles / 100));
    collectGarbage();
    const before = heapBytes();
    let written = 0;
    {
      const paths = filesIn(leafFolders([10, 10, folders / 100]), 100).slice(0, config.heapFiles).map(system.path);
      written = (await timeWithBudget(paths, 100, config.buildBudgetMs, (part) => session.writeFiles(part, data))).done;
    }
    collectGarbage();
    const after = heapBytes();
    sample({ system, recorder, record }, "heap-per-file", (after - before) / written, { extrapolated: written < config.heapFiles });
  } finally {
    await session.close();
  }
}
