import type { Backend, BackendListOptions, EntryKind } from "../../contract/backend.js";
import type { FileInfo, FolderInfo } from "../../contract/models.js";
import { InvalidPath, NotFound } from "../../errors/classes.js";

/** What {@link folderInfoFromFiles} needs of the backend. */
export interface FolderInfoSource {
  readonly backend: Backend;
  kindOf(path: string): Promise<EntryKind | undefined>;
  listFiles(path: string, options: BackendListOptions): AsyncIterable<FileInfo>;
}

/**
 * `getFolderInfo` from a recursive `listFiles` (spec BE-020): the root always works; a missing
 * folder is `NotFound`, a file `InvalidPath`.
 */
export async function folderInfoFromFiles(source: FolderInfoSource, path: string): Promise<FolderInfo> {
  if (path !== "") {
    const kind = await source.kindOf(path);
    if (kind === undefined) throw new NotFound("Folder not found", { path, backend: source.backend.name });
    if (kind === "file") throw new InvalidPath("Is a file, not a folder", { path, backend: source.backend.name });
  }
  let fileCount = 0;
  let totalSize = 0;
  let newest: number | undefined;
  for await (const file of source.listFiles(path, { maxDepth: Number.POSITIVE_INFINITY })) {
    fileCount++;
    totalSize += file.size;
    const time = file.modifiedAt.getTime();
    if (newest === undefined || time > newest) newest = time;
  }
  return Object.freeze({ path, fileCount, totalSize, ...(newest === undefined ? {} : { modifiedAt: new Date(newest) }) });
}
