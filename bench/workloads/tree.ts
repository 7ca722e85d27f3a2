/** The folder tree the point and listing workloads share, in canonical `a/b/c` paths. */
export interface TreeLayout {
  /** Leaf folders, each holding `filesPerFolder` files. */
  readonly leafFolders: readonly string[];
  /** Every file of the tree, folder by folder. */
  readonly files: readonly string[];
  /** A folder of `SMALL_FOLDER_FILES` files, written last. */
  readonly smallFolder: string;
  readonly smallFiles: readonly string[];
  /** Paths that do not exist (same shape as real files). */
  readonly missing: readonly string[];
  /** The first top-level folder and how many files it holds (the rename workload). */
  readonly renameFolder: string;
  readonly renameFolderFiles: number;
}

/** Files in the small folder listed inside the big tree. */
export const SMALL_FOLDER_FILES = 10;

/** Leaf folder paths for a fan-out such as `[10, 10, 10]` (`d0/d3/d7`). */
export function leafFolders(fanout: readonly number[]): string[] {
  let level = [""];
  for (const width of fanout) {
    const next: string[] = [];
    for (const parent of level) for (let i = 0; i < width; i++) next.push(parent === "" ? `d${i}` : `${parent}/d${i}`);
    level = next;
  }
  return level;
}

/** Files `f0..f{n-1}` in each folder. */
export function filesIn(folders: readonly string[], perFolder: number): string[] {
  const files: string[] = [];
  for (const folder of folders) for (let i = 0; i < perFolder; i++) files.push(`${folder}/f${i}`);
  return files;
}

/** The tree of the point, listing and folder workloads. */
export function treeLayout(fanout: readonly number[], filesPerFolder: number): TreeLayout {
  const leaves = leafFolders(fanout);
  const files = filesIn(leaves, filesPerFolder);
  const smallFolder = "small/ten";
  const smallFiles = filesIn([smallFolder], SMALL_FOLDER_FILES);
  const missing = files.map((path) => `${path}.missing`);
  const perTop = files.length / (fanout[0] ?? 1);
  return { leafFolders: leaves, files, smallFolder, smallFiles, missing, renameFolder: "d0", renameFolderFiles: perTop };
}

/** Deterministic content of `size` bytes. */
export function bytes(size: number, seed = 1): Uint8Array {
  const data = new Uint8Array(size);
  for (let i = 0; i < size; i++) data[i] = (i * 31 + seed) & 0xff;
  return data;
}

// spec BENCH-005: every workload checks what the system returned; a mismatch fails the run.
/** Fails loudly when a system returns the wrong figure (so no workload result is taken on trust). */
export function expectEqual(system: string, what: string, actual: number, expected: number): void {
  if (actual !== expected) throw new Error(`${system}: ${what} gave ${actual}, expected ${expected}`);
}
