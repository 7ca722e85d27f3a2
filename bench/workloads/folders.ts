import type { BenchConfig } from "../config.js";
import { timeRepeated, timeWithBudget } from "../harness/measure.js";
import type { Recorder, WorkloadSpec } from "../report/results.js";
import type { Session, SystemAdapter } from "../systems/system.js";
import { sample, type SampleSink, type TreeContext } from "./context.js";
import { bytes, expectEqual, filesIn, leafFolders, type TreeLayout } from "./tree.js";

const family = "folders";

// spec BENCH-010: folder-info-root and rename-folder; BENCH-007: timed per call when too short.
/** Folder workloads on the shared tree. */
export function treeFolderSpecs(tree: TreeLayout): WorkloadSpec[] {
  const n = tree.files.length + tree.smallFiles.length;
  return [
    { id: "folder-info-root", family, title: `folder size and file count of the root of the ${n.toLocaleString("en")}-file tree`, unit: "ms", count: 1, per: "query" },
    { id: "rename-folder", family, title: `rename a folder holding ${tree.renameFolderFiles.toLocaleString("en")} files`, unit: "ms", count: 1, per: "rename" },
  ];
}

/** Times `folderStats` of the root (repeated while a call takes under a few ms) and checks its answer. */
async function timeRootStats(sink: SampleSink, session: Session, workload: string, expected: { files: number; bytes: number }, scale: { part: number; whole: number }): Promise<void> {
  let stats = { files: 0, bytes: 0 };
  const timed = await timeRepeated(async () => (stats = await session.folderStats(sink.system.path(""))));
  expectEqual(sink.system.id, "folder file count", stats.files, expected.files);
  expectEqual(sink.system.id, "folder bytes", stats.bytes, expected.bytes);
  sample(sink, workload, timed.ms, scale);
}

/**
 * Moves folder `a` to `b` and back while a move takes under a few ms (at least once), and
 * returns the time per move and where the folder ended up.
 */
async function timeMoves(session: Session, a: string, b: string): Promise<{ ms: number; at: string }> {
  const timed = await timeRepeated((i) => (i % 2 === 0 ? session.renameFolder(a, b) : session.renameFolder(b, a)), { maxRuns: 200 });
  return { ms: timed.ms, at: timed.runs % 2 === 1 ? b : a };
}

/** Asks for the root's size and count, then renames the first top-level folder. */
export async function runTreeFolderOps(context: TreeContext): Promise<void> {
  const { session, system, tree, config, native, written } = context;
  const files = written + tree.smallFiles.length;
  await timeRootStats(context, session, "folder-info-root", { files, bytes: files * config.fileSize }, { part: files, whole: tree.files.length + tree.smallFiles.length });

  const inFolder = Math.min(written, tree.renameFolderFiles);
  const moved = await timeMoves(session, native.renameFolder, system.path("renamed"));
  sample(context, "rename-folder", moved.ms, { part: inFolder, whole: tree.renameFolderFiles });
  const firstFile = `${moved.at}${(native.files[0] as string).slice(native.renameFolder.length)}`;
  expectEqual(system.id, "file after rename", await session.countExisting([firstFile]), 1);
}

/** Files of a folder `big/` holding `files` files, 100 per subfolder. */
function bigFolderFiles(files: number): string[] {
  const subfolders = leafFolders([Math.max(1, Math.round(files / 100))]).map((folder) => `big/${folder}`);
  return filesIn(subfolders, Math.min(files, 100));
}

// spec BENCH-015: move-folder-N and folder-info-N.
/** Issue-5 workloads: moving a large folder, and folder info at the root of a large tree. */
export function moveFolderSpecs(config: BenchConfig): WorkloadSpec[] {
  const specs: WorkloadSpec[] = config.moveFolderSizes.map((files) => ({
    id: `move-folder-${files}`,
    family,
    title: `moveFolder of a folder holding ${files.toLocaleString("en")} files`,
    unit: "ms",
    count: 1,
    per: "move",
  }));
  const largest = config.moveFolderSizes[config.moveFolderSizes.length - 1] ?? 0;
  specs.push({ id: `folder-info-${largest}`, family, title: `getFolderInfo at the root of a ${largest.toLocaleString("en")}-file tree`, unit: "ms", count: 1, per: "query" });
  return specs;
}

/**
 * Builds `big/` with `files` 16-byte files (within `buildBudgetMs`; a move of a partial folder
 * is scaled up and marked), moves it, and for the largest size also asks for the root's info.
 */
export async function runMoveFolder(system: SystemAdapter, config: BenchConfig, files: number, recorder: Recorder, record: boolean): Promise<void> {
  const sink = { system, recorder, record };
  const session = await system.open();
  try {
    const paths = bigFolderFiles(files).map(system.path);
    const build = await timeWithBudget(paths, 100, config.buildBudgetMs, (part) => session.writeFiles(part, bytes(16)));
    const scale = { part: build.done, whole: files };
    if (files === config.moveFolderSizes[config.moveFolderSizes.length - 1]) {
      await timeRootStats(sink, session, `folder-info-${files}`, { files: build.done, bytes: build.done * 16 }, scale);
    }
    const moved = await timeMoves(session, system.path("big"), system.path("moved"));
    sample(sink, `move-folder-${files}`, moved.ms, scale);
    const probe = `${moved.at}${(paths[0] as string).slice(system.path("big").length)}`;
    expectEqual(system.id, "file after move", await session.countExisting([probe]), 1);
  } finally {
    await session.close();
  }
}
