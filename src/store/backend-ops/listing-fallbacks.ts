import type { BackendListOptions } from "../../contract/backend.js";
import type { Entry, FileInfo, FolderEntry } from "../../contract/models.js";
import { compareCodePoints } from "../../paths/compare.js";

type ListFiles = (path: string, options: BackendListOptions) => AsyncIterable<FileInfo>;
type ListFolders = (path: string, options: BackendListOptions) => AsyncIterable<FolderEntry>;

/**
 * `listFolders` for a flat namespace (spec BE-020): the folders implied by the files below
 * `path` down to `maxDepth`, in code point order of their paths.
 */
export async function* foldersFromFiles(listFiles: ListFiles, path: string, options: BackendListOptions): AsyncGenerator<FolderEntry> {
  const prefix = path === "" ? "" : `${path}/`;
  const folders = new Set<string>();
  for await (const file of listFiles(path, { maxDepth: Number.POSITIVE_INFINITY })) {
    const segments = file.path.slice(prefix.length).split("/");
    // A file at depth d (0 = in `path` itself) implies the folders at depths 0 … d-1 above it.
    const deepest = Math.min(segments.length - 1, options.maxDepth + 1);
    for (let depth = 1; depth <= deepest; depth++) folders.add(prefix + segments.slice(0, depth).join("/"));
  }
  for (const folder of [...folders].sort(compareCodePoints)) {
    yield Object.freeze({ kind: "folder", path: folder, name: folder.slice(folder.lastIndexOf("/") + 1) });
  }
}

/** `iterChildren` from the two listings at depth 0, merged in name order (spec BE-020). */
export async function* childrenFromListings(listFiles: ListFiles, listFolders: ListFolders, path: string): AsyncGenerator<Entry> {
  const entries: Entry[] = [];
  for await (const folder of listFolders(path, { maxDepth: 0 })) entries.push(folder);
  for await (const file of listFiles(path, { maxDepth: 0 })) entries.push(file);
  yield* entries.sort((a, b) => compareCodePoints(a.name, b.name));
}
