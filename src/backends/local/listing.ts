import type { Dirent, Stats } from "node:fs";
import { lstat, readdir } from "node:fs/promises";
import * as nodePath from "node:path";
import type { Entry, FileInfo } from "../../contract/models.js";
import { compareCodePoints } from "../../paths/compare.js";
import { joinPath } from "../../paths/path-parts.js";
import { hasErrno, mapFsError } from "./errno.js";
import { makeFileInfo, makeFolderEntry } from "./file-info.js";
import { isReservedName } from "./reserved.js";
import { SIDECAR_FOLDER, defaultAttributes, readAttributes, sidecarNames } from "./sidecar.js";

/** What {@link collectEntries} gathers. */
export interface CollectOptions {
  /** Levels to descend below the folder: `0` gathers only its own entries. */
  readonly maxDepth: number;
  readonly files: boolean;
  readonly folders: boolean;
}

/**
 * Gathers the entries below a real local folder, reported under backend path `base`, sorted
 * in code point order of their full paths (spec LOC-070, LOC-071). Reserved entries,
 * symbolic links and other non-regular entries are skipped; entries that vanish while the
 * walk runs are left out.
 */
export async function collectEntries(folder: string, base: string, options: CollectOptions): Promise<Entry[]> {
  const found: Entry[] = [];
  await walk(folder, base, 0, options, found);
  return found.sort((a, b) => compareCodePoints(a.path, b.path));
}

async function walk(folder: string, base: string, depth: number, options: CollectOptions, found: Entry[]): Promise<void> {
  const dirents = await entriesOf(folder, base);
  const sidecars = dirents.some((d) => d.name === SIDECAR_FOLDER && d.isDirectory()) ? await sidecarNames(folder) : undefined;
  const pending: Promise<void>[] = [];
  for (const dirent of dirents) {
    if (isReservedName(dirent.name)) continue;
    const path = joinPath(base, dirent.name);
    if (dirent.isDirectory()) {
      if (options.folders) found.push(makeFolderEntry(path));
      if (depth < options.maxDepth) pending.push(walk(nodePath.join(folder, dirent.name), path, depth + 1, options, found));
    } else if (dirent.isFile() && options.files) {
      const hasSidecar = sidecars?.has(dirent.name) === true;
      pending.push(
        fileInfoAt(folder, dirent.name, path, hasSidecar).then((info) => {
          if (info !== undefined) found.push(info);
        }),
      );
    }
  }
  await Promise.all(pending);
}

/** The `FileInfo` of regular file `name` in real folder `folder`, or `undefined` if it is gone. */
async function fileInfoAt(folder: string, name: string, path: string, hasSidecar: boolean): Promise<FileInfo | undefined> {
  const stats = await statOrGone(nodePath.join(folder, name), path);
  if (stats?.isFile() !== true) return undefined;
  const attrs = hasSidecar ? await readAttributes(folder, name, path) : defaultAttributes(name);
  return makeFileInfo(path, stats, attrs);
}

/** Aggregates over every regular file below a real folder. */
export interface Aggregate {
  readonly fileCount: number;
  readonly totalSize: number;
  /** Newest modification time in milliseconds, `undefined` without files. */
  readonly newest: number | undefined;
}

/** Counts the files below a real local folder, at any depth, skipping what listings skip. */
export async function aggregate(folder: string, base: string): Promise<Aggregate> {
  const dirents = await entriesOf(folder, base);
  const parts = await Promise.all(
    dirents.map(async (dirent): Promise<Aggregate> => {
      if (isReservedName(dirent.name)) return EMPTY;
      const local = nodePath.join(folder, dirent.name);
      const path = joinPath(base, dirent.name);
      if (dirent.isDirectory()) return aggregate(local, path);
      if (!dirent.isFile()) return EMPTY;
      const stats = await statOrGone(local, path);
      if (stats?.isFile() !== true) return EMPTY;
      return { fileCount: 1, totalSize: stats.size, newest: stats.mtime.getTime() };
    }),
  );
  return parts.reduce(combine, EMPTY);
}

const EMPTY: Aggregate = { fileCount: 0, totalSize: 0, newest: undefined };

function combine(a: Aggregate, b: Aggregate): Aggregate {
  const newest = a.newest === undefined ? b.newest : b.newest === undefined ? a.newest : Math.max(a.newest, b.newest);
  return { fileCount: a.fileCount + b.fileCount, totalSize: a.totalSize + b.totalSize, newest };
}

async function entriesOf(folder: string, base: string): Promise<Dirent[]> {
  try {
    return await readdir(folder, { withFileTypes: true });
  } catch (error) {
    if (hasErrno(error, "ENOENT", "ENOTDIR")) return [];
    throw mapFsError(error, base);
  }
}

async function statOrGone(local: string, path: string): Promise<Stats | undefined> {
  try {
    return await lstat(local);
  } catch (error) {
    if (hasErrno(error, "ENOENT", "ENOTDIR")) return undefined;
    throw mapFsError(error, path);
  }
}
