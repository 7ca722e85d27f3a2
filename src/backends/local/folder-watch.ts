import type { Stats } from "node:fs";
import { stat } from "node:fs/promises";
import * as nodePath from "node:path";
import type { BackendWatch, BackendWatchOptions, ChangeEvent } from "../../contract/watch.js";
import { mapFsError } from "./errno.js";
import { isReservedName } from "./reserved.js";

/** What {@link watchFolder} needs. */
export interface FolderWatchRequest {
  /** The backend's real root folder (prepared). */
  readonly root: string;
  /** The watched folder's backend path and segments. */
  readonly path: string;
  readonly segments: readonly string[];
  readonly options: BackendWatchOptions;
}

/** A running watch; `end()` is the backend closing it (`onEnd()` without an error). */
export interface FolderWatch extends BackendWatch {
  end(): Promise<void>;
}

/**
 * Watches a folder of the local backend with chokidar (spec WATCH-050..WATCH-052): changes by any
 * process, reserved names (sidecars, temp files, uploads; LOC-011) never shown. A folder that does
 * not exist yet is watched from its nearest existing ancestor, looking only along the way to it.
 * chokidar is imported when the first watch starts, so nothing else loads it.
 */
export async function watchFolder(request: FolderWatchRequest): Promise<FolderWatch> {
  const { root, path, segments, options } = request;
  const base = await existingAncestor(root, segments);
  const { watch } = await import("chokidar");
  const below = segments.length - base;
  const watcher = watch(nodePath.join(root, ...segments.slice(0, base)), {
    ignoreInitial: true,
    alwaysStat: true,
    followSymlinks: false,
    ...(options.recursive ? {} : { depth: below }),
    ignored: (local: string) => !visible(backendPath(root, local), path, options.recursive),
  });
  let ended = false;
  const report = (event: ChangeEvent): void => {
    if (!ended && event.path !== "" && visible(event.path, path, options.recursive)) options.onEvent(event);
  };
  const file = (type: "created" | "updated") => (local: string, stats?: Stats) =>
    report({ type, kind: "file", path: backendPath(root, local), ...(stats === undefined ? {} : { size: stats.size, modifiedAt: stats.mtime }) });
  watcher.on("add", file("created"));
  watcher.on("change", file("updated"));
  watcher.on("unlink", (local: string) => report({ type: "deleted", kind: "file", path: backendPath(root, local) }));
  watcher.on("addDir", (local: string) => report({ type: "created", kind: "folder", path: backendPath(root, local) }));
  watcher.on("unlinkDir", (local: string) => report({ type: "deleted", kind: "folder", path: backendPath(root, local) }));
  const stop = async (): Promise<void> => {
    if (ended) return;
    ended = true;
    await watcher.close();
  };
  watcher.on("error", (error: unknown) => {
    if (ended) return;
    void stop().then(() => options.onEnd(mapFsError(error, path)));
  });
  await new Promise<void>((resolve) => watcher.once("ready", resolve));
  return {
    close: stop,
    end: async () => {
      if (ended) return;
      await stop();
      options.onEnd();
    },
  };
}

/** How many leading segments of the watched folder exist as real folders (0 = only the root). */
async function existingAncestor(root: string, segments: readonly string[]): Promise<number> {
  for (let depth = segments.length; depth > 0; depth--) {
    const stats = await stat(nodePath.join(root, ...segments.slice(0, depth))).catch(() => undefined);
    if (stats?.isDirectory() === true) return depth;
  }
  return 0;
}

/** The backend path of a local path below the root. */
function backendPath(root: string, local: string): string {
  const relative = nodePath.relative(root, local);
  return nodePath.sep === "/" ? relative : relative.split(nodePath.sep).join("/");
}

/**
 * True when a watch of `folder` should look at backend path `path`: not reserved, and on the way
 * to the folder, the folder itself, or below it (only its own entries without `recursive`).
 */
function visible(path: string, folder: string, recursive: boolean): boolean {
  if (path === "") return true;
  const segments = path.split("/");
  if (segments.some(isReservedName)) return false;
  if (folder === path || folder.startsWith(`${path}/`)) return true;
  if (folder !== "" && !path.startsWith(`${folder}/`)) return false;
  return recursive || segments.length === (folder === "" ? 1 : folder.split("/").length + 1);
}
