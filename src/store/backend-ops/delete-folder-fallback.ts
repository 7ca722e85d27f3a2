import type { Backend, BackendListOptions, EntryKind } from "../../contract/backend.js";
import type { FileInfo } from "../../contract/models.js";
import { DirectoryNotEmpty, InvalidPath, NotFound } from "../../errors/classes.js";

/** What {@link deleteFolderByFiles} needs of the backend. */
export interface DeleteFolderSource {
  readonly backend: Backend;
  kindOf(path: string): Promise<EntryKind | undefined>;
  listFiles(path: string, options: BackendListOptions): AsyncIterable<FileInfo>;
  delete(path: string, options: { readonly missingOk: boolean }): Promise<void>;
}

/**
 * `deleteFolder` for a flat namespace, where a folder exists while it holds files (spec BE-020):
 * a file is `InvalidPath`, a missing folder `NotFound` (unless `missingOk`), any existing folder
 * is non-empty (`DirectoryNotEmpty` unless `recursive`), and a recursive delete removes every
 * file below it. Not atomic: a failure part-way leaves the files not yet deleted.
 */
export async function deleteFolderByFiles(source: DeleteFolderSource, path: string, options: { readonly recursive: boolean; readonly missingOk: boolean }): Promise<void> {
  const kind = await source.kindOf(path);
  if (kind === "file") throw new InvalidPath("Is a file, not a folder", { path, backend: source.backend.name });
  if (kind === undefined) {
    if (options.missingOk) return;
    throw new NotFound("Folder not found", { path, backend: source.backend.name });
  }
  if (!options.recursive) throw new DirectoryNotEmpty("Folder not empty", { path, backend: source.backend.name });
  const files: string[] = [];
  for await (const file of source.listFiles(path, { maxDepth: Number.POSITIVE_INFINITY })) files.push(file.path);
  for (const file of files) await source.delete(file, { missingOk: true });
}
