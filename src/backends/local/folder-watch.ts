import { watch as watchFs, type FSWatcher, type Stats } from "node:fs";
import { lstat, readdir } from "node:fs/promises";
import * as nodePath from "node:path";
import type { BackendWatch, BackendWatchOptions, ChangeEvent } from "../../contract/watch.js";
import { baseName, isWithin, joinPath, parentPath } from "../../paths/path-parts.js";
import { hasErrno, mapFsError } from "./errno.js";
import { isReservedName } from "./reserved.js";

/** What {@link watchFolder} needs. */
export interface FolderWatchRequest {
  /** The backend's real root folder (prepared). */
  readonly root: string;
  /** The watched folder's backend path. */
  readonly path: string;
  readonly options: BackendWatchOptions;
}

/** A running watch; `end()` is the backend closing it (`onEnd()` without an error). */
export interface FolderWatch extends BackendWatch {
  end(): Promise<void>;
}

/** What a watch knows of one entry of a folder. */
interface Entry {
  readonly kind: "file" | "folder";
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
}

/** One watched folder: its `fs.watch`, what it held when last looked at, and its queue of looks. */
interface WatchedFolder {
  readonly path: string;
  readonly watcher: FSWatcher;
  readonly entries: Map<string, Entry>;
  /** Names to look at again, or `"all"` for a full read. */
  pending: Set<string> | "all";
  running: boolean;
  released: boolean;
}

/**
 * Watches a folder of the local backend through `fs.watch`, one watch per folder (spec
 * WATCH-050..WATCH-052): changes by any process are reported; reserved names (sidecars, temp
 * files, uploads; LOC-011) are never shown.
 *
 * Each folder is watched first and read afterwards, so a change made while a new folder is being
 * looked at is either in the read or in an event after it, never lost (a watcher that reads and then
 * watches misses what lands in between: a `mkdir -p a/b` followed at once by a write). Events
 * are computed by comparing what a folder holds with what it held, so the temp file and rename of
 * one write are one event. The watch runs from the backend's root, along the way to the watched
 * folder, which therefore need not exist yet.
 */
export async function watchFolder(request: FolderWatchRequest): Promise<FolderWatch> {
  const tree = new TreeWatch(request);
  try {
    await tree.start();
  } catch (error) {
    tree.release();
    throw mapFsError(error, request.path);
  }
  return {
    close: async () => {
      tree.release();
    },
    end: async () => {
      if (tree.release()) request.options.onEnd();
    },
  };
}

class TreeWatch {
  private readonly folders = new Map<string, WatchedFolder>();
  private ended = false;

  constructor(private readonly request: FolderWatchRequest) {}

  /** Watches and reads the root and the folders along the way to the watched one; resolves when all are read. */
  async start(): Promise<void> {
    await this.add("", { report: false });
  }

  /** Stops every `fs.watch`; false when it had already stopped. */
  release(): boolean {
    if (this.ended) return false;
    this.ended = true;
    for (const folder of this.folders.values()) this.unwatch(folder);
    this.folders.clear();
    return true;
  }

  /** Watches folder `path`, then reads it; with `report`, what it holds is new and reported. */
  private async add(path: string, how: { report: boolean }): Promise<void> {
    if (this.ended || this.folders.has(path) || !this.descends(path)) return;
    let watcher: FSWatcher;
    try {
      watcher = watchFs(this.local(path), { persistent: true });
    } catch (error) {
      if (path !== "" && hasErrno(error, "ENOENT")) return; // gone already: its parent's next look reports it
      throw error;
    }
    const folder: WatchedFolder = { path, watcher, entries: new Map(), pending: "all", running: false, released: false };
    this.folders.set(path, folder);
    watcher.on("change", (_type, name) => this.touch(folder, typeof name === "string" && !name.includes(nodePath.sep) ? name : undefined));
    watcher.on("error", (error: NodeJS.ErrnoException) => this.failed(folder, error));
    await this.drain(folder, how);
  }

  /** Something changed in `folder` (the entry `name`, or unknown): look again. */
  private touch(folder: WatchedFolder, name: string | undefined): void {
    if (folder.released) return;
    if (name === undefined) folder.pending = "all";
    else if (folder.pending !== "all") folder.pending.add(name);
    if (!folder.running) void this.drain(folder, { report: true });
  }

  /** Looks at what is pending in `folder`, one look at a time, until nothing is. */
  private async drain(folder: WatchedFolder, how: { report: boolean }): Promise<void> {
    folder.running = true;
    try {
      let report = how.report;
      while (!folder.released && (folder.pending === "all" || folder.pending.size > 0)) {
        const pending = folder.pending;
        folder.pending = new Set();
        const names = pending === "all" ? await this.namesIn(folder) : [...pending];
        for (const name of names) {
          if (folder.released) return;
          await this.look(folder, name, report);
        }
        report = true;
      }
    } catch (error) {
      this.failed(folder, error as NodeJS.ErrnoException);
    } finally {
      folder.running = false;
    }
  }

  /** The names to look at for a full read: what the folder holds now and what it held. */
  private async namesIn(folder: WatchedFolder): Promise<string[]> {
    const now = await readdir(this.local(folder.path)).catch((error: unknown) => {
      if (hasErrno(error, "ENOENT", "ENOTDIR")) return [];
      throw error;
    });
    return [...new Set([...folder.entries.keys(), ...now])];
  }

  /** Compares entry `name` of `folder` with what was known of it, and reports the difference. */
  private async look(folder: WatchedFolder, name: string, report: boolean): Promise<void> {
    const path = joinPath(folder.path, name);
    if (isReservedName(name) || !visible(path, this.request.path, this.request.options.recursive)) return;
    const stats = await lstat(this.local(path)).catch((error: unknown) => {
      if (hasErrno(error, "ENOENT", "ENOTDIR")) return undefined;
      throw error;
    });
    if (folder.released) return;
    const before = folder.entries.get(name);
    const now = stats === undefined ? undefined : entryOf(stats);
    if (before !== undefined && (now === undefined || now.kind !== before.kind)) {
      folder.entries.delete(name);
      this.gone(path, before, report);
    }
    if (now === undefined) return;
    folder.entries.set(name, now);
    if (now.kind === "folder") {
      if (before?.kind !== "folder" && report) this.emit({ type: "created", kind: "folder", path });
      if (!this.folders.has(path)) await this.add(path, { report: report || before?.kind === "folder" });
      return;
    }
    const changed = before?.kind === "file" && (before.size !== now.size || before.mtimeMs !== now.mtimeMs || before.ino !== now.ino);
    if (report && (before?.kind !== "file" || changed)) {
      this.emit({ type: before?.kind === "file" ? "updated" : "created", kind: "file", path, size: now.size, modifiedAt: new Date(now.mtimeMs) });
    }
  }

  /** An entry is gone: a folder's known contents are reported deleted first, deepest first, then the entry. */
  private gone(path: string, entry: Entry, report: boolean): void {
    if (entry.kind === "folder") {
      const folder = this.folders.get(path);
      if (folder !== undefined) {
        this.folders.delete(path);
        this.unwatch(folder);
        for (const [name, child] of folder.entries) this.gone(`${path}/${name}`, child, report);
      }
    }
    if (report) this.emit({ type: "deleted", kind: entry.kind, path });
  }

  private unwatch(folder: WatchedFolder): void {
    folder.released = true;
    folder.watcher.close();
  }

  /** A folder that vanished is its parent's news; any other failure ends the watch with it. */
  private failed(folder: WatchedFolder, error: NodeJS.ErrnoException): void {
    if (folder.released || this.ended) return;
    if (hasErrno(error, "ENOENT", "ENOTDIR", "EPERM")) {
      this.unwatch(folder);
      this.folders.delete(folder.path);
      const above = this.folders.get(parentPath(folder.path));
      if (above !== undefined && folder.path !== "") this.touch(above, baseName(folder.path));
      if (folder.path !== "") return;
    }
    if (this.release()) this.request.options.onEnd(mapFsError(error, this.request.path));
  }

  private emit(event: ChangeEvent): void {
    if (!this.ended) this.request.options.onEvent(event);
  }

  /** True when folder `path` is watched: on the way to the watched folder, it, or (recursive) below it. */
  private descends(path: string): boolean {
    const target = this.request.path;
    return isWithin(target, path) || (this.request.options.recursive && isWithin(path, target));
  }

  private local(path: string): string {
    return path === "" ? this.request.root : nodePath.join(this.request.root, ...path.split("/"));
  }
}

function entryOf(stats: Stats): Entry {
  return { kind: stats.isDirectory() ? "folder" : "file", size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino };
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
