/** Sizes and repetition counts of one benchmark run. */
export interface BenchConfig {
  readonly mode: "full" | "quick";
  /** Measured repetitions per workload and system (after one warm-up pass). */
  readonly repetitions: number;
  /**
   * Measured repetitions of the big-file family (stream, bandwidth, multipart): its samples scatter
   * most (the kernel's cost of faulting in fresh memory varies from run to run), and a session is short.
   */
  readonly bigFileRepetitions: number;
  /** Tree workloads: folder fan-out per level (depth = length) and files per leaf folder. */
  readonly fanout: readonly number[];
  readonly filesPerFolder: number;
  readonly fileSize: number;
  /** Listings of the 10-file folder inside the tree. */
  readonly smallListings: number;
  /** Files in the one-folder workload. */
  readonly flatFiles: number;
  /** Tree sizes for the "small listing does not depend on tree size" series. */
  readonly scalingTrees: readonly number[];
  /** Listings of the small folder per tree size in that series. */
  readonly scalingListings: number;
  /** Streamed file: total bytes and chunk size. */
  readonly streamBytes: number;
  readonly chunkBytes: number;
  /** Heap workload: number of files and their size. */
  readonly heapFiles: number;
  readonly heapFileSize: number;
  /** Issue-5 workloads: files below the moved folder, and multipart sizes. */
  readonly moveFolderSizes: readonly number[];
  readonly multipartBytes: number;
  readonly partBytes: number;
  /** Longest time one system may spend on one batch before the rest is extrapolated. */
  readonly budgetMs: number;
  /** Longest time one system may spend building the files of the heap and move-folder workloads. */
  readonly buildBudgetMs: number;
  /** Whether the tree-size series includes memfs (building its largest tree takes a while). */
  readonly scalingWithMemfs: boolean;
  /** Repetitions of the tree-size series (it builds the largest trees, so it runs fewer times). */
  readonly scalingRepetitions: number;
  /** Hot-path family (issue 17): folder fan-out per level of its point operations (100 files per folder). */
  readonly hotPathFanout: readonly number[];
  /** Hot-path family: files in the one folder it lists. */
  readonly hotPathFolderFiles: number;
  /** Hot-path family: measured repetitions (a session is short, and the figures are compared at 0.8×). */
  readonly hotPathRepetitions: number;
}

const MiB = 2 ** 20;

// spec BENCH-003 (5 repetitions, 9 for big files), BENCH-006 (budgets 3 s, 6 s to build), BENCH-010..BENCH-015 and BENCH-017 (sizes).
/** The full run behind bench/RESULTS.md (several minutes). */
export const FULL: BenchConfig = {
  mode: "full",
  repetitions: 5,
  bigFileRepetitions: 9,
  fanout: [10, 10, 10],
  filesPerFolder: 100,
  fileSize: 1024,
  smallListings: 1000,
  flatFiles: 100_000,
  scalingTrees: [10_000, 100_000, 1_000_000],
  scalingListings: 10_000,
  streamBytes: 256 * MiB,
  chunkBytes: MiB,
  heapFiles: 100_000,
  heapFileSize: 16,
  moveFolderSizes: [10_000, 100_000],
  multipartBytes: 256 * MiB,
  partBytes: 8 * MiB,
  budgetMs: 3000,
  buildBudgetMs: 6000,
  scalingWithMemfs: true,
  scalingRepetitions: 3,
  hotPathFanout: [20, 10],
  hotPathFolderFiles: 50_000,
  hotPathRepetitions: 9,
};

// spec BENCH-016 (quick sizes; the hot-path family keeps its sizes), BENCH-014 (quick tree-size series), BENCH-003 (3 repetitions, 5 for big files), BENCH-006 (0.25 s, 0.6 s).
/** `--quick`: the same workloads, ten times smaller, for a run under a minute. */
export const QUICK: BenchConfig = {
  mode: "quick",
  repetitions: 3,
  bigFileRepetitions: 5,
  fanout: [5, 5, 4],
  filesPerFolder: 100,
  fileSize: 1024,
  smallListings: 1000,
  flatFiles: 10_000,
  scalingTrees: [1_000, 10_000, 100_000],
  scalingListings: 2_000,
  streamBytes: 32 * MiB,
  chunkBytes: MiB,
  heapFiles: 5_000,
  heapFileSize: 16,
  moveFolderSizes: [1_000, 5_000],
  multipartBytes: 32 * MiB,
  partBytes: 8 * MiB,
  budgetMs: 250,
  buildBudgetMs: 600,
  scalingWithMemfs: false,
  scalingRepetitions: 1,
  hotPathFanout: [20, 10],
  hotPathFolderFiles: 50_000,
  hotPathRepetitions: 5,
};

/** The warm-up pass before the measured ones: every code path, at small sizes. */
export const WARM_UP: BenchConfig = {
  ...QUICK,
  fanout: [2, 2, 5],
  smallListings: 200,
  flatFiles: 2000,
  streamBytes: 8 * MiB,
  heapFiles: 2000,
  moveFolderSizes: [1000],
  multipartBytes: 8 * MiB,
  budgetMs: 100,
  buildBudgetMs: 200,
  scalingRepetitions: 0,
  hotPathFanout: [2, 5],
  hotPathFolderFiles: 2000,
  hotPathRepetitions: 1,
};
