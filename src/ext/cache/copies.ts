import type { Entry, FileInfo, FolderInfo } from "../../contract/models.js";
import { RootScope } from "../../paths/root-scope.js";
import { freezeEntry, freezeFileInfo, freezeFolderInfo } from "../../store/results.js";
import type { StoreOperation } from "../../store/wrap/operations.js";

const SAME = new RootScope("");

/** A copy of a cached value the caller may own (spec CACHE-006, ST-082): new arrays and Dates, frozen models. */
export type Copier = (value: unknown) => unknown;

const same: Copier = (value) => value;
const bytes: Copier = (value) => (value as Uint8Array).slice();
const fileInfo: Copier = (value) => freezeFileInfo(value as FileInfo, SAME);
const folderInfo: Copier = (value) => freezeFolderInfo(value as FolderInfo, SAME);
const entry: Copier = (value) => freezeEntry(value as Entry, SAME);

/** How the values of a cached operation are copied in and out. */
export function copierOf(operation: StoreOperation): Copier {
  switch (operation) {
    case "readBytes":
      return bytes;
    case "getFileInfo":
      return fileInfo;
    case "getFolderInfo":
      return folderInfo;
    case "listFiles":
    case "listFolders":
    case "iterChildren":
    case "glob":
      return entry;
    default:
      return same;
  }
}
