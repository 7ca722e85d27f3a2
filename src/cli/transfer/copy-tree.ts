import { AlreadyExists, InvalidPath } from "../../errors/classes.js";
import { quotePath } from "../../errors/quote-path.js";
import { copyBetween } from "../../ext/transfer/index.js";
import type { FileInfo } from "../../contract/models.js";
import { isWithin, joinPath } from "../../paths/index.js";
import { relativeTo } from "../format/tree.js";
import type { Interrupt } from "../progress/interrupt.js";
import type { Progress } from "../progress/progress.js";
import type { Location } from "../session/location.js";
import { mapLimit } from "../../shared/concurrency/map-limit.js";
import { ProgressTracker } from "../../shared/progress/progress-tracker.js";

/** How a folder is copied. */
export interface CopyTreeOptions {
  readonly overwrite: boolean;
  readonly interrupt: Interrupt;
  readonly progress: Progress;
  /** Files copied at once (default 4). */
  readonly concurrency?: number;
}

/** What a folder copy did. */
export interface CopyTreeResult {
  readonly files: number;
  readonly bytes: number;
}

/** The backend path of a location, to compare locations on one backend. */
function backendPath(location: Location): string {
  return joinPath(location.store.rootPath, location.path);
}

/**
 * Copies the folder `source` to `target` — on any two stores — file by file with `copyBetween`
 * (spec CLI-048): conflicts are checked first (nothing is written when one is found), files
 * stream with bounded concurrency and progress, empty folders are created where the destination
 * has `createFolder`, and Ctrl-C abandons the files in flight (no partial file).
 */
export async function copyTree(source: Location, target: Location, options: CopyTreeOptions): Promise<CopyTreeResult> {
  if (source.store.backend === target.store.backend && isWithin(backendPath(target), backendPath(source))) {
    throw target.label(new InvalidPath(`Cannot copy a folder into itself: ${quotePath(target.path)}`, { path: target.path }));
  }
  const [files, folders] = await source.run(() => Promise.all([
    source.store.listFiles(source.path, { recursive: true }).toArray(),
    source.store.listFolders(source.path, { recursive: true }).toArray(),
  ]));
  const destination = (path: string): string => joinPath(target.path, relativeTo(source.path, path));
  await checkConflicts(target, files.map((file) => destination(file.path)), options.overwrite);
  options.interrupt.check();
  if (target.store.supports("createFolder")) {
    const wanted = [...(target.path === "" ? [] : [target.path]), ...folders.map((folder) => destination(folder.path))];
    for (const folder of wanted) await target.run(() => target.store.createFolder(folder, { existOk: true }));
  }
  const tracker = new ProgressTracker(files.length, files.reduce((sum, file) => sum + file.size, 0), (state) => options.progress.update(state));
  tracker.start();
  let bytes = 0;
  try {
    await mapLimit(files, options.concurrency ?? 4, async (file: FileInfo) => {
      options.interrupt.check();
      let counted = 0;
      const result = await target.run(() =>
        copyBetween(source.store, file.path, target.store, destination(file.path), {
          overwrite: options.overwrite,
          onProgress: ({ bytesDone }) => {
            options.interrupt.check();
            tracker.bytes(file.path, bytesDone - counted);
            counted = bytesDone;
          },
        }),
      );
      bytes += result.size;
      tracker.fileDone(file.path, file.size);
    });
  } finally {
    options.progress.stop();
  }
  return { files: files.length, bytes };
}

/** `ALREADY_EXISTS` for the first existing destination file (without `overwrite`), `INVALID_PATH` for a folder in a file's place. */
async function checkConflicts(target: Location, paths: readonly string[], overwrite: boolean): Promise<void> {
  const [existingFiles, existingFolders] = await target.run(async () => {
    if (!(await target.store.isFolder(target.path))) return [new Set<string>(), new Set<string>()];
    const [files, folders] = await Promise.all([
      target.store.listFiles(target.path, { recursive: true }).toArray(),
      target.store.listFolders(target.path, { recursive: true }).toArray(),
    ]);
    return [new Set(files.map((file) => file.path)), new Set(folders.map((folder) => folder.path))];
  });
  for (const path of paths) {
    if (existingFolders.has(path)) throw target.label(new InvalidPath(`A folder is in the way: ${quotePath(path)}`, { path }));
    if (!overwrite && existingFiles.has(path)) throw target.label(new AlreadyExists(`File already exists (use --force): ${quotePath(path)}`, { path }));
  }
}
