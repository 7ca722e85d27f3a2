import type { Stats } from "node:fs";
import type { FileInfo, FolderEntry } from "../../contract/models.js";
import { baseName } from "../../paths/path-parts.js";
import type { FileAttributes } from "./sidecar.js";

/** A frozen `FileInfo` for a file at backend path `path`. */
export function makeFileInfo(path: string, stats: Stats, attrs: FileAttributes): FileInfo {
  const info: FileInfo = {
    kind: "file",
    path,
    name: baseName(path),
    size: stats.size,
    modifiedAt: new Date(stats.mtime.getTime()),
    contentType: attrs.contentType,
    ...(attrs.metadata === undefined ? {} : { metadata: Object.freeze({ ...attrs.metadata }) }),
  };
  return Object.freeze(info);
}

/** A frozen `FolderEntry` for a folder at backend path `path`. */
export function makeFolderEntry(path: string): FolderEntry {
  return Object.freeze({ kind: "folder", path, name: baseName(path) });
}
