import { AlreadyExists, InvalidPath } from "../errors/classes.js";
import { quotePath } from "../errors/quote-path.js";
import { joinPath, normalizePath, parentPath } from "../paths/index.js";
import type { Store } from "../store/store.js";
import { parseSnapshot, type ParsedFile } from "./parse-snapshot.js";

/** Options of {@link importTree}. */
export interface ImportTreeOptions {
  /** Folder of the store to import into; default the store root. */
  readonly into?: string;
  /** Replace files that exist (default false: `AlreadyExists` before anything is written). */
  readonly overwrite?: boolean;
}

/**
 * Writes a snapshot into a store (spec SNAP-010..SNAP-014). The whole snapshot is validated,
 * and checked against what the store holds, before anything is written: a bad snapshot or a
 * conflict changes nothing. Modification times are kept where the backend declares `setModifiedAt`.
 */
export async function importTree(store: Store, snapshot: unknown, options: ImportTreeOptions = {}): Promise<void> {
  const into = normalizePath(options.into ?? "", "into");
  const overwrite = options.overwrite ?? false;
  const { folders, files } = parseSnapshot(snapshot);
  const target = (path: string): string => joinPath(into, path);
  if (into !== "" && (await store.isFile(into))) throw new InvalidPath(`A file exists where the snapshot goes: ${quotePath(into)}`, { path: into });
  await checkNoFileAbove(store, [...folders, ...files.map((file) => file.path)].map(target));
  for (const folder of folders) {
    if (await store.isFile(target(folder))) throw new InvalidPath(`A file exists where the snapshot has a folder: ${quotePath(target(folder))}`, { path: target(folder) });
  }
  for (const file of files) {
    const path = target(file.path);
    if (await store.isFolder(path)) throw new InvalidPath(`A folder exists where the snapshot has a file: ${quotePath(path)}`, { path });
    if (!overwrite && (await store.isFile(path))) throw new AlreadyExists(`File already exists: ${quotePath(path)}`, { path });
  }
  if (into !== "" && store.supports("createFolder")) await store.createFolder(into, { existOk: true });
  for (const folder of folders) {
    if (store.supports("createFolder")) await store.createFolder(target(folder), { existOk: true });
  }
  const keepTimes = store.supports("setModifiedAt");
  for (const file of files) await writeFile(store, target(file.path), file, { overwrite, keepTimes });
}

async function writeFile(store: Store, path: string, file: ParsedFile, options: { overwrite: boolean; keepTimes: boolean }): Promise<void> {
  await store.write(path, file.bytes, {
    overwrite: options.overwrite,
    ...(file.contentType === undefined ? {} : { contentType: file.contentType }),
    ...(file.metadata === undefined ? {} : { metadata: file.metadata }),
    ...(options.keepTimes && file.modifiedAt !== undefined ? { modifiedAt: file.modifiedAt } : {}),
  });
}

/** Every ancestor of every target path must not be a file in the store (spec SNAP-012). */
async function checkNoFileAbove(store: Store, paths: readonly string[]): Promise<void> {
  const ancestors = new Set<string>();
  for (const path of paths) {
    for (let parent = parentPath(path); parent !== ""; parent = parentPath(parent)) ancestors.add(parent);
  }
  for (const ancestor of ancestors) {
    if (await store.isFile(ancestor)) throw new InvalidPath(`A file exists where the snapshot needs a folder: ${quotePath(ancestor)}`, { path: ancestor });
  }
}
