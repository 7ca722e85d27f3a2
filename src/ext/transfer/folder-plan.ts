import { compareCodePoints } from "../../paths/compare.js";
import { depthOf, parentPath } from "../../paths/path-parts.js";
import type { PathFilter } from "./path-filter.js";

/** What the folder part of a plan is computed from (all store-relative paths). */
export interface FolderPlanInput {
  /** Every source folder (unfiltered); `undefined` when not listed. */
  readonly srcFolders: readonly string[] | undefined;
  /** Every destination folder (unfiltered); `undefined` when not listed. */
  readonly dstFolders: readonly string[] | undefined;
  /** Every destination file (unfiltered). */
  readonly dstFiles: readonly string[];
  /** Files the sync will create. */
  readonly creates: readonly string[];
  /** Destination files the sync will delete. */
  readonly deletes: ReadonlySet<string>;
  readonly filter: PathFilter;
  /** The destination declares `createFolder`. */
  readonly canCreate: boolean;
  readonly deleteExtra: boolean;
}

/**
 * The folders a sync creates and deletes (spec XFER-027): source folders missing at the
 * destination that no file copy brings along; and, with `deleteExtra`, destination folders the
 * source lacks under which nothing stays — deepest first.
 */
export function planFolders(input: FolderPlanInput): { createFolders: string[]; deleteFolders: string[] } {
  const { filter } = input;
  const srcFolders = (input.srcFolders ?? []).filter((folder) => filter.selects(folder));
  const dstFolderSet = new Set(input.dstFolders ?? []);
  const createFolders: string[] = [];
  if (input.canCreate) {
    const broughtAlong = new Set<string>();
    for (const file of input.creates) addAncestors(broughtAlong, file);
    for (const folder of srcFolders) if (!dstFolderSet.has(folder) && !broughtAlong.has(folder)) createFolders.push(folder);
  }
  if (!input.deleteExtra || input.dstFolders === undefined) return { createFolders, deleteFolders: [] };
  const srcFolderSet = new Set(srcFolders);
  const candidates = input.dstFolders.filter((folder) => filter.selects(folder) && !srcFolderSet.has(folder));
  const candidateSet = new Set(candidates);
  const occupied = new Set<string>();
  for (const file of input.dstFiles) if (!input.deletes.has(file)) addAncestors(occupied, file);
  for (const file of input.creates) addAncestors(occupied, file);
  for (const folder of input.dstFolders) if (!candidateSet.has(folder)) addAncestors(occupied, folder);
  candidates.sort((a, b) => depthOf(b) - depthOf(a) || compareCodePoints(a, b));
  const deleteFolders: string[] = [];
  for (const folder of candidates) {
    if (occupied.has(folder)) addAncestors(occupied, folder);
    else deleteFolders.push(folder);
  }
  return { createFolders, deleteFolders };
}

/** Adds every proper ancestor folder of `path` (not the root) to `set`. */
function addAncestors(set: Set<string>, path: string): void {
  for (let parent = parentPath(path); parent !== "" && !set.has(parent); parent = parentPath(parent)) set.add(parent);
}
