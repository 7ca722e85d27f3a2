import type { BenchConfig } from "../config.js";
import type { Recorder, WorkloadSpec } from "../report/results.js";
import type { SystemAdapter } from "../systems/system.js";
import { collectGarbage, timeWithBudget } from "../harness/measure.js";
import { runSmallListings } from "./listing.js";
import { bytes, filesIn, leafFolders, SMALL_FOLDER_FILES } from "./tree.js";

/** The workload id of the small listing inside a tree of `files` files. */
export function scalingId(files: number): string {
  return `list-small-in-${files}`;
}

// spec BENCH-014: the small listing inside ever larger trees.
/** One workload per tree size: the same small-folder listing inside ever larger trees. */
export function scalingSpecs(config: BenchConfig): WorkloadSpec[] {
  return config.scalingTrees.map((files) => ({
    id: scalingId(files),
    family: "scaling",
    title: `list a ${SMALL_FOLDER_FILES}-file folder ${config.scalingListings.toLocaleString("en")} times inside a ${files.toLocaleString("en")}-file tree`,
    unit: "ms",
    count: config.scalingListings,
    per: "listing",
  }));
}

/** Leaf folders of 100 files for a tree of `files` files, at depth 3. */
function scalingLeaves(files: number): string[] {
  const folders = Math.max(1, Math.round(files / 100));
  return folders >= 100 ? leafFolders([10, 10, folders / 100]) : leafFolders([1, 1, folders]);
}

/** Builds a tree of `files` 16-byte files plus the small folder, then runs the small listings. */
export async function runScaling(system: SystemAdapter, config: BenchConfig, files: number, recorder: Recorder, record: boolean): Promise<void> {
  const session = await system.open();
  try {
    const data = bytes(16);
    await session.writeFiles(filesIn(scalingLeaves(files), Math.min(100, files)).map(system.path), data);
    await session.writeFiles(filesIn(["small/ten"], SMALL_FOLDER_FILES).map(system.path), data);
    // spec BENCH-004: settle after the build.
    // Settle after the build: collect its garbage, then list untimed (within a quarter of the
    // budget) so that the code is optimised again before the timed listings.
    collectGarbage();
    const smallFolder = system.path("small/ten");
    await timeWithBudget(new Array<string>(config.scalingListings / 10).fill(smallFolder), 50, config.budgetMs / 4, async (part) => {
      await session.listFolders(part);
    });
    await runSmallListings({ system, session, smallFolder, config, recorder, record }, { workload: scalingId(files), count: config.scalingListings });
  } finally {
    await session.close();
  }
}
